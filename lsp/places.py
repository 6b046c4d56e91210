"""Where the cursor stands in a facts file: the chain of keys above it, read from a parse or from the text.

Hover asks a file that parsed, so it reads the parse's own map of positions. Completion
is asked mid-edit, when the file often does not parse at all, so it reads the chain of
keys from the indentation of the lines above the cursor, which a half-written line does
not disturb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govcheck.engine.core.paths import PathKey
from govcheck.engine.reading.schema_errors import dotted
from govcheck.engine.reading.yamlsource import SourceMap
from govcheck.lsp.fields import LIST_ITEM

# `key:` or `key: value` (a key may be quoted), after any `- ` that starts a list item.
_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#'"{\[\-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)""")


def place_at(source: SourceMap, line: int, character: int) -> PathKey | None:
    """The fact at ``line``/``character`` (0-based): the deepest key (or list item) on the line at or before the
    cursor, or the line's first one when the cursor is in its indentation."""
    on_line: list[tuple[int, int, PathKey]] = [
        (column, len(path), path) for path, (key_line, column) in source.keys.items() if key_line == line + 1
    ]
    # An item of a list has no key of its own (a role written on one line, a subject): its value stands for it.
    on_line += [
        (column, len(path), path)
        for path, (value_line, column) in source.values.items()
        if path and isinstance(path[-1], int) and value_line == line + 1
    ]
    if not on_line:
        return None
    before = [entry for entry in on_line if entry[0] <= character + 1]
    return max(before)[2] if before else min(on_line)[2]


def dotted_place(path: PathKey) -> str:
    """A place as findings name it: ``people[0].roles[1]``."""
    return dotted(path) if path else ""


def read_dotted(text: str) -> PathKey:
    """``people[0].roles[1]`` as a chain of keys and indexes (a key with a dot in it is read as two)."""
    parts: list[str | int] = []
    for piece in text.split("."):
        name, *indexes = piece.split("[")
        if name:
            parts.append(name)
        parts.extend(int(index.rstrip("]")) for index in indexes if index.rstrip("]").isdigit())
    return tuple(parts)


@dataclass(frozen=True)
class Cursor:
    """Where a completion was asked: the mapping's place, and whether a key or a value is being written."""

    place: tuple[str | int, ...]  # the mapping (or list) the cursor writes into
    key: str | None  # the key whose value is being written; None while a key is being written
    typed: str  # what is written so far of the word being completed


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped not in ("---", "...")


def _unquote(key: str) -> str:
    key = key.strip()
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'" else key


def _line_parts(text: str) -> tuple[int, list[int], str]:
    """The column after each ``- `` a line starts with, and the rest of the line: ``  - - x`` is [2, 4], 'x'."""
    column = _indent(text)
    dashes = []
    rest = text[column:]
    while rest.startswith("- ") or rest == "-":
        dashes.append(column)
        step = 2 + _indent(rest[2:]) if len(rest) > 1 else 1
        column += step
        rest = rest[step:]
    return column, dashes, rest


def cursor_at(lines: list[str], line: int, character: int) -> Cursor:
    """The place being written at ``line``/``character`` (0-based), read from indentation alone."""
    text = lines[line] if line < len(lines) else ""
    before = text[:character]
    column, dashes, rest = _line_parts(before)
    own: list[str | int] = [LIST_ITEM] * len(dashes)
    key: str | None = None
    typed = rest
    match = _KEY.match(rest)
    if match:  # `key: val|`: a value is being written
        key = _unquote(match.group("key"))
        typed = rest[match.end() :].lstrip()
        if typed.startswith(("[", "{")):  # a flow list or mapping: the word after the last , or [
            typed = re.split(r"[\[{,]\s*", typed)[-1]
    elif not rest.strip() and not dashes:
        column = character  # an empty line: the cursor's column says how deep it is
    above = _parents(lines, line, column if not dashes else dashes[0])
    return Cursor((*above, *own), key, typed.strip())


def _parents(lines: list[str], line: int, column: int) -> list[str | int]:
    """The keys and list items that hold a line whose content starts at ``column``, outermost first."""
    chain: list[str | int] = []
    limit = column
    for number in range(min(line, len(lines)) - 1, -1, -1):
        if limit == 0:  # at the top level: nothing holds it
            break
        text = lines[number]
        if not _is_content(text) or _indent(text) >= limit:
            continue
        start, dashes, rest = _line_parts(text)
        found: list[str | int] = []
        # A key on this line holds the cursor's line only if it starts left of it and has no value here.
        match = _KEY.match(rest)
        if match and start < limit and not rest[match.end() :].split("#")[0].strip():
            found.append(_unquote(match.group("key")))
        inner = [d for d in dashes if d < limit]
        chain[:0] = [*([LIST_ITEM] * len(inner)), *found]
        limit = _indent(text)
    return chain
