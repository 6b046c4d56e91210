"""Columns as the editor counts them: govcheck counts characters; an editor may count UTF-16 or UTF-8 units.

The protocol's default is UTF-16, whose count differs from the characters' after any
character outside the Basic Multilingual Plane (an emoji, a mathematical letter in a
name). Positions coming in are turned into characters, and ranges going out into the
units the editor and server agreed on at initialization.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange


def to_client(document: TextDocument, where: types.Range) -> types.Range:
    start = ServerTextPosition(where.start.line, where.start.character)
    end = ServerTextPosition(where.end.line, where.end.character)
    return document.range_to_client_units(ServerTextRange(start, end))


def from_client(document: TextDocument, position: types.Position) -> types.Position:
    found = document.position_from_client_units(position)
    return types.Position(found.line, found.character)


def diagnostics_for_client(document: TextDocument, found: list[types.Diagnostic]) -> list[types.Diagnostic]:
    for diagnostic in found:
        diagnostic.range = to_client(document, diagnostic.range)
        for related in diagnostic.related_information or []:
            related.location.range = to_client(document, related.location.range)
    return found


def actions_for_client(document: TextDocument, actions: list[types.CodeAction]) -> list[types.CodeAction]:
    for action in actions:
        for edits in (action.edit.changes or {}).values() if action.edit else []:
            for edit in edits:
                edit.range = to_client(document, edit.range)
    return actions


def completion_for_client(document: TextDocument, found: types.CompletionList) -> types.CompletionList:
    for item in found.items:
        if isinstance(item.text_edit, types.TextEdit):
            item.text_edit.range = to_client(document, item.text_edit.range)
    return found
