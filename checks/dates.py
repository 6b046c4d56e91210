"""Check kinds about time: deadlines between two dates, and documents kept current."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator

from govcheck.checks.base import CheckContext, DatePath, Params, PathSpec, check_kind
from govcheck.checks.sentences import Code, local_words, what_words
from govcheck.engine.calendar import WorkingCalendar, add_months
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.model import Document, LocalCommitments

Unit = Literal["days", "working_days", "clear_working_days", "months"]
UNIT_WORDS = {
    "days": "days",
    "working_days": "working days",
    "clear_working_days": "clear working days",
    "months": "months",
}
# Days listed one by one in an explanation; longer stretches are summarised.
MAX_DAYS_SHOWN = 62


class Span(Params):
    """A length of time in exactly one unit: ``{days: 28}``, ``{clear_working_days: 5}``."""

    days: int | None = Field(default=None, ge=0)
    working_days: int | None = Field(default=None, ge=0)
    clear_working_days: int | None = Field(default=None, ge=0)
    months: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _exactly_one(self) -> Span:
        given = [unit for unit in UNIT_WORDS if getattr(self, unit) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {', '.join(UNIT_WORDS)}")
        return self

    @property
    def unit(self) -> Unit:
        # Read for every item of every deadline rule, so spelt out rather than searched for.
        if self.days is not None:
            return "days"
        if self.working_days is not None:
            return "working_days"
        if self.clear_working_days is not None:
            return "clear_working_days"
        return "months"

    @property
    def amount(self) -> int:
        value: int = getattr(self, self.unit)
        return value

    def words(self, amount: int | None = None) -> str:
        return f"{self.amount if amount is None else amount} {UNIT_WORDS[self.unit]}"


def _local_commitment(name: str | None) -> str | None:
    if name is not None and name not in LocalCommitments.model_fields:
        raise ValueError(f"unknown local commitment {name!r}{did_you_mean(name, LocalCommitments.model_fields)}")
    return name


# The name of a `local_commitments` field whose value, where the LEP sets one, may tighten the rule.
LocalCommitment = Annotated[str | None, AfterValidator(_local_commitment)]


def strictest(ctx: CheckContext, span: Span, local: str | None, larger_is_stricter: bool) -> tuple[int, str]:
    """The national amount, or the LEP's own commitment where that is stricter."""
    national = span.amount
    committed = getattr(ctx.facts.local_commitments, local) if local else None
    if committed is None:
        return national, ""
    stricter = committed > national if larger_is_stricter else committed < national
    if stricter:
        return committed, f" (the LEP's own commitment; national: {national})"
    return national, ""


def later_by(calendar: WorkingCalendar, unit: Unit, start: dt.date, amount: int) -> dt.date:
    """The last day that is still within ``amount`` units after ``start``."""
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit == "months":
        return add_months(start, amount)
    return calendar.add_working_days(start, amount)


def elapsed(calendar: WorkingCalendar, unit: Unit, start: dt.date, end: dt.date) -> int:
    """How many units lie between two dates, counted the way the unit is defined."""
    if unit == "days":
        return (end - start).days
    if unit == "months":
        months = (end.year - start.year) * 12 + end.month - start.month
        return months - (1 if end.day < start.day else 0)
    clear = calendar.clear_working_days_between(start, end)
    if unit == "clear_working_days":
        return clear
    return clear + (1 if end > start and calendar.is_working_day(end) else 0)


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=8192)
def _day_name(day: dt.date) -> str:
    # Every deadline of every LEP names the same few thousand days: name each once.
    return f"{_WEEKDAYS[day.weekday()]} {date_label(day)}"


