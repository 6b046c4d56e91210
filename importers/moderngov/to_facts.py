"""Meeting records as facts (format 2): what the service tells, each with its address; what it cannot, left out.

The service tells a meeting's date, who attended and in what capacity, its agenda, the
minutes of each item once published (so the day the next meeting approved them), and which
items were exempt. It cannot tell when the
papers or minutes were published, so those facts are left out and the rules report missing
evidence rather than a guess. A meeting after the as-of date is marked scheduled; a
cancelled one is left out, since it was not held.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govcheck.importers.moderngov.approvals import approvals
from govcheck.importers.moderngov.attendees import People, presence
from govcheck.importers.moderngov.declarations import is_declarations_item, read_declarations
from govcheck.importers.moderngov.parse import AgendaItem, LinkedDocument, MeetingRecord

# The descriptions of exempt information in Part 1 of Schedule 12A to the Local Government Act 1972.
SCHEDULE_12A = {
    "1": "information relating to any individual",
    "2": "information likely to reveal the identity of an individual",
    "3": "information relating to the financial or business affairs of any particular person",
    "4": "consultations or negotiations in connection with a labour relations matter",
    "5": "information subject to legal professional privilege",
    "6": "a notice, order or direction the authority proposes to give or make",
    "7": "the prevention, investigation or prosecution of crime",
}
_PARAGRAPHS = re.compile(r"\bparagraphs?\s+(\d+(?:\s*(?:,|&|and)\s*\d+)*)", re.IGNORECASE)
_MINUTES = re.compile(r"\bminutes\b", re.IGNORECASE)


@dataclass
class Imported:
    """Facts read from the service: the meetings, the people met for the first time, and what was not read."""

    meetings: list[dict[str, Any]]
    people: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)


# The site's page for a meeting, given the committee and meeting ids.
MeetingPage = Callable[[str, str], str]


def meetings_as_facts(
    records: list[MeetingRecord], *, body: str, as_of: dt.date, people: People, meeting_page: MeetingPage
) -> Imported:
    """Each record as a meeting of ``body``, its attendees found in (or added to) ``people``."""
    imported = Imported([], [])
    taken: set[str] = set()
    approved = approvals(records)
    for record in sorted(records, key=lambda r: (r.held_on, r.id)):
        page = meeting_page(record.committee_id, record.id)
        if record.is_cancelled:
            imported.notes.append(f"left out the meeting of {record.held_on} ({page}): {record.status}")
            continue
        meeting_id = base = f"{body}-{record.held_on.isoformat()}"
        number = 2
        while meeting_id in taken:
            meeting_id, number = f"{base}-{number}", number + 1
        taken.add(meeting_id)
        entry = _meeting(record, meeting_id, body, as_of, people, page, imported.notes)
        if record.id in approved and approved[record.id] <= as_of:
            evidence = entry.pop("evidence")  # kept last, where a reader looks for it
            entry["minutes_approved_on"] = approved[record.id]
            entry["evidence"] = evidence
        imported.meetings.append(entry)
    imported.people = people.added
    return imported


def _meeting(
    record: MeetingRecord, meeting_id: str, body: str, as_of: dt.date, people: People, page: str, notes: list[str]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": meeting_id, "body": body, "held_on": record.held_on}
    if record.held_on > as_of:
        entry["is_scheduled"] = True
    elif record.attendees is not None:
        entry.update(_attendance(record, body, people, page, notes))
    if record.items:
        declarations_items = [item for item in record.items if is_declarations_item(item)]
        entry["has_declarations_item"] = bool(declarations_items)
        if declarations_items and record.held_on <= as_of and record.attendees is not None:
            declared = _declarations(record, declarations_items[0], body, people, page, notes)
            if declared is not None:
                entry["declarations"] = declared
            elif not declarations_items[0].minutes:
                notes.append(f"{record.held_on} ({page}): declarations not known, as its minutes are not published")
        exempt = [_confidential(item, page) for item in record.items if item.is_exempt]
        if exempt:
            entry["confidential_items"] = exempt
    entry["evidence"] = _evidence(record, page)
    return entry


def _attendance(record: MeetingRecord, body: str, people: People, page: str, notes: list[str]) -> dict[str, Any]:
    """Members present and apologies, and others in attendance by name.

    A list with a member missing would undercount a quorum, so where any member's attendance
    cannot be read (not yet recorded, a word not known, a name that fits several people) both
    lists are left out and the reason is noted: the quorum is then not known, never failed.
    """
    present: list[str] = []
    apologies: list[str] = []
    others: list[str] = []
    unread: list[str] = []
    for attendee in record.attendees or ():
        kind = presence(attendee)
        if kind == "in_attendance":
            others.append(attendee.name or "(no name given)")
            continue
        person = people.find(attendee, body, page) if attendee.name and kind not in ("expected", "unknown") else None
        if person is None:
            why = (
                "no name given"
                if not attendee.name
                else f"{attendee.attendance or 'nothing'!r} recorded"
                if kind in ("expected", "unknown")
                else "the name fits more than one person in the facts"
            )
            unread.append(f"{attendee.name or 'an attendee'} ({why})")
        elif kind == "present" and person not in present:
            present.append(person)
        elif kind == "apologies" and person not in apologies and person not in present:
            apologies.append(person)
    found: dict[str, Any] = {}
    if unread:
        notes.append(
            f"{record.held_on} ({page}): attendance left out, as not all of it could be read: " + "; ".join(unread)
        )
    else:
        found = {"attendance": present, "apologies": apologies}
    if others:
        found["in_attendance"] = others
    return found


def _declarations(
    record: MeetingRecord, item: AgendaItem, body: str, people: People, page: str, notes: list[str]
) -> list[dict[str, Any]] | None:
    names = [a.name for a in record.attendees or () if presence(a) == "present"]
    read = read_declarations(item, names)
    for sentence in read.unread:
        notes.append(f"{record.held_on} ({page}): a declaration names no one present, or several: {sentence!r}")
    if read.declarations is None:
        return None
    by_name = {a.name: a for a in record.attendees or ()}
    minutes = _minutes_address(record) or page
    declared = []
    for declaration in read.declarations:
        person = people.find(by_name[declaration.person], body, page)
        if person is None:
            continue
        entry: dict[str, Any] = {"person": person}
        if declaration.item is not None:
            entry["item"] = declaration.item
        entry["interest"] = declaration.interest
        entry["is_minuted"] = True
        if declaration.has_withdrawn is not None:
            entry["has_withdrawn"] = declaration.has_withdrawn
        entry["evidence"] = {"url": minutes, "section": f"item {item.number}" if item.number else item.title}
        declared.append(entry)
    return declared


def _confidential(item: AgendaItem, page: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"item": item.number or item.title, "title": item.title}
    paragraphs = _schedule_12a(item.exempt_reason)
    if paragraphs:
        said = "; ".join(f"paragraph {p} ({SCHEDULE_12A[p]})" for p in paragraphs)
        entry["reason"] = f"Schedule 12A {said}"
    elif item.exempt_reason:
        entry["reason"] = item.exempt_reason
    public = [d for d in item.documents if not d.is_restricted]
    entry["evidence"] = {"url": public[0].url if public else page, "note": "exempt item, as ModernGov records it"}
    return entry


def _schedule_12a(reason: str) -> list[str]:
    match = _PARAGRAPHS.search(reason)
    if not match:
        return []
    return [number for number in re.findall(r"\d+", match.group(1)) if number in SCHEDULE_12A]


def _minutes_address(record: MeetingRecord) -> str | None:
    for document in record.documents:
        if _MINUTES.search(document.title) and not document.is_restricted:
            return document.url
    return None


def _evidence(record: MeetingRecord, page: str) -> dict[str, Any]:
    evidence: dict[str, Any] = {"url": page, "document": f"{record.committee_title}, {record.held_on.isoformat()}"}
    documents = [d for d in record.documents if not d.is_restricted]
    if documents:
        evidence["note"] = "; ".join(f"{_label(d)}: {d.url}" for d in documents)
    return evidence


def _label(document: LinkedDocument) -> str:
    return document.title or "document"
