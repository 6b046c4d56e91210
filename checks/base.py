"""What every check kind shares: statuses, outcomes, the context, path markers, the registry.

A check kind is one pure function ``(value, params, ctx) -> Outcome``, registered
under its own name with a frozen pydantic model of its parameters::

    @check_kind("is_true")
    def is_true(value: Any, params: IsTrueParams, ctx: CheckContext) -> Outcome: ...

Nothing here reads files or the clock: the assessment date is in the context.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from govcheck.checks.sentences import Code, Sentence
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.outcome import Outcome
from govcheck.engine.core.paths import PathKey
from govcheck.engine.facts.model import Facts

T = TypeVar("T")


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may know besides its subject: the date, the calendar, all the facts."""

    as_of: dt.date
    calendar: WorkingCalendar
    facts: Facts
    at: PathKey = ()
    label: str = ""
    # For an item that joins facts (a person's seat on a body), where each part stands in
    # the facts file, so `person.register_of_interests` points at the person, not the seat.
    roots: Mapping[str, PathKey] = field(default_factory=dict)
    # Whether outcomes will be shown step by step (``govcheck explain``): a check may leave out
    # a costly explanation (every day of a working-day count) when nobody will read it.
    explain: bool = True
    # What rules derive from the same facts over and over (a view's items, who sits on which
    # body), worked out once per assessment. Shared by every context ``within`` this one.
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def within(self, path: PathKey, label: str, roots: Mapping[str, PathKey] | None = None) -> CheckContext:
        return CheckContext(self.as_of, self.calendar, self.facts, path, label, roots or {}, self.explain, self.memo)

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per assessment under ``key``; it may depend only on the
        facts and the assessment date, which every context sharing this memo has in common."""
        try:
            found: T = self.memo[key]
        except KeyError:
            found = self.memo[key] = compute()
        return found

    def path(self, relative: PathKey) -> PathKey:
        if relative and relative[0] in self.roots:
            return (*self.roots[str(relative[0])], *relative[1:])
        return (*self.at, *relative)


class Params(BaseModel):
    """Base of every check kind's parameters: unknown parameters are errors."""

    # Built when a rule pack is read from YAML; a pack kept between runs never needs them built.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    def in_words(self, code: Code) -> str | Sentence | None:
        """What must hold, in words, with facts paths set by ``code``; None: say it from the kind's summary."""
        return None


@dataclass(frozen=True)
class PathSpec:
    """Marks a parameter as a facts path relative to the checked value.

    ``leaf`` is the type the path must lead to (a date for deadlines), checked
    against the facts schema when the rule is loaded.
    """

    leaf: type | None = None
    # The path leads to a list whose elements are this model (a list of yearly records).
    items: type | None = None
    # The path is relative to the items named by another parameter: the view in ``of``,
    # or the list at another path parameter, instead of the checked value.
    relative_to: str | None = None


FactPath = Annotated[str, PathSpec()]
DatePath = Annotated[str, PathSpec(dt.date)]


P = TypeVar("P", bound=Params)


@dataclass(frozen=True)
class CheckKind(Generic[P]):
    """A registered check kind: its name, parameter model, function and one-line summary."""

    name: str
    params: type[P]
    function: Callable[[Any, P, CheckContext], Outcome]
    summary: str
    # Parameter fields holding facts paths, with what each must lead to.
    path_fields: dict[str, PathSpec] = field(default_factory=dict)


REGISTRY: dict[str, CheckKind[Any]] = {}


def check_kind(
    name: str,
) -> Callable[[Callable[[Any, P, CheckContext], Outcome]], Callable[[Any, P, CheckContext], Outcome]]:
    """Register a check kind under ``name``; its parameter model is the second argument's type."""

    def register(function: Callable[[Any, P, CheckContext], Outcome]) -> Callable[[Any, P, CheckContext], Outcome]:
        if name in REGISTRY:
            raise ValueError(f"check kind {name!r} is registered twice")
        hints = function.__annotations__
        params = _resolve(hints["params"], function)
        REGISTRY[name] = CheckKind(
            name, params, function, (function.__doc__ or "").strip().splitlines()[0], _path_fields(params)
        )
        return function

    return register


def _resolve(hint: Any, function: Callable[..., Any]) -> Any:
    if isinstance(hint, str):  # `from __future__ import annotations` leaves names as text
        return function.__globals__[hint]
    return hint


def _path_fields(params: type[Params]) -> dict[str, PathSpec]:
    fields: dict[str, PathSpec] = {}
    for name, info in params.model_fields.items():
        for marker in [*info.metadata, *_annotated_metadata(info.annotation)]:
            if isinstance(marker, PathSpec):
                fields[name] = marker
    return fields


def _annotated_metadata(annotation: Any) -> list[Any]:
    """Metadata of Annotated types anywhere inside ``annotation`` (e.g. in ``DatePath | None``)."""
    found: list[Any] = []
    if typing.get_origin(annotation) is Annotated:
        found.extend(annotation.__metadata__)
    for argument in typing.get_args(annotation):
        found.extend(_annotated_metadata(argument))
    return found
