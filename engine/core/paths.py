"""Dotted paths into the facts (``register_of_interests.published_on``).

A rule names facts by path. Each path is checked against the facts *schema*
when the rule is loaded (``resolve_type``), so a misspelt path is a load error,
and read from the facts *values* when the rule is evaluated (``read``).
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Union

from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo

from govcheck.engine.core.suggest import did_you_mean

# Where a value stands in the facts: keys and list positions from the top ("people", 2, "name").
PathKey = tuple[str | int, ...]


class PathError(ValueError):
    """A path that does not exist in the facts schema."""


@dataclass(frozen=True)
class PathType:
    """What a path leads to: the type at its end, and whether it passes through a list."""

    annotation: Any
    through_list: bool

    @property
    def leaf(self) -> Any:
        return strip(self.annotation)


@lru_cache(maxsize=4096)
def split(path: str) -> tuple[str, ...]:
    # Checks split the same few dozen dotted paths for every item they read.
    return tuple(path.split(".")) if path else ()


def strip(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` are both just X for path purposes."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def resolve_type(model: type[BaseModel], path: str) -> PathType:
    """The type ``path`` leads to from ``model``; raises PathError naming the bad part."""
    current: Any = model
    through_list = False
    walked: list[str] = []
    for part in split(path):
        current = strip(current)
        while typing.get_origin(current) is list:
            through_list = True
            current = strip(typing.get_args(current)[0])
        if not is_model(current):
            raise PathError(f"'{'.'.join(walked)}' is a value, so it has no '{part}'")
        fields = current.model_fields
        if part not in fields:
            where = f"'{'.'.join(walked)}'" if walked else current.__name__
            raise PathError(f"{where} has no field '{part}'{did_you_mean(part, fields)}")
        current = fields[part].annotation
        walked.append(part)
    return PathType(current, through_list)


def read(value: Any, parts: tuple[str, ...]) -> Any:
    """The value at ``parts`` below ``value``; None where any step is absent.

    Through a list the result is the list of values found in its elements
    (flattened, absent ones dropped), so ``roles.body`` gives every body a
    person sits on.
    """
    current = value
    for index, part in enumerate(parts):
        if current is None:
            return None
        if isinstance(current, list):
            found: list[Any] = []
            for element in current:
                item = read(element, parts[index:])
                if isinstance(item, list):
                    found.extend(item)
                elif item is not None:
                    found.append(item)
            return found
        current = getattr(current, part, None)
    return current


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model that holds the last key of a validation error's location, if any."""
    current: Any = model
    for part in loc[:-1]:
        current = _through_root(strip(current))
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
            continue
        if origin is dict:
            current = typing.get_args(current)[1]
            continue
        field = field_named(current, part) if is_model(current) and isinstance(part, str) else None
        if field is None:
            return None
        current = field.annotation
    current = _through_root(strip(current))
    while typing.get_origin(current) in (list, dict):
        current = _through_root(strip(typing.get_args(current)[-1]))
    return current if is_model(current) else None


def _through_root(annotation: Any) -> Any:
    """What a RootModel holds (a `where:` is a mapping of conditions); any other annotation as it is."""
    while is_model(annotation) and issubclass(annotation, RootModel):
        annotation = strip(annotation.model_fields["root"].annotation)
    return annotation


def field_named(model: type[BaseModel], key: str) -> FieldInfo | None:
    """The field a key names, by its name or its alias (`in` for `in_`)."""
    found = model.model_fields.get(key)
    return found or next((info for info in model.model_fields.values() if info.alias == key), None)
