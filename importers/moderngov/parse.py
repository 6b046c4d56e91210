"""The web service's three answers as records: committees, a committee's meetings, and one meeting in full.

The shape read is the public service's (``GetCommittees``, ``GetMeetings``, ``GetMeeting``):
lower-case element names, dates dd/MM/yyyy, True/False flags, agenda items with their linked
documents (``mgConvert2PDF.aspx?ID=``) and their minutes as escaped HTML. A date that is no
date (31/02/2019) is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from govcheck.importers.moderngov.client import SERVICE_DATE, Answer, SourceError
from govcheck.importers.moderngov.xmlread import (
    child,
    children,
    descendants,
    flag,
    html_text,
    read_xml,
    text_of,
)


@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    is_current: bool  # neither deleted nor expired


@dataclass(frozen=True)
class MeetingStub:
    id: str
    committee_id: str
    held_on: dt.date
    status: str


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str  # as the service gives it: "Chair", "Committee Member", "Officer" ...
    attendance: str  # "Present", "Apologies", "In attendance", "Absent" ...


@dataclass(frozen=True)
class LinkedDocument:
    title: str
    url: str
    is_restricted: bool


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str
    is_exempt: bool
    exempt_reason: str
    minutes: str  # the minutes of this item as plain text, a paragraph a line; empty where none are published
    documents: tuple[LinkedDocument, ...]


@dataclass(frozen=True)
class MeetingRecord:
    id: str
    committee_id: str
    committee_title: str
    held_on: dt.date
    status: str
    attendees: tuple[Attendee, ...] | None  # None: the service records no attendance for it
    items: tuple[AgendaItem, ...]
    documents: tuple[LinkedDocument, ...]
    source: str  # the GetMeeting address it was read from

    @property
    def is_cancelled(self) -> bool:
        return "cancel" in self.status.lower() or "postpone" in self.status.lower()


def committees(answer: Answer) -> list[Committee]:
    root = read_xml(answer, ("committees", "getcommittees"))
    found = []
    for element in descendants(root, "committee"):
        committee_id = text_of(element, "committeeid")
        if not committee_id:
            continue
        gone = flag(element, "committeedeleted") or flag(element, "committeeexpired")
        found.append(Committee(committee_id, text_of(element, "committeetitle"), not gone))
    return found


def meeting_stubs(answer: Answer) -> list[MeetingStub]:
    root = read_xml(answer, ("getmeetings", "meetings", "getmeetingsbydate"))
    found = []
    for element in descendants(root, "meeting"):
        meeting_id = text_of(element, "meetingid")
        if not meeting_id:
            continue
        found.append(
            MeetingStub(
                meeting_id,
                text_of(element, "committeeid"),
                service_date(answer.url, text_of(element, "meetingdate"), f"meeting {meeting_id}"),
                text_of(element, "meetingstatus"),
            )
        )
    return found


def meeting(answer: Answer) -> MeetingRecord:
    root = read_xml(answer, ("meeting", "getmeeting"))
    element = root if root.tag.lower().endswith("meeting") and child(root, "meetingid") is not None else None
    if element is None:
        element = next(iter(descendants(root, "meeting")), None)
    if element is None or not text_of(element, "meetingid"):
        raise SourceError.at(answer.url, "holds no meeting", "check the meeting's id")
    meeting_id = text_of(element, "meetingid")
    attendees_element = child(element, "attendees")
    attendees = None
    if attendees_element is not None and len(children(attendees_element, "attendee")):
        attendees = tuple(_attendee(item) for item in children(attendees_element, "attendee"))
    items_element = child(element, "agendaitems")
    items = tuple(_item(item) for item in children(items_element, "agendaitem")) if items_element is not None else ()
    return MeetingRecord(
        id=meeting_id,
        committee_id=text_of(element, "committeeid"),
        committee_title=text_of(element, "committeetitle"),
        held_on=service_date(answer.url, text_of(element, "meetingdate"), f"meeting {meeting_id}"),
        status=text_of(element, "meetingstatus"),
        attendees=attendees,
        items=items,
        documents=_documents(element),
        source=answer.url,
    )


_SERVICE_DATE_FORM = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def service_date(url: str, text: str, what: str) -> dt.date:
    """A ModernGov date (dd/MM/yyyy, perhaps with a time) as a date; a SourceError naming it if it is no date."""
    match = _SERVICE_DATE_FORM.match(text.strip())
    if not match:
        raise SourceError.at(url, f"{what}: date {text!r} is not written dd/mm/yyyy as ModernGov writes dates")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.datetime.strptime(f"{day:02d}/{month:02d}/{year}", SERVICE_DATE).date()
    except ValueError:
        raise SourceError.at(url, f"{what}: date {text!r} is not a day of the calendar") from None


def _attendee(element: Element) -> Attendee:
    return Attendee(
        name=text_of(element, "name", "attendeename", "membername"),
        role=text_of(element, "roledescription", "role", "attendancerole"),
        attendance=text_of(element, "attendance", "attendancetype", "attendancestatus"),
    )


def _item(element: Element) -> AgendaItem:
    minutes = child(element, "minutesnonemptyhtmlbody", "minuteshtmlbody")
    return AgendaItem(
        number=text_of(element, "agendaitemnumber", "minutesitemnumber"),
        title=text_of(element, "agendaitemtitle"),
        is_exempt=bool(flag(element, "agendaitemisexempt", "isexempt", "agendaitemexempt")),
        exempt_reason=text_of(element, "agendaitemexemptreason", "exemptreason", "exemptionreason"),
        minutes=html_text(minutes.text or "") if minutes is not None else "",
        documents=_documents(element),
    )


def _documents(element: Element) -> tuple[LinkedDocument, ...]:
    linked = child(element, "linkeddocuments")
    if linked is None:
        return ()
    found: dict[str, LinkedDocument] = {}
    for document in children(linked, "linkeddoc"):
        url = text_of(document, "url")
        if url and url not in found:  # the same document is often linked twice
            found[url] = LinkedDocument(text_of(document, "title"), url, bool(flag(document, "isrestricted")))
    return tuple(found.values())
