"""Facts that cannot be true are refused when a file is read, with the file, line and what is wrong.

Each check here is an order of dates or a count that no real record can have: minutes
published before the meeting they record, a term that ends before it starts, one person
counted twice. Such a file is an input error (exit 2), never assessed, so no rule can
be met on it. What is merely late or out of date (papers published after the meeting, a
seat past its term) is a gap that the rules report, not an error: see README, "Facts
that cannot be true".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from govcheck.engine.core.errors import Problem
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.blocks import DateAsFound
from govcheck.engine.facts.model import Facts
from govcheck.engine.reading.schema_errors import dotted
from govcheck.engine.reading.yamlsource import SourceMap

# (a later event, the event it follows, how the follower is named): "later" may not come before "first".
MEETING_ORDER: tuple[tuple[str, str, str], ...] = (
    ("draft_minutes_published_on", "held_on", "the meeting it records"),
    ("minutes_approved_on", "held_on", "the meeting they record"),
    ("final_minutes_published_on", "held_on", "the meeting they record"),
    ("final_minutes_published_on", "minutes_approved_on", "the approval of the minutes"),
)
PROJECT_ORDER: tuple[tuple[str, str, str], ...] = (
    ("applicant_notified_on", "decided_on", "the decision it tells of"),
    ("decided_on", "received_on", "the application"),
    ("grant_agreement_approved_on", "decided_on", "the decision"),
    ("first_payment_on", "decided_on", "the decision"),
)


def _bounds(value: Any) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and latest day a date fact allows (None where it does not say)."""
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, DateAsFound):
        return value.earliest, value.latest
    return None, None


def _before(later: Any, first: Any) -> bool:
    """``later`` certainly comes before ``first``: its latest possible day is before first's earliest."""
    _, latest = _bounds(later)
    earliest, _ = _bounds(first)
    return latest is not None and earliest is not None and latest < earliest


def _words(value: Any) -> str:
    if isinstance(value, dt.date):
        return date_label(value)
    latest = _bounds(value)[1]
    return f"no later than {date_label(latest)}" if latest else "an unknown day"


def problems(facts: Facts, source: SourceMap, prefix: PathKey = ()) -> list[Problem]:
    """Every fact in ``facts`` that cannot be true, located in ``source``."""

    def at(path: PathKey, message: str, hint: str | None = None) -> Problem:
        position = source.locate((*prefix, *path))
        line, column = position if position else (None, None)
        return Problem(source.file, f"{dotted(path)}: {message}", line, column, hint)

    return [at(*found) for found in _impossible(facts)]


def _impossible(facts: Facts) -> Iterator[tuple[Any, ...]]:
    yield from _meetings(facts)
    yield from _seats(facts)
    yield from _projects(facts)
    yield from _composition(facts)
    yield from _vacancies(facts)


def _meetings(facts: Facts) -> Iterator[tuple[Any, ...]]:
    for m, meeting in enumerate(facts.meetings):
        path: PathKey = ("meetings", m)
        for later, first, what in MEETING_ORDER:
            if _before(getattr(meeting, later), getattr(meeting, first)):
                yield (
                    (*path, later),
                    f"{_words(getattr(meeting, later))} is before {what} ({_words(getattr(meeting, first))})",
                    "check both dates: one of them is wrong",
                )
        if meeting.held_on > facts.as_of and not meeting.is_scheduled:
            yield (
                (*path, "held_on"),
                f"{date_label(meeting.held_on)} is after the file's as_of ({date_label(facts.as_of)})",
                "a meeting not yet held is written with is_scheduled: true; otherwise check the year",
            )
        if meeting.is_scheduled and meeting.held_on <= facts.as_of:
            yield (
                (*path, "is_scheduled"),
                f"the meeting of {date_label(meeting.held_on)} is marked scheduled, but it is on or before as_of",
                "a meeting held by the as_of date is not scheduled: remove is_scheduled",
            )
        yield from _twice((*path, "attendance"), meeting.attendance or [], "attendance")
        yield from _twice((*path, "apologies"), meeting.apologies or [], "apologies")
        for person in sorted(set(meeting.attendance or []) & set(meeting.apologies or [])):
            yield (
                (*path, "apologies"),
                f"{person!r} is both present and among the apologies",
                "someone who sent apologies was not present",
            )


