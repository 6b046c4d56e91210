"""Reading YAML safely, keeping where every key and value stood in the file.

Every input govcheck reads (facts, rules, packs, waivers) comes through here, so
that each later error can name a file, a line and a column. The reader is
stricter than PyYAML's defaults where the defaults lose information:

- duplicate keys are errors (PyYAML silently keeps the last one);
- only ``true``/``false`` are booleans, as in YAML 1.2 (a person called "No" stays "No");
- ``10:30`` is text, not the base-60 number 630;
- no tag can construct a Python object (safe loading only);
- sizes, nesting depth and alias expansion are bounded (``yamllimits``), so
  hostile input is refused quickly instead of exhausting memory.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.paths import PathKey
from govcheck.engine.reading import yamllimits
from govcheck.engine.reading.files import read_bounded
from govcheck.engine.reading.yamlerrors import syntax_error
from govcheck.engine.reading.yamllimits import MAX_DEPTH, MAX_FILE_BYTES, MAX_STRING, MAX_VALUES

try:  # libyaml's parser is several times faster; fall back quietly where it is absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _StrictLoader(_BaseLoader):
    """SafeLoader with YAML 1.2 booleans and no base-60 numbers."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # libyaml parses in C but calls this Python method for the type of every scalar, trying
        # pattern after pattern. A plain (unquoted) scalar's type depends on its text alone, and
        # the same keys, dates and yes/no values recur all through a file: each is typed once.
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


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


class _CountedLoader(yamllimits.Counted, _StrictLoader):
    """The strict loader, counting levels and values as it composes (for files with no anchors or tags)."""


@dataclass
class SourceMap:
    """Where each key and value of one YAML document stood (1-based line and column)."""

    file: str
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # The text of each value YAML read as something other than text (a number, a date, true/false),
    # so a message can quote what was written.
    raw: dict[PathKey, str] = field(default_factory=dict)

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

    def placed(self, error: InputError) -> InputError:
        """``error``'s problems as told for this file: at their line and column here (a workbook tells its cell)."""
        return error


def read_text(path: Path) -> str:
    """The file's text, or an InputError saying plainly why it cannot be read."""
    data = read_bounded(path, MAX_FILE_BYTES, what="a YAML file", hint="name a YAML file", directory_hint=None)
    return decode(data, str(path))


def decode(data: bytes, file: str) -> str:
    """UTF-8 text (a byte-order mark is allowed), or an InputError at the first byte that is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.single(file, "is UTF-16 text, not UTF-8", 1, 1, hint="save the file as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start : error.start + 1]
        try:  # most such files were saved by a Windows program in its default encoding
            guess = f"; in Windows-1252 this byte is {byte.decode('cp1252')!r}"
        except UnicodeDecodeError:
            guess = ""
        raise InputError.single(
            file,
            f"is not UTF-8 text: byte 0x{byte.hex().upper()} cannot start or continue a character{guess}",
            line,
            column,
            hint="save the file as UTF-8",
        ) from None


def parse(text: str, file: str, *, empty_hint: str | None = None) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain Python values and the map of their positions.

    ``empty_hint`` tells the reader of an empty file what the file should start with.
    """
    # Most files are composed straight away, their bounds counted on the way; a file with anchors,
    # aliases, tags or control characters, or one that turns out unusual on the way (too deep, too
    # big, not YAML at all), is read the careful way, which finds and names its first problem.
    if yamllimits.checkable_while_composing(text):
        try:
            return _read(text, file, empty_hint, careful=False)
        except yamllimits.Unusual:
            pass
    return _read(text, file, empty_hint, careful=True)


def _read(text: str, file: str, empty_hint: str | None, *, careful: bool) -> tuple[Any, SourceMap]:
    try:
        if careful:
            yamllimits.check(text, file, _StrictLoader)
        root = yaml.compose(text, Loader=_StrictLoader if careful else _CountedLoader)
    except yaml.YAMLError as error:
        if not careful:
            raise yamllimits.Unusual from None  # the careful reading reports it, after any bound broken before it
        raise syntax_error(error, file, text) from None
    source = SourceMap(file)
    if root is None:
        raise InputError.single(file, "is empty", 1, 1, hint=empty_hint)
    builder = _Builder(source)
    value = builder.build(root, ())
    if builder.problems:
        raise InputError(builder.problems)
    return value, source


