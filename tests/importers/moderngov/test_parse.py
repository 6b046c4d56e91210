"""Reading the service's answers: the recorded shape, text as the council wrote it, hostile or broken XML refused."""

from __future__ import annotations

import datetime as dt

import pytest

from govcheck.importers.moderngov import parse
from govcheck.importers.moderngov.client import Answer, SourceError
from tests.support.moderngov import FIXTURES

URL = "https://democracy.example.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=1"


def recorded(name: str) -> Answer:
    return Answer(URL, (FIXTURES / name).read_bytes(), "text/xml; charset=utf-8")


def answer(body: str | bytes, content_type: str = "text/xml") -> Answer:
    return Answer(URL, body.encode() if isinstance(body, str) else body, content_type)


def test_committees_say_which_are_current() -> None:
    committees = parse.committees(recorded("committees.xml"))
    assert [(c.id, c.title, c.is_current) for c in committees] == [
        ("412", "Northshire Enterprise Partnership Board", True),
        ("413", "Northshire Enterprise Partnership Investment Panel", True),
        ("100", "Cabinet", False),
    ]


def test_meetings_are_dated_from_dd_mm_yyyy() -> None:
    stubs = parse.meeting_stubs(recorded("meetings-412.xml"))
    assert [(s.id, s.held_on, s.status) for s in stubs][:3] == [
        ("2301", dt.date(2019, 6, 20), "Confirmed"),
        ("2302", dt.date(2019, 9, 19), "Confirmed"),
        ("2303", dt.date(2019, 12, 12), "Cancelled"),
    ]


def test_a_meeting_keeps_its_attendees_items_and_documents_as_written() -> None:
    meeting = parse.meeting(recorded("meeting-2301.xml"))
    assert meeting.held_on == dt.date(2019, 6, 20)
    assert meeting.attendees is not None
    assert ("Councillor Mary O'Neill", "Committee Member", "Apologies") in [
        (a.name, a.role, a.attendance) for a in meeting.attendees
    ]
    titles = {item.number: item.title for item in meeting.items}
    assert titles["5"] == "Skills & Employment Plan 2019-22"  # escaped twice by the service, once undone each way
    port = next(item for item in meeting.items if item.number == "6")
    assert len(port.documents) == 1  # linked twice, read once
    exempt = next(item for item in meeting.items if item.is_exempt)
    assert exempt.number == "9"
    assert "Schedule 12A" in exempt.exempt_reason
    declarations = next(item for item in meeting.items if item.number == "2")
    assert declarations.minutes.splitlines()[1].endswith("Northshire Skills & Training Trust.")
    assert meeting.documents[1].url == "https://democracy.northshire.gov.uk/mgConvert2PDF.aspx?ID=51001&T=1"


def test_a_meeting_without_attendance_recorded_says_none_rather_than_nobody() -> None:
    assert parse.meeting(recorded("meeting-2303.xml")).attendees is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2019", "meeting 9: date '31/02/2019' is not a day of the calendar"),
        ("2019-06-20", "meeting 9: date '2019-06-20' is not written dd/mm/yyyy as ModernGov writes dates"),
        ("", "meeting 9: date '' is not written dd/mm/yyyy as ModernGov writes dates"),
    ],
)
def test_a_date_that_is_no_date_is_refused_not_guessed(written: str, message: str) -> None:
    body = f"<getmeetings><meetings><meeting><meetingid>9</meetingid><meetingdate>{written}</meetingdate>"
    with pytest.raises(SourceError) as caught:
        parse.meeting_stubs(answer(body + "</meeting></meetings></getmeetings>"))
    assert str(caught.value) == f"{URL}: {message}"


def test_a_date_with_its_time_is_read() -> None:
    assert parse.service_date(URL, "20/06/2019 10:00:00", "m") == dt.date(2019, 6, 20)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<committees><committee><committeeid>1</committeeid><committeetitle>&lol9;</committeetitle></committee></committees>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE committees [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<committees><committee><committeeid>1</committeeid><committeetitle>&secret;</committeetitle></committee></committees>"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["entity-expansion", "external-entity"])
def test_a_document_declaring_entities_is_refused_unread(hostile: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse.committees(answer(hostile))
    assert "sent XML that declares a document type or entities" in str(caught.value)
    assert "refused unread" in str(caught.value)


def test_malformed_xml_is_located() -> None:
    with pytest.raises(SourceError) as caught:
        parse.committees(answer("<committees>\n<committee><committeeid>1</committee>\n</committees>"))
    assert "sent XML that cannot be read: mismatched tag at line 2, column" in str(caught.value)


def test_xml_that_is_not_moderngovs_says_what_it_is() -> None:
    with pytest.raises(SourceError) as caught:
        parse.committees(answer('<?xml version="1.0"?><rss version="2.0"><channel /></rss>'))
    assert str(caught.value) == (
        f"{URL}: is XML but not ModernGov's: expected <committees> or <getcommittees>, found <rss> "
        "(check that the address is the council's ModernGov site)"
    )


def test_a_web_page_saying_the_service_is_disabled_is_told_apart() -> None:
    page = "<!DOCTYPE html><html><body><h1>Sorry</h1><p>The web service is disabled on this site.</p></body></html>"
    with pytest.raises(SourceError, match="the ModernGov web service is disabled on this site"):
        parse.committees(answer(page, "text/html; charset=utf-8"))


def test_any_other_web_page_is_not_taken_for_xml() -> None:
    with pytest.raises(SourceError, match="answered with a web page, not the web service's XML"):
        parse.committees(answer("<html><body>Welcome to Northshire</body></html>", "text/html"))


def test_a_meeting_answer_holding_no_meeting_is_refused() -> None:
    with pytest.raises(SourceError, match="holds no meeting"):
        parse.meeting(answer("<getmeeting></getmeeting>"))