def _twice(path: PathKey, ids: list[str], what: str) -> Iterator[tuple[Any, ...]]:
    seen: dict[str, int] = {}
    for index, person in enumerate(ids):
        if person in seen:
            yield (
                (*path, index),
                f"{person!r} is listed twice in {what} (first as entry {seen[person] + 1})",
                "list each person once: a person counted twice would count twice toward the quorum",
            )
        seen.setdefault(person, index)


def _seats(facts: Facts) -> Iterator[tuple[Any, ...]]:
    for p, person in enumerate(facts.people):
        for r, role in enumerate(person.roles):
            path: PathKey = ("people", p, "roles", r)
            if role.appointed_on and role.term_ends_on and role.term_ends_on < role.appointed_on:
                yield (
                    (*path, "term_ends_on"),
                    f"the term ends ({date_label(role.term_ends_on)}) before it starts "
                    f"({date_label(role.appointed_on)})",
                    "check both dates",
                )
            if role.appointed_on and role.left_on and role.left_on < role.appointed_on:
                yield (
                    (*path, "left_on"),
                    f"{person.name} left ({date_label(role.left_on)}) before being appointed "
                    f"({date_label(role.appointed_on)})",
                    "check both dates",
                )


def _vacancies(facts: Facts) -> Iterator[tuple[Any, ...]]:
    """A seat said to be vacant that a listed member holds on the as-of date."""
    for b, body in enumerate(facts.bodies):
        for role_name in body.vacant_roles or []:
            holders = [
                person.name
                for person in facts.people
                for role in person.roles
                if role.body == body.id and role.role == role_name and role.is_current(facts.as_of)
            ]
            if holders:
                yield (
                    ("bodies", b, "vacant_roles"),
                    f"the {role_name} seat is said to be vacant, but {', '.join(holders)} holds it on {facts.as_of}",
                    "give the holder a left_on date, or take the seat out of vacant_roles",
                )


def _projects(facts: Facts) -> Iterator[tuple[Any, ...]]:
    for i, project in enumerate(facts.projects or []):
        for later, first, what in PROJECT_ORDER:
            if _before(getattr(project, later), getattr(project, first)):
                yield (
                    ("projects", i, later),
                    f"{_words(getattr(project, later))} is before {what} ({_words(getattr(project, first))})",
                    "check both dates: one of them is wrong",
                )


def _composition(facts: Facts) -> Iterator[tuple[Any, ...]]:
    """Counts that contradict a complete list of members."""
    for b, body in enumerate(facts.bodies):
        composition = body.composition
        if composition is None or body.is_membership_complete is False:
            continue
        seats = [
            (person, role)
            for person in facts.people
            for role in person.roles
            if role.body == body.id
            and role.role in ("chair", "deputy-chair", "member", "co-optee")
            and role.is_current(facts.as_of)
        ]
        if not seats:
            continue
        listed = {
            "members": len(seats),
            "women": _known([person.gender == "woman" if person.gender else None for person, _ in seats]),
            "private_sector": _known([person.sector == "private" if person.sector else None for person, _ in seats]),
            "co_optees": len([role for _, role in seats if role.role == "co-optee"]),
        }
        for name, count in listed.items():
            given = getattr(composition, name)
            if count is not None and given is not None and given != count:
                yield (
                    ("bodies", b, "composition", name),
                    f"{given}, but the members listed give {count}",
                    "correct one of them, or mark is_membership_complete: false if the list is only partial",
                )


def _known(flags: list[bool | None]) -> int | None:
    """How many are true, when every one is known."""
    return None if any(flag is None for flag in flags) else sum(bool(flag) for flag in flags)
