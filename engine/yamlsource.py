"""Reading YAML safely, keeping where every key and value stood in the file.

Every input govcheck reads (facts, rules, packs, waivers) comes through here, so
that each later error can name a file, a line and a column. The reader is
stricter than PyYAML's defaults where the defaults lose information:

- duplicate keys are errors (PyYAML silently keeps the last one);
- only ``true``/``false`` are booleans, as in YAML 1.2 (a person called "No" stays "No");
- ``10:30`` is text, not the base-60 number 630;
- no tag can construct a Python object (safe loading only);
- sizes, nesting depth and alias expansion are bounded, so hostile input is
  refused quickly instead of exhausting memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from govcheck.engine.errors import InputError, Problem

try:  # libyaml's parser is several times faster; fall back quietly where it is absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 64
MAX_STRING = 100_000

PathKey = tuple[str | int, ...]


class _StrictLoader(_BaseLoader):
    """SafeLoader with YAML 1.2 booleans and no base-60 numbers."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


@dataclass
class SourceMap:
    """Where each key and value of one YAML document stood (1-based line and column)."""

    file: str
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, prefer_key: bool = False) -> tuple[int, int] | None:
        """The position of ``path``, or of its nearest enclosing entry that has one."""
        first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
        probe = tuple(path)
        while True:
            position = first.get(probe) or second.get(probe)
            if position is not None or not probe:
                return position
            probe = probe[:-1]

    def line_of(self, path: PathKey) -> int | None:
        position = self.locate(path)
        return position[0] if position else None


def read_text(path: Path) -> str:
    """The file's text, or an InputError saying plainly why it cannot be read."""
    name = str(path)
    if path.is_dir():
        raise InputError.single(name, "is a directory, not a YAML file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError.single(name, f"is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(name, "does not exist") from None
    except OSError as error:
        raise InputError.single(name, f"cannot be read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError.single(
            name, f"is not UTF-8 text (byte {error.start})", line, hint="save the file as UTF-8"
        ) from None


def parse(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain Python values and the map of their positions."""
    try:
        root = yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, file, text) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML always marks parse errors
        raise InputError.single(file, f"is not valid YAML: {error}") from None
    source = SourceMap(file)
    if root is None:
        raise InputError.single(file, "is empty", hint="a facts file starts with format_version: 1")
    builder = _Builder(source)
    value = builder.build(root, ())
    if builder.problems:
        raise InputError(builder.problems)
    return value, source


def load(path: Path) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file."""
    return parse(read_text(path), str(path))


def _syntax_error(error: yaml.MarkedYAMLError, file: str, text: str) -> InputError:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or str(error)
    hint = None
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "\\t" in problem:
        hint = "indent with spaces; YAML does not allow tabs for indentation"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' needs quotes"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    context = f" {error.context}" if error.context and error.context != problem else ""
    return InputError.single(file, f"YAML syntax error: {problem}{context}", line, column, hint)


class _Builder:
    """Turns a composed node tree into values, recording positions and problems."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.nodes_seen = 0
        self.constructor = _StrictLoader("")

    def problem(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(self.source.file, message, node.start_mark.line + 1, node.start_mark.column + 1, hint)
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.nodes_seen += 1
        if self.nodes_seen > MAX_NODES:
            raise InputError(
                [
                    Problem(
                        self.source.file,
                        f"has more than {MAX_NODES:,} values; refusing to read it",
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                        "aliases (*name) that expand into many copies are not allowed",
                    )
                ]
            )
        if len(path) > MAX_DEPTH:
            raise InputError(
                [
                    Problem(
                        self.source.file,
                        f"nests deeper than {MAX_DEPTH} levels",
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                    )
                ]
            )
        self.source.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        self.constructor.flatten_mapping(node)  # resolves `<<: *anchor` merge keys
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self.problem(key_node, "a key must be plain text", hint="quote keys such as true, false or dates")
                continue
            key_path = (*path, key)
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.source.keys.get(key_path)
                where = f" (first at line {first[0]})" if first else ""
                self.problem(
                    key_node,
                    f"duplicate key {key!r}{where}",
                    hint="each key may appear once in a mapping; merge the two entries",
                )
                continue
            self.source.keys[key_path] = position
            result[key] = self.build(value_node, key_path)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "expected a single value here")
            return None
        if len(node.value) > MAX_STRING:
            self.problem(node, f"value is {len(node.value):,} characters long; the limit is {MAX_STRING:,}")
            return None
        if node.tag.startswith("tag:yaml.org,2002:") or node.tag == "!":
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.constructor.ConstructorError, ValueError) as error:
                message = str(error)
                if node.tag.endswith(":timestamp"):
                    self.problem(node, f"{node.value!r} is not a real date ({message})", hint="check the day and month")
                else:
                    self.problem(node, f"cannot read {node.value!r}: {message}")
                return None
        self.problem(node, f"unsupported tag {node.tag!r}", hint="remove the tag; govcheck reads plain data only")
        return None
