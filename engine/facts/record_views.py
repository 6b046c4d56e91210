"""Views of the records the LEP keeps over time: AGMs, projects, returns, scrutiny, complaints, concerns.

Each holds the records dated on or before the assessment date (or undated). Where
a log is absent altogether rather than empty, its view reports it as unrecorded,
so "no complaints" and "no record of complaints" differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.blocks import DateAsFound
from govcheck.engine.facts.model import Facts
from govcheck.engine.facts.records import (
    Complaint,
    Concern,
    GeneralMeeting,
    MonitoringReturn,
    Project,
    ScrutinySession,
)
from govcheck.engine.facts.view_base import Item, View


def _dated(
    collection: tuple[str, ...], date: str, label: Callable[[Any], str], keep: Callable[[Any], bool] = lambda _: True
) -> Callable[[Facts, dt.date], list[Item]]:
    """Records of a collection whose ``date`` is on or before the assessment date (or unknown)."""

    def items(facts: Facts, on: dt.date) -> list[Item]:
        found: Any = facts
        for part in collection:
            found = getattr(found, part)
        return [
            Item(value, (*collection, i), label(value))
            for i, value in enumerate(found or [])
            if happened_by(getattr(value, date), on) and keep(value)
        ]

    return items


def _unlogged(collection: str) -> Callable[[Facts, dt.date], list[Item]]:
    """The facts themselves, where a log (projects, complaints) is absent rather than empty."""

    def unrecorded(facts: Facts, on: dt.date) -> list[Item]:
        if getattr(facts, collection) is None:
            return [Item(facts, (collection,), collection.replace("_", " "))]
        return []

    return unrecorded


def happened_by(day: Any, on: dt.date) -> bool:
    """Whether a record dated ``day`` can have happened by ``on`` (a date not recorded: it may have)."""
    if day is None:
        return True
    if isinstance(day, dt.date):
        return day <= on
    if isinstance(day, DateAsFound):
        return day.earliest is None or day.earliest <= on
    return False  # not found: it did not happen


def _when(day: Any) -> str:
    if isinstance(day, dt.date):
        return date_label(day)
    if isinstance(day, DateAsFound):
        return day.words
    return "date not recorded"


RECORD_VIEWS: tuple[View, ...] = (
    View(
        "general_meetings",
        GeneralMeeting,
        "annual general meetings held so far",
        _dated(("annual_reporting", "general_meetings"), "held_on", lambda m: f"AGM, {_when(m.held_on)}"),
    ),
    View(
        "projects",
        Project,
        "applications and projects received so far",
        _dated(("projects",), "received_on", lambda p: p.name),
        _unlogged("projects"),
    ),
    View(
        "decided_projects",
        Project,
        "applications and projects decided on or before the assessment date",
        _dated(("projects",), "decided_on", lambda p: p.name, lambda p: p.decided_on is not None),
        _unlogged("projects"),
    ),
    View(
        "approved_projects",
        Project,
        "projects approved for funding on or before the assessment date",
        _dated(("projects",), "decided_on", lambda p: p.name, lambda p: p.decision == "approved"),
        _unlogged("projects"),
    ),
    View(
        "monitoring_returns",
        MonitoringReturn,
        "returns to government due on or before the assessment date",
        _dated(("monitoring_returns",), "due_on", lambda r: f"return for {r.period}"),
    ),
    View(
        "scrutiny_sessions",
        ScrutinySession,
        "scrutiny committee meetings about the LEP held so far",
        _dated(("scrutiny_sessions",), "held_on", lambda s: f"{s.committee or 'scrutiny'}, {date_label(s.held_on)}"),
    ),
    View(
        "complaints",
        Complaint,
        "complaints received so far",
        _dated(("complaints",), "received_on", lambda c: f"complaint {c.id} of {date_label(c.received_on)}"),
        _unlogged("complaints"),
    ),
    View(
        "whistleblowing_concerns",
        Concern,
        "whistleblowing concerns raised so far",
        _dated(("whistleblowing_concerns",), "raised_on", lambda c: f"concern {c.id} of {date_label(c.raised_on)}"),
        _unlogged("whistleblowing_concerns"),
    ),
)
