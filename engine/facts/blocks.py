"""The building blocks of the facts model: dates, evidence, subjects and documents.

Every facts model builds on these: ``Fact`` forbids unknown keys and freezes
values, ``Day`` reads ISO dates only, ``Document`` is any policy or plan with its
publication history and the subjects it covers.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema

from govcheck.engine.facts.subjects import SUBJECTS

DATE_FORM_HINT = "write dates as YYYY-MM-DD, for example 2019-06-20"


def _to_date(value: Any) -> Any:
    """Accept a date, a timestamp (its day is what counts) or a text date written YYYY-MM-DD; refuse the rest.

    YAML already reads an unquoted 2019-06-20 as a date. Everything else (20/06/2019,
    "June 2019", "20190620", "2019-W25-4") is refused with the form to use, because
    day/month order is ambiguous and a guess would silently move a deadline; so is a
    date outside the years govcheck works with (engine/core/days.py).
    """
    from govcheck.engine.core.days import read_day

    return read_day(value, form_hint=DATE_FORM_HINT)


Day = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def _known_subject(value: str) -> str:
    if value not in SUBJECTS:
        from govcheck.engine.core.suggest import did_you_mean

        raise ValueError(f"unknown subject {value!r}{did_you_mean(value, SUBJECTS)}")
    return value


Subject = Annotated[
    str,
    AfterValidator(_known_subject),
    WithJsonSchema({"type": "string", "enum": sorted(SUBJECTS)}),
]

Sector = Literal["private", "public", "he-fe", "vcs", "other"]
Gender = Literal["woman", "man", "non-binary", "not-stated"]
RoleName = Literal["chair", "deputy-chair", "member", "co-optee", "substitute", "observer"]
BodyKind = Literal["board", "committee", "sub-group", "panel"]


class Fact(BaseModel):
    """Base of every facts model: unknown keys are errors, values never change, and types are not guessed.

    Strict: `yes`, `1` or `"true"` is not a boolean, and 6.0 is not a whole number;
    each is an error that says what to write, rather than a value read by guesswork.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Evidence(Fact):
    """Where a fact can be checked: a web page, or a document and its section."""

    url: str | None = None
    document: str | None = None
    section: str | None = None
    note: str | None = None


class Evidenced(Fact):
    """A fact that may carry the evidence for it."""

    evidence: Evidence | None = None


def _coverage_ref(value: Any) -> Any:
    # `subject: "5.3"` is shorthand for `subject: {section: "5.3"}`: most coverage maps
    # only name the section, and the long form stays available for pages and notes.
    if isinstance(value, (str, int, float)):
        return {"section": str(value)}
    return value


class CoverageRef(Evidenced):
    """The part of a document that covers a subject."""

    section: str
    page: int | None = None


Coverage = dict[Subject, Annotated[CoverageRef, BeforeValidator(_coverage_ref)]]


class Document(Evidenced):
    """A policy, plan or other document the LEP keeps, and its publication history."""

    title: str | None = None
    version: str | None = None
    is_in_place: bool | None = None
    adopted_on: Day | None = None
    published_on: Day | None = None
    url: str | None = None
    reviewed_on: Day | None = None
    coverage: Coverage | None = None
