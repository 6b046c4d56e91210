"""Records as facts: who was there in what capacity, declarations from the minutes, exempt items, people by name."""

from __future__ import annotations

import datetime as dt

import pytest

from govcheck.importers.moderngov.attendees import People, name_key, presence, seat
from govcheck.importers.moderngov.declarations import read_declarations
from govcheck.importers.moderngov.parse import AgendaItem, Attendee, MeetingRecord
from govcheck.importers.moderngov.to_facts import meetings_as_facts


@pytest.mark.parametrize(
    ("role", "attendance", "expected"),
    [
        ("Committee Member", "Present", "present"),
        ("Chair", "Present as substitute", "present"),
        ("Committee Member", "Apologies", "apologies"),
        ("Committee Member", "Apologies, sent substitute", "apologies"),
        ("Committee Member", "Absent", "absent"),
        ("Officer", "In attendance", "in_attendance"),
        ("Officer (S151)", "Present", "in_attendance"),  # present, but not a member: never counted toward a quorum
        ("Officer", "Apologies", "absent"),  # an officer's apologies are not a member's
        ("Guest", "Also present", "in_attendance"),
        ("Committee Member", "Expected", "expected"),
        ("Committee Member", "Virtual", "unknown"),
    ],
)
def test_how_each_attendee_was_there(role: str, attendance: str, expected: str) -> None:
    assert presence(Attendee("A Member", role, attendance)) == expected


@pytest.mark.parametrize(
    ("role", "attendance", "expected"),
    [
        ("Chair", "Present", "chair"),
        ("Chairman", "Present", "chair"),
        ("Vice-Chair", "Present", "deputy-chair"),
        ("Deputy Chair", "Present", "deputy-chair"),
        ("Committee Member", "Present as substitute", "substitute"),
        ("Co-opted Member", "Present", "co-optee"),
        ("Committee Member", "Present", "member"),
    ],
)
def test_the_seat_a_new_person_is_given(role: str, attendance: str, expected: str) -> None:
    assert seat(Attendee("A Member", role, attendance)) == expected


def test_names_are_the_same_without_titles_dots_or_look_alike_letters() -> None:
    assert name_key("Cllr J. Smith") == name_key("J Smith") == name_key("Councillor J.\u200b Smіth")
    assert name_key("J. Smith") != name_key("Jane Smith")  # an initial is not a name: never merged on a guess


def test_a_person_already_in_the_facts_is_found_and_a_new_one_added_once() -> None:
    people = People.of([("jsmith", "Cllr Jane Smith")])
    assert people.find(Attendee("Councillor Jane Smith", "Chair", "Present"), "board", "u") == "jsmith"
    assert people.find(Attendee("Tom Green", "Committee Member", "Present"), "board", "u") == "tom-green"
    assert people.find(Attendee("Tom Green", "Committee Member", "Present"), "board", "u") == "tom-green"
    assert [p["id"] for p in people.added] == ["tom-green"]
    assert people.added[0]["roles"] == [{"body": "board", "role": "member"}]


def test_a_name_two_people_share_is_not_guessed() -> None:
    people = People.of([("jsmith", "Jane Smith"), ("jsmith2", "Cllr Jane Smith")])
    assert people.find(Attendee("Jane Smith", "Committee Member", "Present"), "board", "u") is None
    assert people.added == []


def test_a_new_persons_id_never_takes_one_in_use() -> None:
    people = People.of([("jane-smith", "Dr Janet Smithers")])
    assert people.find(Attendee("Jane Smith", "Committee Member", "Present"), "board", "u") == "jane-smith-2"


def item(minutes: str, number: str = "2", title: str = "Declarations of interest") -> AgendaItem:
    return AgendaItem(number, title, False, "", minutes, ())


ATTENDEES = ["Councillor Peter Brown", "Amira Khan", "Councillor Jane Smith"]


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        ("There were no declarations of interest.", []),
        ("No interests were declared.", []),
        ("None.", []),
        ("There were no disclosures by Members.", []),
        (
            "Councillor Brown declared a pecuniary interest in item 6 and left the room.",
            [("Councillor Peter Brown", "6", True)],
        ),
        (
            "Amira Khan declared a personal interest in agenda item 5 as a trustee of the Trust.",
            [("Amira Khan", "5", None)],
        ),
        (
            "Cllr Smith disclosed an interest in minute 12. Councillor Brown declared an interest in item 7.",
            [("Councillor Jane Smith", "12", None), ("Councillor Peter Brown", "7", None)],
        ),
        ("RESOLVED: that the minutes be approved.", None),  # says neither: not known
        ("", None),  # minutes not published
    ],
)
def test_declarations_are_read_from_the_minutes(minutes: str, expected: list[tuple[str, str, bool]] | None) -> None:
    read = read_declarations(item(minutes), ATTENDEES)
    found = None if read.declarations is None else [(d.person, d.item, d.has_withdrawn) for d in read.declarations]
    assert found == expected
    assert read.unread == ()


def test_a_declaration_naming_no_one_present_is_told_back_not_guessed() -> None:
    read = read_declarations(item("Councillor Evans declared an interest in item 4."), ATTENDEES)
    assert read.declarations is None
    assert read.unread == ("Councillor Evans declared an interest in item 4.",)


