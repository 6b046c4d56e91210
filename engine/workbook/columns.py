"""Columns read off the facts model: the type at a place in the facts, and how a value of it sits in one cell.

A place in the facts is a pattern of keys, ``*`` for each item of a list and ``{}`` for each
key of a mapping (``people.*.roles.*`` is every role of every person). A section is flattened
into dotted columns (``register_of_interests.published_on``), a list of plain values is one cell
(``a; b``), and a list or mapping of sections needs a sheet of its own (``layout``).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from pydantic import BaseModel

from govcheck.engine.core.paths import is_model, strip
from govcheck.engine.facts.blocks import EVENT_WORDS, DateAsFound
from govcheck.engine.facts.model import Facts

ANY_ITEM = "*"  # every item of a list
ANY_KEY = "{}"  # every key of a mapping
NONE_WORD = "none"  # a list (or mapping) written as empty: `meetings: []`
LIST_SEPARATOR = ";"

Pattern = tuple[str, ...]
Kind = Literal["text", "number", "whole", "yes_no", "date", "event", "choice", "list", "marker", "row"]

EVENT_FORMS = (
    "a date, or as found: a month (2019-04), before 2019-05-01, after 2019-05-01, "
    "after 2019-05-01 and before 2019-06-01, between 2019-06-01 and 2019-06-14, late, found, not found, not known"
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the facts key it holds (dotted below the row's item) and what a cell may say."""

    key: str
    kind: Kind
    about: str
    choices: tuple[str, ...] = ()
    required: bool = False


def annotation_at(pattern: Pattern, root: type[BaseModel] = Facts) -> Any:
    """The type of what ``pattern`` leads to from ``root`` (``X | None`` and ``Annotated`` removed)."""
    current: Any = root
    for part in pattern:
        current = strip(current)
        if part in (ANY_ITEM, ANY_KEY):
            current = typing.get_args(current)[-1]
        else:
            info = _field(current, part)
            if info is None:
                raise KeyError(f"{'.'.join(pattern)}: no key {part!r}")
            current = info.annotation
    return strip(current)


def pattern_of(path: tuple[str | int, ...]) -> Pattern:
    """The pattern a concrete path matches: list positions as ``*``, mapping keys as ``{}``."""
    pattern: list[str] = []
    for part in path:
        if isinstance(part, int):
            pattern.append(ANY_ITEM)
        elif pattern and typing.get_origin(annotation_at(tuple(pattern))) is dict:
            pattern.append(ANY_KEY)
        else:
            pattern.append(part)
    return tuple(pattern)


def fields_of(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """Each key of ``model`` as written in a facts file (``from`` for ``from_``), with its field."""
    return [(info.alias or name, info) for name, info in model.model_fields.items()]


def _field(model: type[BaseModel], key: str) -> Any:
    return next((info for name, info in fields_of(model) if name == key), None)


def _is_elsewhere(annotation: Any) -> bool:
    """A list or mapping of sections: it needs rows of its own."""
    origin = typing.get_origin(annotation)
    if origin is dict:
        return True
    return origin is list and is_model(strip(typing.get_args(annotation)[0]))


def cell_kind(annotation: Any) -> tuple[Kind, tuple[str, ...], str]:
    """How a value of this type is written in one cell: its kind, its closed vocabulary, and in plain words."""
    annotation = strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        item = strip(typing.get_args(annotation)[0])
        choices = tuple(str(c) for c in typing.get_args(item)) if typing.get_origin(item) is Literal else ()
        among = f", each one of: {', '.join(choices)}" if choices else ""
        return "list", choices, f"values separated by '{LIST_SEPARATOR} '{among}; '{NONE_WORD}' for none"
    if origin in (Union, types.UnionType) and DateAsFound in typing.get_args(annotation):
        return "event", tuple(EVENT_WORDS), EVENT_FORMS  # offered in a drop-down list; a date may be typed instead
    if origin is Literal:
        choices = tuple(str(c) for c in typing.get_args(annotation))
        return "choice", choices, "one of: " + ", ".join(choices)
    if annotation is bool:
        return "yes_no", ("TRUE", "FALSE"), "TRUE or FALSE"
    if annotation is dt.date:
        return "date", (), "a date"
    if annotation is int:
        return "whole", (), "a whole number"
    if annotation is float:
        return "number", (), "a number"
    return "text", (), "text"


def flatten(
    model: type[BaseModel],
    pattern: Pattern,
    claimed: frozenset[Pattern],
    marked: frozenset[Pattern] = frozenset(),
    prefix: str = "",
) -> list[Column]:
    """The columns of ``model`` at ``pattern``; ``claimed`` places have sheets of their own, and those ``marked``
    (or absent by default) a column saying none."""
    columns: list[Column] = []
    # The facts first, then where they can be checked: evidence columns close each section.
    for key, info in sorted(fields_of(model), key=lambda pair: pair[0] == "evidence"):
        path, dotted = (*pattern, key), f"{prefix}{key}"
        annotation = strip(info.annotation)
        if path in claimed:
            if typing.get_origin(annotation) in (list, dict) and (info.default is None or path in marked):
                about = f"'{NONE_WORD}' where there are none (blank: not recorded, or listed on their own sheet)"
                columns.append(Column(dotted, "marker", about, (NONE_WORD,)))
            continue
        if is_model(annotation):
            columns.extend(flatten(annotation, path, claimed, marked, f"{dotted}."))
            continue
        if _is_elsewhere(annotation):
            raise LayoutError(f"{'.'.join(path)} is a list of sections, and no sheet holds it")
        kind, choices, words = cell_kind(annotation)
        about = f"{info.description}: {words}" if info.description else words
        columns.append(Column(dotted, kind, about, choices, required=info.is_required()))
    return columns


class LayoutError(Exception):
    """The layout leaves a key of the facts model without a column: a defect, caught by the tests."""
