"""When a meeting's minutes were approved, as the next meeting's minutes record it.

A body approves the minutes of its last meeting at its next one: an item "Minutes of the
meeting held on 20 June 2019" (or "... of the previous meeting") whose minutes say they were
approved, agreed or confirmed as a correct record. That day is the earlier meeting's
``minutes_approved_on``. An item that names a day no meeting read was held on, or minutes that
do not say the record was approved, tell nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from govcheck.importers.moderngov.parse import MeetingRecord

_MINUTES_ITEM = re.compile(r"\bminutes\b", re.IGNORECASE)
_PREVIOUS = re.compile(r"\b(previous|last)\s+meeting\b", re.IGNORECASE)
_APPROVED = re.compile(
    r"\b(approved|agreed|confirmed|signed)\b.{0,60}\b(correct|true|accurate)\s+record\b"
    r"|\b(correct|true|accurate)\s+record\b.{0,60}\b(approved|agreed|confirmed|signed)\b",
    re.IGNORECASE,
)
_WRITTEN_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+),?\s+(\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip


def approvals(records: list[MeetingRecord]) -> dict[str, dt.date]:
    """The day each meeting's minutes were approved, by meeting id, for the meetings among ``records``."""
    held = sorted((r for r in records if not r.is_cancelled), key=lambda r: (r.held_on, r.id))
    by_day: dict[dt.date, list[MeetingRecord]] = {}
    for record in held:
        by_day.setdefault(record.held_on, []).append(record)
    approved: dict[str, dt.date] = {}
    for position, record in enumerate(held):
        for item in record.items:
            if not _MINUTES_ITEM.search(item.title) or not _APPROVED.search(item.minutes):
                continue
            day = _day_named(item.title)
            if day is not None and day < record.held_on and len(by_day.get(day, [])) == 1:
                approved.setdefault(by_day[day][0].id, record.held_on)
            elif day is None and _PREVIOUS.search(item.title) and position > 0:
                previous = held[position - 1]
                if previous.held_on < record.held_on:
                    approved.setdefault(previous.id, record.held_on)
    return approved


def _day_named(text: str) -> dt.date | None:
    match = _WRITTEN_DAY.search(text)
    if match is None:
        return None
    try:
        if match.group(1):
            month = _MONTHS.get(match.group(2).lower())
            return dt.date(int(match.group(3)), month, int(match.group(1))) if month else None
        return dt.date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        return None
