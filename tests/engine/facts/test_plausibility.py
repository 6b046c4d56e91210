"""Facts that cannot be true are refused with their place, never assessed (README: Facts that cannot be true)."""

from __future__ import annotations

import pytest

from govcheck.engine.core.errors import InputError
from tests.support.facts import facts_from

BOARD = """\
as_of: 2026-03-31
bodies: [{id: board, name: Board, kind: board, quorum: {minimum_present: 2}}]
people:
  - {id: a, name: A, roles: [{body: board, appointed_on: 2024-01-01}]}
  - {id: b, name: B, roles: [{body: board, appointed_on: 2024-01-01}]}
"""


def refused(extra: str) -> str:
    with pytest.raises(InputError) as caught:
        facts_from(BOARD + extra)
    (problem,) = caught.value.problems
    assert problem.line is not None
    return str(problem)


@pytest.mark.parametrize(
    ("meeting", "message"),
    [
        (
            "{id: m, body: board, held_on: 2026-01-22, draft_minutes_published_on: 2025-12-03}",
            "meetings[0].draft_minutes_published_on: 3 Dec 2025 is before the meeting it records (22 Jan 2026)",
        ),
        (
            "{id: m, body: board, held_on: 2026-01-22, minutes_approved_on: 2026-03-01, "
            "final_minutes_published_on: 2026-02-20}",
            "meetings[0].final_minutes_published_on: 20 Feb 2026 is before the approval of the minutes (1 Mar 2026)",
        ),
        (
            "{id: m, body: board, held_on: 2026-01-22, draft_minutes_published_on: {before: 2026-01-20}}",
            "no later than 19 Jan 2026 is before the meeting it records",
        ),
        (
            "{id: m, body: board, held_on: 2026-11-22}",
            "meetings[0].held_on: 22 Nov 2026 is after the file's as_of (31 Mar 2026)",
        ),
        ("{id: m, body: board, held_on: 2026-01-22, attendance: [a, a, b]}", "'a' is listed twice in attendance"),
        (
            "{id: m, body: board, held_on: 2026-01-22, attendance: [a, b], apologies: [b]}",
            "'b' is both present and among the apologies",
        ),
    ],
)
def test_an_impossible_meeting_is_refused_at_its_line(meeting: str, message: str) -> None:
    assert message in refused(f"meetings:\n  - {meeting}\n")


def test_a_scheduled_meeting_after_as_of_is_accepted() -> None:
    facts = facts_from(BOARD + "meetings:\n  - {id: m, body: board, held_on: 2026-11-22, is_scheduled: true}\n")
    assert facts.facts.meetings[0].is_scheduled


def test_a_term_that_ends_before_it_starts_is_refused() -> None:
    text = BOARD.replace(
        "appointed_on: 2024-01-01}]}\n  - {id: b",
        "appointed_on: 2024-01-01, term_ends_on: 2020-01-01}]}\n  - {id: b",
        1,
    )
    with pytest.raises(InputError, match=r"roles\[0\].term_ends_on: the term ends \(1 Jan 2020\) before it starts"):
        facts_from(text)


def test_an_applicant_told_before_the_decision_is_refused() -> None:
    project = "projects:\n  - {id: p, name: P, decided_on: 2025-06-01, applicant_notified_on: 2025-05-20}\n"
    assert "applicant_notified_on: 20 May 2025 is before the decision it tells of (1 Jun 2025)" in refused(project)


def test_an_empty_quorum_is_refused() -> None:
    with pytest.raises(InputError, match="a quorum sets minimum_present or minimum_share"):
        facts_from("as_of: 2026-03-31\nbodies: [{id: board, name: Board, kind: board, quorum: {}}]\n")


def test_counts_that_contradict_a_complete_list_are_refused() -> None:
    text = BOARD.replace("quorum: {minimum_present: 2}}", "composition: {members: 28, women: 4}}")
    with pytest.raises(InputError, match=r"bodies\[0\].composition.members: 28, but the members listed give 2"):
        facts_from(text)
    partly = text.replace("kind: board,", "kind: board, is_membership_complete: false,")
    assert facts_from(partly).facts.bodies[0].composition is not None  # counts and a partial list agree


def test_a_seat_said_to_be_vacant_that_someone_holds_is_refused() -> None:
    text = BOARD.replace("quorum: {minimum_present: 2}}", "vacant_roles: [member]}")
    with pytest.raises(InputError, match=r"bodies\[0\].vacant_roles: the member seat is said to be vacant, but A, B"):
        facts_from(text)
