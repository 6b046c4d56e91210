"""What the facts model says about a place in a facts file: its keys, their words, their closed vocabularies.

A place is a chain of keys and list items from the top of the file (``LIST_ITEM`` for
an item whose index does not matter). Completion, hover and the fix that adds a missing
fact all ask the model the same questions, answered here once.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo

from govcheck.engine.core.paths import field_named, is_model
from govcheck.engine.facts.model import Facts

LIST_ITEM = -1  # any item of a list: every item of a list has the same shape
Place = Sequence[str | int]


def _members(annotation: Any) -> Iterator[Any]:
    """Each alternative an annotation allows, through ``Annotated``, unions and ``X | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _members(typing.get_args(annotation)[0])
    elif origin in (Union, types.UnionType):
        for member in typing.get_args(annotation):
            if member is not type(None):
                yield from _members(member)
    else:
        yield annotation


def _root(annotation: Any) -> Any:
    """What a RootModel holds; any other annotation as it is."""
    while is_model(annotation) and issubclass(annotation, RootModel):
        annotation = annotation.model_fields["root"].annotation
    return annotation


@dataclass(frozen=True)
class Shape:
    """The kinds of value a place may hold: a mapping of known keys, a keyed mapping, a list, a scalar."""

    annotation: Any

    def models(self) -> list[type[BaseModel]]:
        return [m for m in map(_root, _members(self.annotation)) if is_model(m)]

    def keyed(self) -> list[tuple[Any, Any]]:
        """(key annotation, value annotation) of each ``dict`` alternative."""
        found = []
        for member in map(_root, _members(self.annotation)):
            if typing.get_origin(member) is dict:
                key, value = typing.get_args(member)
                found.append((key, value))
        return found

    def item(self) -> Shape | None:
        """The shape of one item, where the place may hold a list."""
        items = [typing.get_args(m)[0] for m in map(_root, _members(self.annotation)) if typing.get_origin(m) is list]
        return Shape(Union[tuple(items)]) if items else None  # noqa: UP007 - a union built at run time

    def child(self, part: str | int) -> Shape | None:
        if isinstance(part, int):
            return self.item()
        for model in self.models():
            found = field_named(model, part)
            if found is not None:
                return Shape(found.annotation)
        keyed = self.keyed()  # any key of a keyed mapping (an attestation, a subject) holds the same shape
        return Shape(keyed[0][1]) if keyed else None

    def is_block(self) -> bool:
        """Whether the place is written only as an indented block (a mapping or a list), never as one value."""
        members = list(map(_root, _members(self.annotation)))
        return all(is_model(m) or typing.get_origin(m) in (dict, list) for m in members)


FACTS = Shape(Facts)


def shape_at(place: Place) -> Shape | None:
    """The shape of the value at ``place``, or None where the model has no such place."""
    shape: Shape | None = FACTS
    for part in place:
        if shape is None:
            return None
        shape = shape.child(part)
    return shape


def field_at(place: Place) -> FieldInfo | None:
    """The model field that the last key of ``place`` names, for its description."""
    if not place or not isinstance(place[-1], str):
        return None
    parent = shape_at(place[:-1])
    for model in parent.models() if parent else []:
        found = field_named(model, place[-1])
        if found is not None:
            return found
    return None


def description(place: Place) -> str | None:
    found = field_at(place)
    return found.description if found is not None else None


@dataclass(frozen=True)
class Key:
    """A key that may be written at a place, with what the model says of it."""

    name: str
    description: str | None
    required: bool
    block: bool  # its value is an indented mapping or list


def keys_at(place: Place) -> list[Key]:
    """The keys the mapping at ``place`` may hold: its model's fields, or a keyed mapping's closed set of keys."""
    shape = shape_at(place)
    if shape is None:
        return []
    keys: dict[str, Key] = {}
    for model in shape.models():
        for name, info in model.model_fields.items():
            written = info.alias or name
            keys.setdefault(
                written, Key(written, info.description, info.is_required(), Shape(info.annotation).is_block())
            )
    for key, value in shape.keyed():
        for word in vocabulary(key):
            keys.setdefault(word, Key(word, None, False, Shape(value).is_block()))
    return list(keys.values())


