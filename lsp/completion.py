"""Completion from the facts model: the keys a mapping may hold, and the closed set of words a value may take.

Read from the text above the cursor, not from a parse, because a file being typed into
rarely parses. Keys already written in the same mapping are not offered again.
"""

from __future__ import annotations

import re

from lsprotocol import types

from govcheck.lsp.fields import LIST_ITEM, Key, keys_at, values_at
from govcheck.lsp.places import Cursor, cursor_at

_KEY = re.compile(r"([^\s:#][^:#]*?)\s*:(?:\s|$)")


def _written_keys(lines: list[str], line: int, indent: int, *, starts_item: bool) -> set[str]:
    """The keys already written at ``indent`` in the mapping around ``line`` (which may start a list item)."""
    written: set[str] = set()
    for step in (1,) if starts_item else (-1, 1):
        number = line + step
        while 0 <= number < len(lines):
            text = lines[number]
            stripped = text.lstrip(" ")
            column = len(text) - len(stripped)
            if stripped and not stripped.startswith("#"):
                if stripped.startswith("- ") and column + 2 == indent:  # where this list item starts, or the next
                    if step == -1 and (match := _KEY.match(stripped[2:])):
                        written.add(match.group(1).strip("\"'"))
                    break
                if column < indent:
                    break
                if column == indent and (match := _KEY.match(stripped)):
                    written.add(match.group(1).strip("\"'"))
            number += step
    return written


def _key_item(key: Key, replacing: types.Range) -> types.CompletionItem:
    # A block's key ends its line; a value's key is followed by the value on the same line.
    written = f"{key.name}:" if key.block else f"{key.name}: "
    return types.CompletionItem(
        label=key.name,
        kind=types.CompletionItemKind.Field,
        detail="required" if key.required else None,
        documentation=key.description,
        text_edit=types.TextEdit(replacing, written),
        sort_text=("0" if key.required else "1") + key.name,
    )


def _value_item(word: str, replacing: types.Range) -> types.CompletionItem:
    return types.CompletionItem(
        label=word, kind=types.CompletionItemKind.EnumMember, text_edit=types.TextEdit(replacing, word)
    )


def items_at(cursor: Cursor, written: set[str], replacing: types.Range) -> list[types.CompletionItem]:
    """What may be written at the cursor; each item replaces ``replacing``, what is typed so far."""
    if cursor.key is not None:
        words = values_at([*cursor.place, cursor.key])
        return [_value_item(w, replacing) for w in words if w.startswith(cursor.typed)]
    keys = [k for k in keys_at(cursor.place) if k.name not in written and k.name.startswith(cursor.typed)]
    items = [_key_item(k, replacing) for k in keys]
    if cursor.place and cursor.place[-1] == LIST_ITEM:  # `- |` in a list of single words (roles, subjects)
        items += [_value_item(w, replacing) for w in values_at(cursor.place[:-1]) if w.startswith(cursor.typed)]
    return items


def complete(lines: list[str], position: types.Position) -> types.CompletionList:
    cursor = cursor_at(lines, position.line, position.character)
    text = lines[position.line] if position.line < len(lines) else ""
    indent = len(text) - len(text.lstrip(" -")) if text.strip() else position.character
    starts_item = text.lstrip().startswith("-")
    written = _written_keys(lines, position.line, indent, starts_item=starts_item) if cursor.key is None else set()
    # The whole of what is typed is replaced, hyphens and spaces included (deputy-ch, not fo), whatever
    # the editor takes a word to be.
    start = types.Position(position.line, max(position.character - len(cursor.typed), 0))
    replacing = types.Range(start, position)
    return types.CompletionList(is_incomplete=False, items=items_at(cursor, written, replacing))
