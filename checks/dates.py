"""Check kinds about time: deadlines between two dates, and documents kept current."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator

from govcheck.checks.base import CheckContext, DatePath, Params, check_kind
from govcheck.checks.sentences import Code, local_words, step
from govcheck.checks.when import NotFound, When, on_or_before, when
from govcheck.engine.calendar import WorkingCalendar, add_months
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.status import Status
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.core.wording import counted, date_label, singular
from govcheck.engine.facts.model import LocalCommitments

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
        return counted(
            self.amount if amount is None else amount, singular(UNIT_WORDS[self.unit]), UNIT_WORDS[self.unit]
        )


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


def words_of(path: str) -> str:
    return path.split(".")[-1].removesuffix("_on").replace("_", " ")


@check_kind("deadline")
def deadline(value: Any, params: DeadlineParams, ctx: CheckContext) -> Outcome:
    """``to`` falls within a span after ``from``, or at least a span before it."""
    start_parts, end_parts = paths.split(params.from_), paths.split(params.to)
    start, end = paths.read(value, start_parts), paths.read(value, end_parts)
    event, since = params.event or words_of(params.to), params.since or words_of(params.from_)
    facts = (ctx.path(start_parts), ctx.path(end_parts))
    # The steps are written out only for `govcheck explain`: this check runs for every meeting.
    detail = [step(params.from_, start), step(params.to, end)] if ctx.explain else []
    if params.within is not None:
        return _within(ctx, params, params.within, start, end, event, since, facts, detail)
    assert params.at_least is not None
    return _at_least(ctx, params, params.at_least, start, end, event, since, facts, detail)


def _within(
    ctx: CheckContext,
    params: DeadlineParams,
    span: Span,
    start_fact: Any,
    end_fact: Any,
    event: str,
    since: str,
    facts: tuple[Any, ...],
    detail: list[str],
) -> Outcome:
    amount, local_note = strictest(ctx, span, params.local, larger_is_stricter=False)
    start, end = when(start_fact), when(end_fact)
    if start is None:
        return missing(f"no date recorded for {since}", facts=facts, detail=tuple(detail))
    if isinstance(start, NotFound):
        return Outcome(Status.NOT_APPLICABLE, f"{since} not found, so nothing is due after it", facts=facts)
    if start.day is None:
        return _within_bounds(ctx, span, amount, local_note, start, end, event, since, facts)
    due = later_by(ctx.calendar, span.unit, start.day, amount)
    if ctx.explain:
        allowed_after = f"{span.words(amount)}{local_note} after {date_label(start.day)}"
        detail.append(f"allowed: {allowed_after}, so due by {date_label(due)}")
    if end is None or isinstance(end, NotFound):
        if ctx.as_of <= due:
            return met(f"{event} not yet due (due by {date_label(due)})", facts=facts, detail=tuple(detail))
        if isinstance(end, NotFound):
            return not_met(f"{event} not found; it was due by {date_label(due)}", facts=facts, detail=tuple(detail))
        return missing(
            f"no date recorded for {event}; it was due by {date_label(due)}", facts=facts, detail=tuple(detail)
        )
    if end.day is None:
        return _decided_by_bounds(end, due, event, f"due by {date_label(due)}", facts, tuple(detail))
    # "Within N clear working days after" means by the Nth working day after `from`
    # (which itself does not count), so the time taken is counted in working days.
    unit = "working_days" if span.unit == "clear_working_days" else span.unit
    taken = elapsed(ctx.calendar, unit, start.day, end.day)
    if ctx.explain and unit == "working_days":
        detail.extend(day_by_day(ctx.calendar, start.day, end.day + dt.timedelta(days=1)))
    allowed = f"{span.words(amount)} allowed{local_note}"
    if end.day <= due:
        return met(
            f"{event} {date_label(end.day)}, within {span.words(amount)} of {since}", facts=facts, detail=tuple(detail)
        )
    return not_met(
        f"{event} {date_label(end.day)}, {taken} {UNIT_WORDS[unit]} after {since}; due by {date_label(due)} "
        f"({allowed})",
        facts=facts,
        detail=tuple(detail),
    )


def _within_bounds(
    ctx: CheckContext,
    span: Span,
    amount: int,
    local_note: str,
    start: When,
    end: When | NotFound | None,
    event: str,
    since: str,
    facts: tuple[Any, ...],
) -> Outcome:
    """``within`` when the start is known only within bounds: decided only where every day it allows agrees."""
    earliest_due = later_by(ctx.calendar, span.unit, start.earliest, amount) if start.earliest else None
    latest_due = later_by(ctx.calendar, span.unit, start.latest, amount) if start.latest else None
    due_words = f"{span.words(amount)}{local_note} after {since} ({start.words})"
    if end is None or isinstance(end, NotFound):
        if earliest_due is not None and ctx.as_of <= earliest_due:
            return met(f"{event} not yet due ({due_words})", facts=facts)
        if isinstance(end, NotFound) and latest_due is not None and ctx.as_of > latest_due:
            return not_met(f"{event} not found; it was due by {date_label(latest_due)}", facts=facts)
        return missing(f"no date recorded for {event}; due {due_words}", facts=facts)
    if end.is_late:
        return not_met(f"{event} late (the day is not known); due {due_words}", facts=facts)
    if end.latest is not None and earliest_due is not None and end.latest <= earliest_due:
        return met(f"{event} {end.words}, within {span.words(amount)} of {since} ({start.words})", facts=facts)
    if end.earliest is not None and latest_due is not None and end.earliest > latest_due:
        return not_met(f"{event} {end.words}; due {due_words}", facts=facts)
    return missing(
        f"{event} {end.words}; due {due_words}: the dates known do not decide whether it was on time",
        facts=facts,
    )


def _decided_by_bounds(
    end: When, due: dt.date, event: str, due_words: str, facts: tuple[Any, ...], detail: tuple[str, ...]
) -> Outcome:
    """A deadline met, missed, or (when the bounds straddle it) undecided, naming the bound it needed."""
    if end.is_late:
        return not_met(f"{event} late (the day is not known); {due_words}", facts=facts, detail=detail)
    decided = on_or_before(end, due)
    if decided is True:
        return met(f"{event} {end.words}, {due_words}", facts=facts, detail=detail)
    if decided is False:
        return not_met(f"{event} {end.words}; {due_words}", facts=facts, detail=detail)
    return missing(
        f"{event} {end.words}; {due_words}: the evidence does not say whether it was on time "
        f"(it would need to show {event} before {date_label(due + dt.timedelta(days=1))})",
        facts=facts,
        detail=detail,
    )


def _at_least(
    ctx: CheckContext,
    params: DeadlineParams,
    span: Span,
    start_fact: Any,
    end_fact: Any,
    event: str,
    since: str,
    facts: tuple[Any, ...],
    detail: list[str],
) -> Outcome:
    # Here `from` is the earlier event (papers published) and `to` the later one (the meeting).
    amount, local_note = strictest(ctx, span, params.local, larger_is_stricter=True)
    start, end = when(start_fact), when(end_fact)
    if end is None:
        return missing(f"no date recorded for {event}", facts=facts, detail=tuple(detail))
    if isinstance(end, NotFound):
        return Outcome(Status.NOT_APPLICABLE, f"{event} not found, so nothing was due before it", facts=facts)
    if start is None:
        return missing(f"no date recorded for {since}", facts=facts, detail=tuple(detail))
    required = f"{amount} {UNIT_WORDS[span.unit]} before {event} required{local_note}"
    if isinstance(start, NotFound):
        return not_met(f"{since} not found; {required}", facts=facts, detail=tuple(detail))
    if start.is_late:
        return not_met(f"{since} late (the day is not known); {required}", facts=facts, detail=tuple(detail))
    if start.day is None or end.day is None:
        least = elapsed(ctx.calendar, span.unit, start.latest, end.earliest) if start.latest and end.earliest else None
        most = elapsed(ctx.calendar, span.unit, start.earliest, end.latest) if start.earliest and end.latest else None
        if least is not None and least >= amount:
            return met(f"{since} {start.words}, at least {span.words(least)} before {event}", facts=facts)
        if most is not None and most < amount:
            return not_met(f"{since} {start.words}, at most {span.words(most)} before {event}; {required}", facts=facts)
        return missing(
            f"{since} {start.words}; {required}: the dates known do not decide whether it was early enough",
            facts=facts,
        )
    gap = elapsed(ctx.calendar, span.unit, start.day, end.day)
    if ctx.explain:
        detail.append(f"required: at least {span.words(amount)}{local_note}; found {span.words(gap)}")
    if ctx.explain and span.unit in ("working_days", "clear_working_days"):
        detail.extend(day_by_day(ctx.calendar, start.day, end.day))
    if gap >= amount:
        return met(
            f"{since} {date_label(start.day)}, {span.words(gap)} before {event}", facts=facts, detail=tuple(detail)
        )
    return not_met(
        f"{since} {date_label(start.day)}, {span.words(gap)} before {event} "
        f"({date_label(end.day)}); {amount} required{local_note}",
        facts=facts,
        detail=tuple(detail),
    )