def vocabulary(annotation: Any) -> list[str]:
    """The closed set of words a value may be written as: its literals, an enum's values, true and false."""
    words: list[str] = []

    def add(word: str) -> None:
        if word not in words:
            words.append(word)

    def visit(annotation: Any) -> None:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            visit(typing.get_args(annotation)[0])
            # A closed set checked by a validator declares its words for the JSON Schema, whole
            # (WithJsonSchema) or as the short forms a value may also be written in (AlsoWritten).
            for extra in typing.get_args(annotation)[1:]:
                for word in _schema_words(getattr(extra, "json_schema", None)):
                    add(word)
                for form in getattr(extra, "forms", ()):
                    for word in _schema_words(form):
                        add(word)
        elif origin in (Union, types.UnionType):
            for member in typing.get_args(annotation):
                visit(member)
        elif origin is typing.Literal:
            for word in typing.get_args(annotation):
                if isinstance(word, str):
                    add(word)
        elif annotation is bool:
            add("true")
            add("false")
        elif isinstance(annotation, type) and issubclass(annotation, Enum):
            for member in annotation:
                add(str(member.value))

    visit(annotation)
    return words


def _schema_words(schema: Any) -> Iterator[str]:
    """The words a JSON Schema fragment lists in ``enum`` (or offers a pattern's ``examples``), through ``anyOf``
    and ``oneOf``."""
    if isinstance(schema, dict):
        for word in schema.get("enum", []):
            if isinstance(word, str):
                yield word
        if "pattern" in schema:  # words matched by a pattern are offered as its examples
            yield from (word for word in schema.get("examples", []) if isinstance(word, str))
        for key in ("anyOf", "oneOf"):
            for part in schema.get(key, []):
                yield from _schema_words(part)


def values_at(place: Place) -> list[str]:
    """The closed vocabulary of the value at ``place`` (or of each item, for a list), if it has one."""
    shape = shape_at(place)
    if shape is None:
        return []
    words = vocabulary(shape.annotation)
    item = shape.item()
    return words + [w for w in (vocabulary(item.annotation) if item else []) if w not in words]


def skeleton(place: Place, indent: int) -> list[str] | None:
    """The lines of an empty fact at ``place``: its key, and the keys it must have, each left blank to fill in.

    Blank values are read as absent, so a skeleton never makes a rule pass; a required key
    left blank is a schema error at its line until it is filled in. A keyed mapping (one
    entry per attestation, say) has no skeleton: which entry is wanted is the rule's to say.
    """
    name = str(place[-1])
    shape = shape_at(place)
    pad = " " * indent
    item = shape.item() if shape is not None else None
    if item is not None:
        # An item needs at least one key to be an item: its required ones, else its first.
        first, *rest = _required(item) or _first_key(item)
        return [f"{pad}{name}:", f"{pad}  - {first}: ", *(f"{pad}    {key}: " for key in rest)]
    if shape is not None and shape.keyed() and not shape.models():
        return None
    required = _required(shape) if shape is not None else []
    if not required:  # a date, a word, or a mapping with nothing it must hold: one line to fill in
        return [f"{pad}{name}: "]
    return [f"{pad}{name}:", *(f"{pad}  {key}: " for key in required)]


def _first_key(shape: Shape) -> list[str]:
    names = [info.alias or name for m in shape.models() for name, info in m.model_fields.items() if name != "evidence"]
    return names[:1] or ["evidence"]


def _required(shape: Shape) -> list[str]:
    return [
        info.alias or name
        for model in shape.models()
        for name, info in model.model_fields.items()
        if info.is_required()
    ]
