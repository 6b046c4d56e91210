"""The facts a ``missing_evidence`` verdict needed: the keys to write, drawn from the outcome tree.

Each undecided part of a rule's outcome says which facts paths it read, or, more
precisely, which it needed (``Outcome.needed``). Those still absent (or written
``not known``) are the keys the facts file should fill in; a key is the path with
list positions written ``[]``, so twelve councillors lacking the same fact give one key.
"""

from __future__ import annotations

from typing import Any

from govcheck.checks import REGISTRY
from govcheck.engine.core.outcome import Outcome
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import FactsNeeded
from govcheck.engine.core.status import Status
from govcheck.engine.facts.blocks import NOT_KNOWN
from govcheck.engine.facts.model import Facts
from govcheck.engine.facts.snippets import (
    EACH,
    Key,
    deepest,
    generic,
    identity,
    key_text,
    keys_for,
    known_part,
    snippet,
)
from govcheck.engine.facts.views import VIEWS
from govcheck.engine.packs.checktree import CheckNode


def facts_needed(outcome: Outcome, facts: Facts) -> FactsNeeded | None:
    """The keys an undecided outcome needed and the YAML to write them, or None if it is decided."""
    if outcome.status is not Status.MISSING_EVIDENCE:
        return None
    found: dict[Key, None] = {}
    paths: list[PathKey] = []
    _collect(outcome, facts, found, paths)
    keys = deepest(found)
    if not keys:
        return None
    return FactsNeeded(tuple(key_text(key) for key in keys), snippet(keys, _single_entries(paths, facts)))


def _single_entries(paths: list[PathKey], facts: Facts) -> dict[Key, dict[str, Any]]:
    """For each list element the paths go through, the entry it stands for, where it is only one:
    the snippet then names that entry (its id) rather than a placeholder."""
    through: dict[Key, set[PathKey | None]] = {}
    for path in paths:
        for end, part in enumerate(path, start=1):
            if part == EACH:  # a key for every element, not one entry
                through.setdefault(generic(path[:end]), set()).add(None)
            elif isinstance(part, int):
                through.setdefault(generic(path[:end]), set()).add(path[:end])
    found: dict[Key, dict[str, Any]] = {}
    for key, entries in through.items():
        if len(entries) == 1 and None not in entries:
            (entry,) = entries
            element = _value_at(facts, entry) if entry is not None else None
            if element is not None:
                found[key] = identity(element)
    return found


def view_needs(node: CheckNode) -> tuple[PathKey, ...]:
    """What a rule over a view with no items needs written: the items, and what its check reads of each."""
    if node.each is None:
        return ()
    relative = [*(node.where.root if node.where is not None else ()), *_paths_read(node)]
    return keys_for(VIEWS[node.each].item_model, relative)


def _paths_read(node: CheckNode) -> list[str]:
    """The facts paths a check tree names, relative to the item it checks (nested views aside)."""
    if node.kind in ("all", "any", "not"):
        return [path for child in node.children if child.each is None for path in _paths_read(child)]
    kind = REGISTRY[node.kind]
    found = []
    for name, spec in kind.path_fields.items():
        value = getattr(node.params, name, None)
        if isinstance(value, str) and spec.relative_to is None:
            found.append(value)
    return found


def _collect(node: Outcome, facts: Facts, found: dict[Key, None], read: list[PathKey]) -> None:
    if node.status is not Status.MISSING_EVIDENCE:
        return
    if node.needed:
        paths = node.needed
    elif not node.children:
        paths = tuple(path for path in node.facts if _absent(facts, path)) or node.facts
    else:
        paths = ()
    for path in paths:
        key = known_part(generic(path))
        if key:
            found[key] = None
            read.append(path)
    for child in node.children:
        _collect(child, facts, found, read)


def _absent(facts: Facts, path: PathKey) -> bool:
    """Whether the facts leave the value at ``path`` out, or say it is not known."""
    value = _value_at(facts, path)
    return value is None or value == [] or value == "" or value == NOT_KNOWN


def _value_at(facts: Facts, path: PathKey) -> Any:
    value: Any = facts
    for part in path:
        if value is None:
            return None
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            value = getattr(value, part, None)
    return value
