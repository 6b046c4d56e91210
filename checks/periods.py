"""Check kinds about the calendar: the assessment date against a fixed date, yearly records, the latest of many.

The framework's year is the financial year, 1 April to 31 March: a delivery plan
is for a year ahead, an end-of-year report for a year past. Some requirements
bind only from a date ("one third women by April 2020"); ``date_reached`` lets a
rule's ``applies_when`` say so.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field

from govcheck.checks.base import CheckContext, Params, PathSpec, check_kind
from govcheck.checks.dates import LocalCommitment, Span, later_by, strictest
from govcheck.checks.sentences import Code, local_words, what_words
from govcheck.checks.thresholds import ViewName
from govcheck.checks.when import NotFound, When, on_or_before, when
from govcheck.checks.where import Where
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.model import AssuranceLetter, Day
from govcheck.engine.facts.records import Yearly, financial_year_of, year_starts_on
from govcheck.engine.facts.snippets import EACH, keys_for
from govcheck.engine.facts.views import VIEWS

# How many financial years back a yearly check looks for the one that is due.
YEARS_BACK = 3


class DateReachedParams(Params):
    date: Day
    what: str | None = None  # what binds from that date, in words

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return f"the assessment date is on or after {self.date:%-d %B %Y}{what_words(self.what)}"


@check_kind("date_reached")
def date_reached(value: Any, params: DateReachedParams, ctx: CheckContext) -> Outcome:
    """The assessment date is on or after ``date`` (a requirement that binds from a deadline)."""
    what = f"{params.what} " if params.what else ""
    detail = (f"assessed at {date_label(ctx.as_of)}; {what}binds from {date_label(params.date)}",)
    if ctx.as_of >= params.date:
        return met(f"{what}binds from {date_label(params.date)}", detail=detail)
    return not_met(f"{what}binds only from {date_label(params.date)}", detail=detail)


def _year_end(financial_year: str) -> dt.date:
    start = year_starts_on(financial_year)
    return dt.date(start.year + 1, 3, 31)


def _year_before(financial_year: str) -> str:
    return financial_year_of(year_starts_on(financial_year) - dt.timedelta(days=1))


class YearlyParams(Params):
    path: Annotated[str, PathSpec(items=Yearly)]
    on: Annotated[str, PathSpec(dt.date, relative_to="path")] = "published_on"
    due_after: Literal["start", "end"] = Field(
        description="a record is due after the start of its year (a plan) or after its end (a report)"
    )
    within: Span
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        when = "start" if self.due_after == "start" else "end"
        return (
            f"for the latest financial year whose record is due, {code(self.path)} has an entry with "
            f"{code(self.on)} within {self.within.words()} of the year's {when}{what_words(self.what)}"
        )


@check_kind("yearly")
def yearly(value: Any, params: YearlyParams, ctx: CheckContext) -> Outcome:
    """The record for the latest financial year whose record is already due exists and has happened."""
    parts = paths.split(params.path)
    records = paths.read(value, parts)
    what = params.what or parts[-1].replace("_", " ")
    year = financial_year_of(ctx.as_of)
    due = dt.date.max
    for _ in range(YEARS_BACK):
        anchor = year_starts_on(year) if params.due_after == "start" else _year_end(year)
        due = later_by(ctx.calendar, params.within.unit, anchor, params.within.amount)
        if due <= ctx.as_of:
            break
        year = _year_before(year)
    detail = (f"the {what} for {year} was due by {date_label(due)}; assessed at {date_label(ctx.as_of)}",)
    facts = (ctx.path(parts),)
    # A record for the year, with its date: what would decide.
    record_keys = (ctx.path((*parts, EACH, "financial_year")), ctx.path((*parts, EACH, *paths.split(params.on))))
    if records is None:
        return missing(
            f"no {what} recorded; the one for {year} was due by {date_label(due)}", facts=facts, needed=record_keys
        )
    found = [(i, r) for i, r in enumerate(records) if r.financial_year == year]
    if not found:
        return missing(
            f"no {what} for {year} recorded; it was due by {date_label(due)}",
            facts=facts,
            detail=detail,
            needed=record_keys,
        )
    index, record = found[0]
    at = ctx.path((*parts, index))
    if getattr(record, "is_in_place", None) is False:
        return not_met(f"there is no {what} for {year}", facts=(at,), detail=detail)
    happened = when(paths.read(record, paths.split(params.on)))
    event = params.on.split(".")[-1].removesuffix("_on").replace("_", " ")
    if happened is None or isinstance(happened, NotFound):
        if params.on == "published_on" and getattr(record, "url", None):
            return met(f"{what} for {year} published", facts=(at,), detail=detail)
        if isinstance(happened, NotFound):
            return not_met(f"{what} for {year}: {event} not found", facts=(at,), detail=detail)
        return missing(
            f"{what} for {year}: no date recorded for {event}",
            facts=(at,),
            detail=detail,
            needed=((*at, *paths.split(params.on)),),
        )
    by_then = on_or_before(happened, ctx.as_of) if not happened.is_late else True
    if by_then is False:
        return not_met(f"{what} for {year}: {event} {happened.words}, after the assessment date", facts=(at,))
    if by_then is None:
        return missing(f"{what} for {year}: {event} {happened.words}", facts=(at,), detail=detail)
    return met(f"{what} for {year}: {event} {happened.words}", facts=(at,), detail=detail)


class AnnualDeadlineParams(Params):
    path: Annotated[str, PathSpec(items=AssuranceLetter)]
    on: Annotated[str, PathSpec(dt.date, relative_to="path")] = "sent_on"
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=28)
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return (
            f"each year's entry of {code(self.path)} has {code(self.on)} on or before "
            f"{self.day} {dt.date(2001, self.month, 1):%B}{what_words(self.what)}"
        )


@check_kind("annual_deadline")
def annual_deadline(value: Any, params: AnnualDeadlineParams, ctx: CheckContext) -> Outcome:
    """The record for the latest calendar year whose fixed deadline (28 February, say) has passed was on time."""
    parts = paths.split(params.path)
    records = paths.read(value, parts)
    what = params.what or parts[-1].replace("_", " ")
    year = ctx.as_of.year
    if ctx.as_of < dt.date(year, params.month, params.day):
        year -= 1
    due = dt.date(year, params.month, params.day)
    facts = (ctx.path(parts),)
    record_keys = (ctx.path((*parts, EACH, "year")), ctx.path((*parts, EACH, *paths.split(params.on))))
    if not records:
        return missing(
            f"no {what} recorded; the one for {year} was due by {date_label(due)}", facts=facts, needed=record_keys
        )
    found = [(i, r) for i, r in enumerate(records) if r.year == year]
    if not found:
        return missing(
            f"no {what} for {year} recorded; it was due by {date_label(due)}", facts=facts, needed=record_keys
        )
    index, record = found[0]
    at = (ctx.path((*parts, index)),)
    happened = when(paths.read(record, paths.split(params.on)))
    if happened is None:
        return missing(
            f"{what} for {year}: no date recorded; it was due by {date_label(due)}",
            facts=at,
            needed=((*at[0], *paths.split(params.on)),),
        )
    if isinstance(happened, NotFound):
        return not_met(f"{what} for {year} not found; it was due by {date_label(due)}", facts=at)
    decided = None if happened.is_late else on_or_before(happened, due)
    if happened.is_late or decided is False:
        return not_met(f"{what} for {year} dated {happened.words}; due by {date_label(due)}", facts=at)
    if decided is None:
        return missing(
            f"{what} for {year} dated {happened.words}; due by {date_label(due)}: not known whether on time", facts=at
        )
    return met(f"{what} for {year} dated {happened.words}, by {date_label(due)}", facts=at)


class LatestParams(Params):
    of: ViewName
    where: Where | None = None
    date: Annotated[str, PathSpec(dt.date, relative_to="of")]
    within: Span
    local: LocalCommitment = None
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        where = f" where {self.where.in_words(code)}" if self.where is not None else ""
        return (
            f"the latest {code(self.date)} of the {self.of.replace('_', ' ')}{where} is no more than "
            f"{self.within.words()} before the assessment date{local_words(self.local, code)}{what_words(self.what)}"
        )


@check_kind("latest")
def latest(value: Any, params: LatestParams, ctx: CheckContext) -> Outcome:
    """The most recent of a view's items (that meet ``where``) is no older than a span at the assessment date."""
    items = VIEWS[params.of].items(ctx.facts, ctx.as_of)
    chosen = [item for item in items if params.where is None or params.where.holds(item.value)]
    what = params.what or params.of.replace("_", " ")
    date_parts = paths.split(params.date)
    # Only days known exactly count as the latest: a date known within bounds is not more recent than the evidence.
    dated = [
        (found.day, item)
        for item in chosen
        if isinstance(found := when(paths.read(item.value, date_parts)), When)
        and found.day is not None
        and found.day <= ctx.as_of
    ]
    if not dated:
        unknown = params.where is not None and any(
            paths.read(item.value, paths.split(path)) in (None, []) for item in items for path in params.where.root
        )
        if not items or unknown or chosen:
            relative = [*(params.where.root if params.where is not None else ()), params.date]
            return missing(f"no {what} recorded", needed=keys_for(VIEWS[params.of].item_model, relative))
        return not_met(f"none of {len(items)} {params.of.replace('_', ' ')} is a {what}")
    day, item = max(dated, key=lambda pair: pair[0])
    amount, local_note = strictest(ctx, params.within, params.local, larger_is_stricter=False)
    due = later_by(ctx.calendar, params.within.unit, day, amount)
    detail = (
        f"latest {what}: {item.label}; allowed: {params.within.words(amount)}{local_note}, so the next was due "
        f"by {date_label(due)}; assessed at {date_label(ctx.as_of)}",
    )
    if ctx.as_of <= due:
        return met(f"latest {what}: {item.label}", facts=(item.path,), detail=detail)
    # Later items that do not record what the filter reads may be the next one: silence is not a failing.
    silent = [
        later
        for later in items
        if params.where is not None
        and any(paths.read(later.value, paths.split(path)) in (None, []) for path in params.where.root)
        and isinstance(found := when(paths.read(later.value, date_parts)), When)
        and found.latest is not None
        and day < found.latest <= ctx.as_of
    ]
    if silent:
        return missing(
            f"latest {what}: {item.label}; the next was due by {date_label(due)}, but {len(silent)} later "
            f"{params.of.replace('_', ' ')} do not record whether they were one",
            facts=(item.path, *(later.path for later in silent)),
            detail=detail,
            needed=tuple(
                ctx.within(later.path, later.label, later.roots).path(paths.split(path))
                for later in silent
                for path in (params.where.root if params.where is not None else ())
            ),
        )
    return not_met(
        f"latest {what}: {item.label}; the next was due by {date_label(due)}", facts=(item.path,), detail=detail
    )
