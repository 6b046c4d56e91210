"""PyYAML's syntax errors as plain messages: where the mistake is, what it is, and the usual fix.

PyYAML reports where its parser gave up, in a parser's words ("did not find
expected key while parsing a block mapping"). People who write facts files by
hand make a handful of mistakes over and over; for each, this names the
mistake, points at the place to fix (the opening quote, not the end of the
file) and says what to write instead.
"""

from __future__ import annotations

import re

import yaml

from govcheck.engine.core.errors import InputError, Problem

PREFIX = "YAML syntax error: "


def syntax_error(error: yaml.YAMLError, file: str, text: str) -> InputError:
    """The InputError for a PyYAML parse error in ``text``, read from ``file``."""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_error(error, file, text)
    if not isinstance(error, yaml.MarkedYAMLError):  # pragma: no cover - PyYAML marks every parse error
        return InputError.single(file, f"{PREFIX}{error}")
    problem = error.problem or ""
    context = error.context or ""
    at = error.problem_mark or error.context_mark
    start = error.context_mark or at
    lines = text.splitlines()

    def line_text(mark: yaml.Mark | None) -> str:
        return lines[mark.line] if mark is not None and mark.line < len(lines) else ""

    def made(message: str, mark: yaml.Mark | None, hint: str | None = None, column: int | None = None) -> InputError:
        line = mark.line + 1 if mark is not None else None
        col = column if column is not None else (mark.column + 1 if mark is not None else None)
        return InputError([Problem(file, PREFIX + message, line, col, hint)])

    bad = line_text(at)
    indent = bad[: len(bad) - len(bad.lstrip())]
    if "\t" in indent or "tab character" in problem:
        return made(
            "a tab is used for indentation",
            at,
            "indent with spaces; YAML does not allow tabs",
            column=(indent.index("\t") + 1) if "\t" in indent else None,
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return made("a quoted value is never closed", start, "add the closing quote")
    if "mapping values are not allowed" in problem:
        deeper = _indented_past_the_key_above(lines, at)
        if deeper is not None:
            return made(
                "this key is indented more than the key above it",
                at,
                f"keys of one mapping start in the same column: remove {deeper} space{'s' if deeper > 1 else ''} "
                "before it",
                column=len(indent) + 1,
            )
        return made("a value contains ': '", at, "put the whole value in quotes")
    if "could not find expected ':'" in problem:
        return made(
            "a key has no ':' after it",
            start,
            "write `key: value`; if the text continues the line above, indent it more or quote the value",
        )
    closing = re.search(r"expected ',' or '([\]}])'", problem)
    if closing:
        return made(f"a list or mapping opened here is not closed with {closing.group(1)}", start, "add the bracket")
    if "did not find expected key" in problem or "expected <block end>" in problem or "'-' indicator" in problem:
        return made(
            "this line is not indented in line with the lines around it",
            at,
            "keys of one mapping, and the '- ' of one list, start in the same column",
        )
    if "cannot start any token" in problem and at is not None:
        char = bad[at.column : at.column + 1] or "?"
        return made(f"a value cannot start with {char!r}", at, "put the value in quotes")
    if "found duplicate anchor" in context:
        named = re.match(r"&([^\s,\[\]{}]+)", bad[at.column :] if at else "")
        anchor = f"the anchor &{named.group(1)}" if named else "an anchor"
        first = f" (first at line {error.context_mark.line + 1})" if error.context_mark else ""
        return made(f"{anchor} is defined twice{first}", at, "give each anchor its own name")
    if "undefined alias" in problem:
        name = re.match(r"\*([^\s,\]}]*)", bad[at.column :] if at else "")
        alias = f"*{name.group(1)}" if name else "an alias"
        return made(f"{alias} is used, but no anchor of that name is defined above it", at, "define &name first")
    if "another document" in problem:
        return made("the file holds more than one YAML document", at, "remove the second '---'; one document a file")
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return made(
            "a backslash in a double-quoted value starts an escape such as \\n, and this one is not valid",
            at,
            "put text with backslashes, such as a Windows path, in single quotes, or write \\\\ for each backslash",
        )
    described = f"{problem} ({context})" if context and context != problem else problem
    return made(described or str(error), at)


_KEY_ALONE = re.compile(r"^\s*[\w.-]+\s*$")
_KEY_WITH_VALUE = re.compile(r"^(\s*)(?:- )?[\w.-]+:\s+\S")


def _indented_past_the_key_above(lines: list[str], at: yaml.Mark | None) -> int | None:
    """How many columns too far a ``key: value`` line stands, when the line above holds a key with a
    value of its own (so YAML read the deeper line as that value running on); else None."""
    if at is None or at.line >= len(lines) or not _KEY_ALONE.match(lines[at.line][: at.column]):
        return None
    bad = lines[at.line]
    above = next(
        (line for line in reversed(lines[: at.line]) if line.strip() and not line.lstrip().startswith("#")), None
    )
    found = _KEY_WITH_VALUE.match(above or "")
    if found is None:
        return None
    above_column = len(found.group(1)) + (2 if above and above.lstrip().startswith("- ") else 0)
    extra = (len(bad) - len(bad.lstrip())) - above_column
    return extra if extra > 0 else None


def _reader_error(error: yaml.reader.ReaderError, file: str, text: str) -> InputError:
    position = error.position
    if error.encoding != "unicode":  # libyaml counts bytes of the UTF-8 text, PyYAML's own reader characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    position = max(0, min(position, len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    return InputError(
        [
            Problem(
                file,
                f"{PREFIX}the character U+{code:04X} is not allowed in YAML",
                line,
                column,
                "remove it; is this really a text file?",
            )
        ]
    )