def day_by_day(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> tuple[str, ...]:
    """The explanation of a working-day count: each day between, counted or skipped, and why."""
    lines = [f"from {_day_name(start)} (not counted) to {_day_name(end)} (not counted):"]
    between = max(end.toordinal() - start.toordinal() - 1, 0)
    running = 0
    for offset in range(1, min(between, MAX_DAYS_SHOWN) + 1):
        day = start + dt.timedelta(days=offset)
        why = calendar.why_not_working(day)
        if why is None:
            running += 1
            lines.append(f"  {_day_name(day)}: counted ({running})")
        else:
            lines.append(f"  {_day_name(day)}: skipped: {why}")
    if between > MAX_DAYS_SHOWN:
        lines.append(f"  ... {between - MAX_DAYS_SHOWN} more days")
    return tuple(lines)


class DeadlineParams(Params):
    from_: DatePath = Field(alias="from")
    to: DatePath
    within: Span | None = None
    at_least: Span | None = None
    local: LocalCommitment = None
    event: str | None = None  # what `to` is, in words ("register published")
    since: str | None = None  # what `from` is, in words ("appointment")

    @model_validator(mode="after")
    def _one_bound(self) -> DeadlineParams:
        if (self.within is None) == (self.at_least is None):
            raise ValueError("give exactly one of within (at most this long after) or at_least (this long before)")
        return self

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        local = local_words(self.local, code)
        if self.within is not None:
            return f"{code(self.to)} is within {self.within.words()} after {code(self.from_)}{local}"
        assert self.at_least is not None
        return f"{code(self.from_)} is at least {self.at_least.words()} before {code(self.to)}{local}"


def _words(path: str) -> str:
    return path.split(".")[-1].removesuffix("_on").replace("_", " ")


@check_kind("deadline")
def deadline(value: Any, params: DeadlineParams, ctx: CheckContext) -> Outcome:
    """``to`` falls within a span after ``from``, or at least a span before it."""
    start_parts, end_parts = paths.split(params.from_), paths.split(params.to)
    start, end = paths.read(value, start_parts), paths.read(value, end_parts)
    event, since = params.event or _words(params.to), params.since or _words(params.from_)
    facts = (ctx.path(start_parts), ctx.path(end_parts))
    # The steps are written out only for `govcheck explain`: this check runs for every meeting.
    detail = [f"{params.from_} = {start}", f"{params.to} = {end}"] if ctx.explain else []
    if params.within is not None:
        return _within(ctx, params, params.within, start, end, event, since, facts, detail)
    assert params.at_least is not None
    return _at_least(ctx, params, params.at_least, start, end, event, since, facts, detail)


def _within(
    ctx: CheckContext,
    params: DeadlineParams,
    span: Span,
    start: dt.date | None,
    end: dt.date | None,
    event: str,
    since: str,
    facts: tuple[Any, ...],
    detail: list[str],
) -> Outcome:
    amount, local_note = strictest(ctx, span, params.local, larger_is_stricter=False)
    if start is None:
        return missing(f"no date recorded for {since}", facts=facts, detail=tuple(detail))
    due = later_by(ctx.calendar, span.unit, start, amount)
    if ctx.explain:
        allowed_after = f"{span.words(amount)}{local_note} after {date_label(start)}"
        detail.append(f"allowed: {allowed_after}, so due by {date_label(due)}")
    if end is None:
        if ctx.as_of > due:
            return missing(
                f"no date recorded for {event}; it was due by {date_label(due)}", facts=facts, detail=tuple(detail)
            )
        return met(f"{event} not yet due (due by {date_label(due)})", facts=facts, detail=tuple(detail))
    # "Within N clear working days after" means by the Nth working day after `from`
    # (which itself does not count), so the time taken is counted in working days.
    unit = "working_days" if span.unit == "clear_working_days" else span.unit
    taken = elapsed(ctx.calendar, unit, start, end)
    if ctx.explain and unit == "working_days":
        detail.extend(day_by_day(ctx.calendar, start, end + dt.timedelta(days=1)))
    allowed = f"{span.words(amount)} allowed{local_note}"
    if end <= due:
        return met(
            f"{event} {date_label(end)}, within {span.words(amount)} of {since}", facts=facts, detail=tuple(detail)
        )
    return not_met(
        f"{event} {date_label(end)}, {taken} {UNIT_WORDS[unit]} after {since}; due by {date_label(due)} ({allowed})",
        facts=facts,
        detail=tuple(detail),
    )


def _at_least(
    ctx: CheckContext,
    params: DeadlineParams,
    span: Span,
    start: dt.date | None,
    end: dt.date | None,
    event: str,
    since: str,
    facts: tuple[Any, ...],
    detail: list[str],
) -> Outcome:
    # Here `from` is the earlier event (papers published) and `to` the later one (the meeting).
    amount, local_note = strictest(ctx, span, params.local, larger_is_stricter=True)
    if end is None:
        return missing(f"no date recorded for {event}", facts=facts, detail=tuple(detail))
    if start is None:
        return missing(f"no date recorded for {since}", facts=facts, detail=tuple(detail))
    gap = elapsed(ctx.calendar, span.unit, start, end)
    if ctx.explain:
        detail.append(f"required: at least {span.words(amount)}{local_note}; found {span.words(gap)}")
    if ctx.explain and span.unit in ("working_days", "clear_working_days"):
        detail.extend(day_by_day(ctx.calendar, start, end))
    if gap >= amount:
        return met(f"{since} {date_label(start)}, {span.words(gap)} before {event}", facts=facts, detail=tuple(detail))
    return not_met(
        f"{since} {date_label(start)}, {span.words(gap)} before {event} "
        f"({date_label(end)}); {amount} required{local_note}",
        facts=facts,
        detail=tuple(detail),
    )


class KeptCurrentParams(Params):
    path: Annotated[str, PathSpec(Document)]
    review_within: Span
    must_be_published: bool = True
    local: LocalCommitment = None
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        published = ", published (a url or published_on)" if self.must_be_published else ""
        return (
            f"{code(self.path)} is in place{published}, and adopted or reviewed no more than "
            f"{self.review_within.words()} before the assessment date{local_words(self.local, code)}"
        )


@check_kind("kept_current")
def kept_current(value: Any, params: KeptCurrentParams, ctx: CheckContext) -> Outcome:
    """A document is in place, published, and adopted or reviewed within a span of the assessment date."""
    parts = paths.split(params.path)
    document: Document | None = paths.read(value, parts)
    what = params.what or _words(params.path)
    facts = (ctx.path(parts),)
    if document is None:
        return missing(f"no {what} recorded", facts=facts)
    if document.is_in_place is False:
        return not_met(f"there is no {what}", facts=(ctx.path((*parts, "is_in_place")),))
    if params.must_be_published and document.url is None and document.published_on is None:
        return missing(f"no publication of the {what} recorded (url or published_on)", facts=facts)
    if document.published_on is not None and document.published_on > ctx.as_of:
        return not_met(
            f"{what} published {date_label(document.published_on)}, after the assessment date",
            facts=(ctx.path((*parts, "published_on")),),
        )
    dates = [d for d in (document.reviewed_on, document.adopted_on) if d is not None and d <= ctx.as_of]
    if not dates:
        return missing(f"no adoption or review date recorded for the {what}", facts=facts)
    last = max(dates)
    amount, local_note = strictest(ctx, params.review_within, params.local, larger_is_stricter=False)
    due = later_by(ctx.calendar, params.review_within.unit, last, amount)
    detail = (
        f"last adopted or reviewed {date_label(last)}; review every {params.review_within.words(amount)}"
        f"{local_note}, so next due {date_label(due)}; assessed at {date_label(ctx.as_of)}",
    )
    published = document.url is not None or document.published_on is not None
    if ctx.as_of <= due:
        done = "published and last reviewed" if published else "last reviewed"
        return met(f"{what} {done} {date_label(last)}", facts=facts, detail=detail)
    return not_met(
        f"{what} last reviewed {date_label(last)}; a review was due by {date_label(due)}", facts=facts, detail=detail
    )


class RecentParams(Params):
    path: DatePath
    within: Span
    local: LocalCommitment = None
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return (
            f"{code(self.path)} is no more than {self.within.words()} before the assessment date"
            f"{local_words(self.local, code)}{what_words(self.what)}"
        )


@check_kind("recent")
def recent(value: Any, params: RecentParams, ctx: CheckContext) -> Outcome:
    """The date at ``path`` is no older than a span at the assessment date (a review is not overdue)."""
    parts = paths.split(params.path)
    found: dt.date | None = paths.read(value, parts)
    what = params.what or _words(params.path)
    facts = (ctx.path(parts),)
    if found is None:
        return missing(f"no date recorded for {what}", facts=facts)
    amount, local_note = strictest(ctx, params.within, params.local, larger_is_stricter=False)
    due = later_by(ctx.calendar, params.within.unit, found, amount)
    detail = (
        f"{params.path} = {found}; allowed: {params.within.words(amount)}{local_note}, so next due "
        f"{date_label(due)}; assessed at {date_label(ctx.as_of)}",
    )
    if found > ctx.as_of:
        return not_met(f"{what} {date_label(found)} is after the assessment date", facts=facts, detail=detail)
    if ctx.as_of <= due:
        return met(f"{what} {date_label(found)}", facts=facts, detail=detail)
    return not_met(f"{what} {date_label(found)}; the next was due by {date_label(due)}", facts=facts, detail=detail)
