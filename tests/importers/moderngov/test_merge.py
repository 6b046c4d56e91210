"""Adding imported facts to a file typed by hand: comments and typed facts kept, differences reported."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts
from govcheck.importers.moderngov.merge import merge_into

TYPED = textwrap.dedent(
    """\
    format_version: 2
    as_of: 2020-03-31
    organisation: {id: north-lep, name: North LEP}  # the LEP
    bodies:
      - {id: board, name: North LEP Board, kind: board}
    people:
      # the chair, as the board's page lists her
      - id: jsmith
        name: Jane Smith
        roles: [{body: board, role: chair}]
    meetings:
      - id: board-2019-06-20
        body: board
        held_on: 2019-06-20
        attendance: [jsmith]  # from the printed minutes
      - {id: board-2019-09-19, body: board, held_on: 2019-09-19}
    """
)


def meeting(held_on: dt.date, **facts: Any) -> dict[str, Any]:
    return {"id": f"board-{held_on.isoformat()}", "body": "board", "held_on": held_on, **facts}


GREEN = {"id": "tom-green", "name": "Tom Green", "roles": [{"body": "board", "role": "member"}]}


def test_typed_facts_are_kept_and_a_difference_is_reported() -> None:
    merged = merge_into(
        TYPED,
        "lep.yaml",
        meetings=[meeting(dt.date(2019, 6, 20), attendance=["jsmith", "tom-green"], has_declarations_item=True)],
        people=[GREEN],
        body=None,
    )
    assert merged.kept == ["kept meetings[0].attendance as typed: [jsmith]; ModernGov says [jsmith, tom-green]"]
    assert "attendance: [jsmith]  # from the printed minutes\n    has_declarations_item: true\n" in merged.text
    facts = parse_facts(merged.text, "lep.yaml").facts
    assert facts.meetings[0].attendance == ["jsmith"]
    assert [p.id for p in facts.people] == ["jsmith", "tom-green"]


def test_every_comment_and_line_typed_is_still_there() -> None:
    merged = merge_into(
        TYPED,
        "lep.yaml",
        meetings=[meeting(dt.date(2020, 3, 19), attendance=["jsmith"])],
        people=[],
        body={"id": "panel", "name": "Investment Panel", "kind": "panel"},
    )
    lines = merged.text.splitlines()
    for line in TYPED.splitlines():
        assert line in lines
    facts = parse_facts(merged.text, "lep.yaml").facts
    assert [b.id for b in facts.bodies] == ["board", "panel"]
    assert [m.id for m in facts.meetings][-1] == "board-2020-03-19"
    assert merged.added == ["bodies: added panel", "meetings: added board-2020-03-19"]


def test_a_meeting_written_on_one_line_gains_the_facts_it_leaves_out() -> None:
    merged = merge_into(
        TYPED,
        "lep.yaml",
        meetings=[meeting(dt.date(2019, 9, 19), apologies=["jsmith"], evidence={"url": "https://x/ie?MId=2"})],
        people=[],
        body=None,
    )
    assert (
        "- {id: board-2019-09-19, body: board, held_on: 2019-09-19, apologies: [jsmith], "
        "evidence: {url: 'https://x/ie?MId=2'}}" in merged.text
    )
    assert merged.kept == []


def test_a_typed_date_is_kept_when_the_service_dates_the_meeting_otherwise() -> None:
    moved = {**meeting(dt.date(2019, 6, 21)), "id": "board-2019-06-20"}
    merged = merge_into(TYPED, "lep.yaml", meetings=[moved], people=[], body=None)
    assert merged.kept == ["kept meetings[0].held_on as typed: 2019-06-20; ModernGov says 2019-06-21"]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("meetings: []\n", "meetings:\n  - id: board-2019-06-20\n"),
        ("", "meetings:\n  - id: board-2019-06-20\n"),
        ("meetings:\n", "meetings:\n  - id: board-2019-06-20\n"),
        ("meetings: []  # none held yet\n", "meetings:  # none held yet\n  - id: board-2019-06-20\n"),
    ],
    ids=["empty-list", "left-out", "empty-section", "commented"],
)
def test_meetings_are_added_however_the_list_is_written(section: str, expected: str) -> None:
    text = "format_version: 2\nas_of: 2020-03-31\norganisation: {id: n, name: N}\n"
    text += "bodies: [{id: board, name: Board, kind: board}]\n" + section
    merged = merge_into(text, "lep.yaml", meetings=[meeting(dt.date(2019, 6, 20))], people=[], body=None)
    assert expected in merged.text
    assert len(parse_facts(merged.text, "lep.yaml").facts.meetings) == 1


def test_facts_that_would_not_load_together_are_refused_whole() -> None:
    # A meeting of a body the file does not have: nothing is written.
    stray = {"id": "panel-2019-06-20", "body": "panel", "held_on": dt.date(2019, 6, 20)}
    with pytest.raises(InputError) as caught:
        merge_into(TYPED, "lep.yaml", meetings=[stray], people=[], body=None)
    assert "the meetings from ModernGov do not fit this file" in str(caught.value)
    assert "unknown body 'panel'" in str(caught.value)


def test_a_date_typed_in_quotes_and_declarations_typed_in_brief_are_no_difference() -> None:
    typed = TYPED.replace("held_on: 2019-06-20", 'held_on: "2019-06-20"').replace(
        "attendance: [jsmith]  # from the printed minutes",
        "attendance: [jsmith]\n    declarations: [{person: jsmith, item: '6'}]",
    )
    said = meeting(
        dt.date(2019, 6, 20),
        attendance=["jsmith"],
        declarations=[{"person": "jsmith", "item": "6", "interest": "a director", "is_minuted": True}],
    )
    merged = merge_into(typed, "lep.yaml", meetings=[said], people=[], body=None)
    assert merged.kept == []
    assert merged.added == []