def record(**changes: object) -> MeetingRecord:
    values: dict[str, object] = {
        "id": "1",
        "committee_id": "412",
        "committee_title": "Board",
        "held_on": dt.date(2019, 6, 20),
        "status": "Confirmed",
        "attendees": (Attendee("Jane Smith", "Chair", "Present"),),
        "items": (),
        "documents": (),
        "source": "GetMeeting",
    }
    values.update(changes)
    return MeetingRecord(**values)  # type: ignore[arg-type]


def as_facts(*records: MeetingRecord) -> list[dict[str, object]]:
    return meetings_as_facts(
        list(records), body="board", as_of=dt.date(2020, 3, 31), people=People(), meeting_page=lambda c, m: f"p{m}"
    ).meetings


def test_an_exempt_item_names_its_schedule_12a_paragraph() -> None:
    exempt = AgendaItem("9", "Land", True, "Paragraphs 3 and 5 of Part 1 of Schedule 12A", "", ())
    (meeting,) = as_facts(record(items=(exempt,)))
    assert meeting["confidential_items"] == [
        {
            "item": "9",
            "title": "Land",
            "reason": "Schedule 12A paragraph 3 (information relating to the financial or business affairs of any "
            "particular person); paragraph 5 (information subject to legal professional privilege)",
            "evidence": {"url": "p1", "note": "exempt item, as ModernGov records it"},
        }
    ]
    assert meeting["has_declarations_item"] is False  # the agenda is there, and has no such item


def test_what_the_service_cannot_tell_is_left_out() -> None:
    (meeting,) = as_facts(record(attendees=None))
    assert set(meeting) == {"id", "body", "held_on", "evidence"}


def test_a_cancelled_meeting_is_left_out_and_a_later_one_scheduled() -> None:
    imported = meetings_as_facts(
        [record(status="Cancelled"), record(id="2", held_on=dt.date(2020, 6, 18))],
        body="board",
        as_of=dt.date(2020, 3, 31),
        people=People(),
        meeting_page=lambda c, m: f"p{m}",
    )
    assert [(m["id"], m.get("is_scheduled")) for m in imported.meetings] == [("board-2020-06-18", True)]
    assert "attendance" not in imported.meetings[0]
    assert imported.notes == ["left out the meeting of 2019-06-20 (p1): Cancelled"]


def test_two_meetings_on_one_day_have_ids_of_their_own() -> None:
    ids = [m["id"] for m in as_facts(record(id="1"), record(id="2"))]
    assert ids == ["board-2019-06-20", "board-2019-06-20-2"]


def minutes_item(title: str, minutes: str) -> AgendaItem:
    return AgendaItem("3", title, False, "", minutes, ())


APPROVED = "RESOLVED: That the minutes be approved as a correct record and signed by the Chair."


@pytest.mark.parametrize(
    ("title", "minutes", "approved_on"),
    [
        ("Minutes of the meeting held on 20 June 2019", APPROVED, dt.date(2019, 9, 19)),
        ("Minutes - 20/06/2019", APPROVED, dt.date(2019, 9, 19)),
        ("Minutes of the previous meeting", "The minutes were agreed as a true record.", dt.date(2019, 9, 19)),
        ("Minutes of the meeting held on 21 March 2019", APPROVED, None),  # a meeting not read
        ("Minutes of the meeting held on 20 June 2019", "The minutes were deferred.", None),
        ("Minutes of the meeting held on 20 June 2019", "", None),  # minutes not yet published
    ],
)
def test_minutes_are_approved_on_the_day_the_next_meeting_approves_them(
    title: str, minutes: str, approved_on: dt.date | None
) -> None:
    june = record(id="1", held_on=dt.date(2019, 6, 20))
    september = record(id="2", held_on=dt.date(2019, 9, 19), items=(minutes_item(title, minutes),))
    first, _ = as_facts(june, september)
    assert first.get("minutes_approved_on") == approved_on
    assert list(first)[-1] == "evidence"


def test_attendance_not_all_read_is_left_out_rather_than_undercounting_a_quorum() -> None:
    attendees = (
        Attendee("Jane Smith", "Chair", "Present"),
        Attendee("Tom Green", "Committee Member", "Expected"),  # not yet recorded
        Attendee("Sarah Jones", "Officer", "In attendance"),
    )
    imported = meetings_as_facts(
        [record(attendees=attendees)],
        body="board",
        as_of=dt.date(2020, 3, 31),
        people=People(),
        meeting_page=lambda c, m: f"p{m}",
    )
    (meeting,) = imported.meetings
    assert "attendance" not in meeting
    assert "apologies" not in meeting
    assert meeting["in_attendance"] == ["Sarah Jones"]
    assert imported.notes == [
        "2019-06-20 (p1): attendance left out, as not all of it could be read: Tom Green ('Expected' recorded)"
    ]


def test_a_member_whose_name_fits_two_people_leaves_the_attendance_unknown() -> None:
    people = People.of([("js1", "Jane Smith"), ("js2", "Cllr Jane Smith")])
    imported = meetings_as_facts(
        [record()], body="board", as_of=dt.date(2020, 3, 31), people=people, meeting_page=lambda c, m: "p"
    )
    assert "attendance" not in imported.meetings[0]
    assert "the name fits more than one person in the facts" in imported.notes[0]


def test_declarations_not_yet_minuted_are_not_known_and_said_so() -> None:
    imported = meetings_as_facts(
        [record(items=(item(""),))],
        body="board",
        as_of=dt.date(2020, 3, 31),
        people=People(),
        meeting_page=lambda c, m: "p",
    )
    assert "declarations" not in imported.meetings[0]
    assert imported.notes == ["2019-06-20 (p): declarations not known, as its minutes are not published"]