def load(path: Path, *, empty_hint: str | None = None) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file."""
    return parse(read_text(path), str(path), empty_hint=empty_hint)


_MERGE = "tag:yaml.org,2002:merge"
_TEXT_TAGS = ("tag:yaml.org,2002:str", "!", _MERGE, "tag:yaml.org,2002:value")


def _is_text(node: yaml.Node) -> bool:
    """A scalar read as text, within the length allowed: its value is its text as written."""
    return type(node) is yaml.ScalarNode and node.tag in _TEXT_TAGS and len(node.value) <= MAX_STRING


class _Builder:
    """Turns a composed node tree into values, recording positions and problems.

    The tree has passed ``yamllimits.check``: it is shallow enough to recurse
    over, small enough to expand every alias of, and has no foreign tags.
    """

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.constructor = _StrictLoader("")

    def problem(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(self.source.file, message, node.start_mark.line + 1, node.start_mark.column + 1, hint)
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.source.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        value = self._scalar(node)
        if value is not None and not isinstance(value, str):
            self.source.raw[path] = node.value  # as written: 3.10, not 3.1; 01234567, not 1234567
        return value

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        merges: list[yaml.Node] = []
        in_a_list = bool(path) and isinstance(path[-1], int)
        entry_restarted = False  # a list entry whose first key came again: its `- ` was left out
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.extend(value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node])
                continue
            if _is_text(key_node):
                key = key_node.value  # nearly every key: plain text, read without the general path
            else:
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    self.problem(key_node, "a key must be plain text", hint="quote keys such as true, false or dates")
                    continue
            key_path = (*path, key)
            if key in result:
                if entry_restarted:
                    continue  # the rest of the entry that lost its `- `: told once, at its first key
                first = self.source.keys.get(key_path)
                where = f" (first at line {first[0]})" if first else ""
                if in_a_list and key == next(iter(result)):
                    # The key that opened this list entry, again: the next entry lost its `- `.
                    entry_restarted = True
                    self.problem(
                        key_node,
                        f"{key!r} a second time in one list entry{where}",
                        hint=f"a new entry of the list starts with a dash: write `- {key}: ...`",
                    )
                    continue
                self.problem(
                    key_node,
                    f"duplicate key {key!r}{where}",
                    hint="each key may appear once in a mapping; merge the two entries",
                )
                continue
            mark = key_node.start_mark
            self.source.keys.setdefault(key_path, (mark.line + 1, mark.column + 1))
            if _is_text(value_node):
                # Most values are text too: placed and read here as build() would, without the call.
                mark = value_node.start_mark
                self.source.values.setdefault(key_path, (mark.line + 1, mark.column + 1))
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, key_path)
        # `<<: *defaults` copies the keys of another mapping that this one does not set itself;
        # of several merged mappings, the first listed wins (YAML's merge-key rule).
        for merged in merges:
            if not isinstance(merged, yaml.MappingNode):
                self.problem(merged, "<<: merges a mapping, or a list of mappings, into this one")
                continue
            for key, value in self._mapping(merged, path).items():
                result.setdefault(key, value)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "expected a single value here")
            return None
        tag, text = node.tag, node.value
        if len(text) > MAX_STRING:  # only a file composed without the event-stream check gets here
            raise yamllimits.Unusual
        try:
            if tag in _TEXT_TAGS:
                return text
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag == "tag:yaml.org,2002:bool":
                return {"true": True, "false": False}[text.lower()]
            if tag == "tag:yaml.org,2002:int":
                # YAML 1.2: 010 is ten (not eight, as in YAML 1.1); 0o10 is eight.
                return int(text, 0) if text.lower().startswith(("0x", "0o")) else int(text, 10)
            if tag == "tag:yaml.org,2002:float":
                special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
                return special[text.lower()] if text.lower() in special else float(text)
            if tag == "tag:yaml.org,2002:timestamp":
                if len(text) == 10:  # YYYY-MM-DD, the only ten-character timestamp the resolver accepts
                    return dt.date.fromisoformat(text)
                return self.constructor.construct_yaml_timestamp(node)
        except (KeyError, ValueError) as error:
            shown = text if len(text) <= 40 else text[:40] + "..."
            if tag.endswith(":timestamp"):
                self.problem(node, f"{shown!r} is not a real date: {_why_not_a_date(text, error)}", "check the date")
            else:
                self.problem(node, f"cannot read {shown!r} as {tag.rsplit(':', 1)[-1]}")
            return None
        self.problem(node, f"unsupported tag {tag!r}", hint="remove the tag; govcheck reads plain data only")
        return None


def _why_not_a_date(text: str, error: Exception) -> str:
    """'February 2019 has 28 days', or whatever else is wrong with a YYYY-MM-DD that is not a date."""
    year, month, day = (int(part) for part in re.split(r"[^0-9]", text, maxsplit=3)[:3])
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return f"there is no day {day}"
    length = calendar.monthrange(year, month)[1]
    if day > length:
        return f"{calendar.month_name[month]} {year} has {length} days"
    return str(error)  # a time of day out of range: 25:00, say


__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_STRING", "MAX_VALUES", "SourceMap", "load", "parse"]
