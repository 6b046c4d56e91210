"""Facts keys as a facts file writes them (``people[].is_local_authority_member``), and YAML to paste.

A finding that lacks evidence names the keys it needed. Each key is a path through the
facts model with list positions written ``[]``; ``snippet`` writes a set of keys as one
YAML block from the top of a facts file, every list element with the fields that
identify it, every value a placeholder that says what to write (``YYYY-MM-DD``,
``true|false``, the allowed words). The placeholders for dates, numbers, yes/no and
choices are valid YAML but not valid facts, so one pasted without its real value is
refused when the facts are loaded rather than read as evidence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Union

from pydantic import BaseModel

from govcheck.engine.core.paths import PathKey, field_named, is_model, strip
from govcheck.engine.facts.model import Facts

# A facts key: the parts of a path from the top of a facts file, "[]" standing for any list element.
Key = tuple[str, ...]
EACH = "[]"
INDENT = "  "


def generic(path: PathKey) -> Key:
    """The key a concrete path stands under: ("people", 3, "sector") -> ("people", "[]", "sector")."""
    return tuple(EACH if isinstance(part, int) else part for part in path)


def key_text(key: Key) -> str:
    """A key as people read it: ``people[].roles[].appointed_on``."""
    text = ""
    for part in key:
        text += EACH if part == EACH else (f".{part}" if text else part)
    return text


def annotation_at(key: Key, root: Any = Facts) -> Any:
    """The type the key leads to in the facts model, or None where the model has no such key."""
    current: Any = root
    for part in key:
        current = _step(current, part)
        if current is None:
            return None
    return current


def known_part(key: Key) -> Key:
    """The longest beginning of ``key`` the facts model has (a path read through a derived item
    may run on past what a facts file can say)."""
    for end in range(len(key), 0, -1):
        if annotation_at(key[:end]) is not None:
            return key[:end]
    return ()


def _step(annotation: Any, part: str) -> Any:
    current = _narrow(annotation)
    origin = typing.get_origin(current)
    if part == EACH:
        return typing.get_args(current)[0] if origin is list else None
    if origin is dict:
        return typing.get_args(current)[1]
    if is_model(current):
        found = field_named(current, part)
        return found.annotation if found is not None else None
    return None


def _narrow(annotation: Any) -> Any:
    """The type without None, Annotated and, for unions of one model or list with plain words
    (a document or ``not found``), the words."""
    current = strip(annotation)
    if typing.get_origin(current) in (Union, types.UnionType):
        if any(strip(a) is dt.date for a in typing.get_args(current)):
            return dt.date  # a date, or a date as the evidence gives it: written as a date
        structured = [a for a in typing.get_args(current) if is_model(strip(a)) or typing.get_origin(a) in (list, dict)]
        if len(structured) == 1:
            return strip(structured[0])
    return current


@lru_cache(maxsize=64)
def locate(model: type[BaseModel]) -> Key | None:
    """Where items of ``model`` stand in a facts file: the shallowest list of them (Person: ``people[]``)."""
    queue: list[tuple[Any, Key]] = [(Facts, ())]
    seen: set[Any] = set()
    while queue:
        current, at = queue.pop(0)
        if current in seen or len(at) > 12:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            annotation = _narrow(info.annotation)
            step: Key = (name,)
            while typing.get_origin(annotation) in (list, dict):
                if typing.get_origin(annotation) is dict:
                    break  # keyed by subject or rule: no one place for an item
                annotation = _narrow(typing.get_args(annotation)[0])
                step = (*step, EACH)
            if annotation is model and step[-1] == EACH:
                return (*at, *step)
            if is_model(annotation):
                queue.append((annotation, (*at, *step)))
    return None


def item_roots(item_model: type[BaseModel]) -> tuple[Key | None, dict[str, Key]]:
    """Where the items of a view stand, and where each part of a joined item stands.

    A joined item (a person's seat on a body) stands where its most nested part stands
    (``people[].roles[]``); a plain item where its model's list is.
    """
    own = locate(item_model)
    if own is not None:
        return own, {}
    roots: dict[str, Key] = {}
    for name, info in item_model.model_fields.items():
        part = _narrow(info.annotation)
        # A part a joined item may lack (the person behind a declaration) is not needed to write one.
        found = locate(part) if is_model(part) and info.is_required() else None
        if found is not None:
            roots[name] = found
    deepest = max(roots.values(), key=len, default=None)
    return deepest, roots


@dataclass(frozen=True)
class _Given:
    """A value the facts file already holds, written as it is (the id of the one entry a key is for)."""

    value: Any

    @property
    def text(self) -> str:
        value = self.value
        if isinstance(value, dt.date):
            return value.isoformat()  # a YAML date, as the facts file writes it
        if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9-]*", value) and value not in _YAML_WORDS:
            return value
        return json.dumps(value, ensure_ascii=False)  # JSON's quoting is YAML's too


_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def snippet(keys: Iterable[Key], entries: Mapping[Key, Mapping[str, Any]] | None = None) -> str:
    """The YAML that writes ``keys`` from the top of a facts file, merged into one block.

    ``entries`` gives, for a list element that stands for one entry already in the facts
    (``bodies[]`` when one body lacks the fact), the values that entry is known by; other
    list elements are written with placeholders for the fields every element has.
    """
    tree: dict[str, Any] = {}
    for key in keys:
        node = tree
        for part in key:
            node = node.setdefault(part, {})
    for at, given in (entries or {}).items():
        element: Any = tree
        for part in at:
            element = element.get(part) if isinstance(element, dict) else None
        if isinstance(element, dict):
            # The entry's own values first, as the facts file lists them, then what it lacks.
            rest = dict(element)
            element.clear()
            element.update({name: _Given(value) for name, value in given.items() if name not in rest})
            element.update(rest)
    return "\n".join(_mapping(Facts, tree, 0)) + "\n"


def _mapping(annotation: Any, tree: dict[str, Any], depth: int) -> list[str]:
    lines: list[str] = []
    for part, below in tree.items():
        if isinstance(below, _Given):
            lines.append(f"{INDENT * depth}{part}: {below.text}")
            continue
        at = _step(annotation, part)
        lines += _entry(part, at, below, depth)
    return lines


def identity(element: Any) -> dict[str, Any]:
    """The values an entry already in the facts is known by: the fields every such entry has."""
    model = type(element)
    if not is_model(model):
        return {}
    return {name: getattr(element, name) for name in _required(model) if hasattr(element, name)}


def _entry(name: str, annotation: Any, below: dict[str, Any], depth: int) -> list[str]:
    pad = INDENT * depth
    current = _narrow(annotation)
    if not below:
        return _leaf(name, current, depth)
    if set(below) == {EACH} and typing.get_origin(current) is list:
        element = _narrow(typing.get_args(current)[0])
        return [f"{pad}{name}:", *_element(element, below[EACH], depth + 1)]
    return [f"{pad}{name}:", *_mapping(current, below, depth + 1)]


def _element(element: Any, below: dict[str, Any], depth: int) -> list[str]:
    """One list element: the fields every element must have (how it is known), then the keys needed."""
    pad = INDENT * depth
    if not is_model(element):
        return [f"{pad}- {_placeholder(element)}"]
    fields: dict[str, Any] = {name: {} for name in _required(element) if name not in below}
    if not fields and not below:
        fields = {name: {} for name in _first_said(element)}
    lines = _mapping(element, {**fields, **below}, depth + 1)
    if not lines:
        return [f"{pad}- {{}}"]
    first = lines[0].removeprefix(INDENT * (depth + 1))
    return [f"{pad}- {first}", *lines[1:]]


def _leaf(name: str, annotation: Any, depth: int) -> list[str]:
    pad = INDENT * depth
    if typing.get_origin(annotation) is list:
        inner = _narrow(typing.get_args(annotation)[0])
        if is_model(inner):
            return [f"{pad}{name}:", *_element(inner, {}, depth + 1)]
        return [f"{pad}{name}: [{_placeholder(inner, name)}]"]
    if typing.get_origin(annotation) is dict:
        return [f"{pad}{name}: {{}}"]
    if is_model(annotation):
        # The fields it must have; with none required, the first it says (a quorum's minimum_present).
        required: dict[str, Any] = {field: {} for field in _required(annotation)} or {
            field: {} for field in _first_said(annotation)
        }
        if not required:
            return [f"{pad}{name}: {{}}"]
        return [f"{pad}{name}:", *_mapping(annotation, required, depth + 1)]
    return [f"{pad}{name}: {_placeholder(annotation, name)}"]


def _first_said(model: type[BaseModel]) -> list[str]:
    """The first field of a model that records something, rather than the evidence for it."""
    said = [info.alias or name for name, info in model.model_fields.items() if name not in ("evidence", "is_set")]
    return said[:1]


def _required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def _placeholder(annotation: Any, name: str = "") -> str:
    """What to write for a value of this type: words that say so, never a value that would pass."""
    choices = _choices(annotation)
    if choices:
        return "|".join(choices)
    if annotation is bool:
        return "true|false"
    if annotation is int or annotation is float:
        return "<number>"
    if annotation is dt.date:
        return "YYYY-MM-DD"
    if name == "financial_year":
        return "YYYY-YY"  # April to March: 2019-20
    if name == "url" or name.endswith("_url"):
        return "<web address>"
    if name == "id" or name.endswith("_id"):
        return "<id>"
    return "<text>"


def _choices(annotation: Any) -> list[str]:
    current = strip(annotation)
    if typing.get_origin(current) is Literal:
        return [str(value) for value in typing.get_args(current)]
    return []


def keys_for(item_model: type[BaseModel], relative: Iterable[str] = ()) -> tuple[Key, ...]:
    """The keys that write items of a view, and the given paths of each (``person.sector`` of a seat).

    Each path is turned into a key from the top of a facts file through the part of a joined
    item it names; a path the facts model cannot hold stops where the model stops.
    """
    source, roots = item_roots(item_model)
    if source is None:
        return ()
    found: dict[Key, None] = {}
    for path in relative:
        parts = tuple(path.split("."))
        key = (*roots[parts[0]], *parts[1:]) if parts and parts[0] in roots else (*source, *parts)
        known = known_part(key)
        if known:
            found[known] = None
    found[source] = None  # the items themselves, and the facts each joins
    found.update(dict.fromkeys(roots.values()))
    return deepest(found)


def deepest(keys: Iterable[Key]) -> tuple[Key, ...]:
    """The keys without those another key runs through (``people[]`` goes with ``people[].sector``)."""
    unique = list(dict.fromkeys(keys))
    return tuple(key for key in unique if not any(other[: len(key)] == key and other != key for other in unique))
