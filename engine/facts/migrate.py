"""Upgrading a facts file from format 1 to format 2, as text, keeping every comment and every meaning.

Format 2 reads two things differently: a subject a coverage map does not list is *not
known*, where format 1 took it as *not covered*; and a file without ``meetings`` has its
meetings not recorded, where format 1 took it as holding none. So the upgrade adds
``others: not covered`` to each coverage map and ``meetings: []`` where meetings are left
out, which say in format 2 exactly what format 1 meant, and changes the format version.
Nothing else in format 1 means something else in format 2. The result
is checked before it is handed back: it reads as format 2, and it holds the same facts
as the original (the same model, once each coverage map's ``others`` is set aside).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.paths import PathKey
from govcheck.engine.facts.blocks import OTHERS, Document
from govcheck.engine.facts.loader import FactsFile, parse_facts


@dataclass(frozen=True)
class Migration:
    text: str  # the file in format 2
    changes: tuple[str, ...]  # what was changed, one sentence each


def migrate(text: str, name: str) -> Migration:
    """``text``, a format 1 facts file, in format 2; an InputError if it is not a valid format 1 file."""
    original = parse_facts(text, name)
    if original.facts.format_version != 1:
        raise InputError.single(name, f"is already in facts format {original.facts.format_version}")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in character offsets
    changes: list[str] = []
    version = _node(root, ("format_version",))
    assert version is not None  # the file validated, so it has one
    edits.append((version.start_mark.index, version.end_mark.index, "2"))
    changes.append("format_version: 1 -> 2")
    for path, document in _documents(original.facts):
        if document.coverage is None or OTHERS in document.coverage:
            continue
        node = _node(root, (*path, "coverage"))
        if not isinstance(node, yaml.MappingNode):
            continue
        edits.append(_add_others(text, node))
        where = ".".join(str(part) for part in path)
        changes.append(f"{where}.coverage: others: not covered (format 1 took unlisted subjects as not covered)")
    if isinstance(root, yaml.MappingNode) and _node(root, ("meetings",)) is None:
        # Format 1 read a file without meetings as one with none; format 2 as meetings not recorded.
        ending = "" if text.endswith("\n") else "\n"
        edits.append((len(text), len(text), f"{ending}meetings: []  # none held (format 1 read no meetings so)\n"))
        changes.append("meetings: [] (format 1 took a file without meetings as one with none)")
    upgraded = text
    for start, end, replacement in sorted(edits, reverse=True):
        upgraded = upgraded[:start] + replacement + upgraded[end:]
    _same_facts(original, parse_facts(upgraded, name))
    return Migration(upgraded, tuple(changes))


def _documents(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Document]]:
    """Every document in the facts, with where it stands."""
    if isinstance(model, Document):
        yield path, model
    for field in type(model).model_fields:
        value = getattr(model, field)
        if isinstance(value, BaseModel):
            yield from _documents(value, (*path, field))
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _documents(element, (*path, field, index))


def _node(node: yaml.Node | None, path: PathKey) -> yaml.Node | None:
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            return None
    return node


def _add_others(text: str, node: yaml.MappingNode) -> tuple[int, int, str]:
    """The edit that adds ``others: not covered`` as the last entry of a coverage mapping."""
    if node.flow_style:
        closing = text.rindex("}", node.start_mark.index, node.end_mark.index)
        separator = ", " if node.value else ""
        return closing, closing, f"{separator}others: not covered"
    if not node.value:
        return node.end_mark.index, node.end_mark.index, "{others: not covered}"
    last_key, last_value = node.value[-1]
    indent = " " * last_key.start_mark.column
    # After the last entry's value, at the end of its last line (a comment after it stays where it is).
    # A nested block mapping ends at the start of the line after it: its last line is the one before.
    end = last_value.end_mark.index
    line_end = text.find("\n", end - 1 if isinstance(last_value, yaml.CollectionNode) and end > 0 else end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end, line_end, f"\n{indent}others: not covered"


def _same_facts(before: FactsFile, after: FactsFile) -> None:
    """The upgraded file holds the same facts as the original, or the upgrade is refused."""

    def plain(facts: Any) -> Any:
        data = facts.model_dump(exclude={"format_version"})
        return _without_others(data)

    if plain(before.facts) != plain(after.facts):
        raise InputError.single(before.path, "could not be upgraded without changing a fact; upgrade it by hand")


def _without_others(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_others(item) for key, item in value.items() if key != OTHERS}
    if isinstance(value, list):
        return [_without_others(item) for item in value]
    return value
