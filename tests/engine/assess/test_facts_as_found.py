"""Rules judged on facts as auditors find them (format 2): counts, statements, quorum, scope, written procedure."""

from __future__ import annotations

import pytest

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.core.results import Finding
from govcheck.engine.core.status import Status
from govcheck.engine.packs.loading import RulePack
from tests.support.facts import facts_from


def finding(pack: RulePack, rule_id: str, facts: str) -> Finding:
    assessment = evaluate(pack, facts_from(facts), Context())
    return next(f for f in assessment.findings if f.rule_id == rule_id)


# "28 members, 4 of them women" and "10 of 14 from the private sector", names not given.
COUNTED = """\
as_of: 2020-06-30
bodies:
  - id: board
    name: Board
    kind: board
    is_membership_complete: false
    composition: {{members: {members}, women: {women}, private_sector: {private}, evidence: {{url: "https://example.org/b"}}}}
"""


@pytest.mark.parametrize(
    ("rule", "members", "women", "private", "status", "said"),
    [
        ("diversity.one-third-women-from-april-2020", 28, 4, 10, Status.NOT_MET, "4 of 28 board members (14%)"),
        ("diversity.one-third-women-from-april-2020", 12, 4, 8, Status.MET, "4 of 12 board members (33%)"),
        ("board.two-thirds-private-sector", 14, 4, 10, Status.MET, "10 of 14 board members (71%)"),
        ("board.two-thirds-private-sector", 14, 4, 9, Status.NOT_MET, "9 of 14 board members (64%)"),
        # Co-optees aside, with the co-optees not counted: 28 may or may not be more than 20; 14 cannot be.
        ("board.at-most-20-members", 28, 4, 10, Status.MISSING_EVIDENCE, "between 0 and 28 board members (co-optees"),
        ("board.at-most-20-members", 14, 4, 10, Status.MET, "between 0 and 14 board members (co-optees aside)"),
    ],
)
def test_counts_decide_when_the_members_are_not_listed(
    naf2019: RulePack, rule: str, members: int, women: int, private: int, status: Status, said: str
) -> None:
    found = finding(naf2019, rule, COUNTED.format(members=members, women=women, private=private))
    assert found.status is status, found.reason
    assert said in found.reason
    if status is not Status.MISSING_EVIDENCE:
        assert found.evidence[0].path == "bodies[0].composition"


def test_counted_co_optees_decide_the_size_of_the_board(naf2019: RulePack) -> None:
    facts = COUNTED.format(members=28, women=4, private=10).replace(
        "private_sector: 10", "private_sector: 10, co_optees: 2"
    )
    found = finding(naf2019, "board.at-most-20-members", facts)
    assert found.status is Status.NOT_MET, found.reason
    assert found.reason.startswith("26 board members (co-optees aside)")


REGISTERS_STATED = """\
as_of: 2019-06-30
bodies:
  - id: board
    name: Board
    kind: board
    every_member:
      register_of_interests: {{published_on: {published}}}
      evidence: {{url: "https://example.org/registers", note: "all board members' registers are published"}}
"""


@pytest.mark.parametrize(("published", "status"), [("found", Status.MET), ("not found", Status.NOT_MET)])
def test_a_statement_about_every_member(naf2019: RulePack, published: str, status: Status) -> None:
    found = finding(naf2019, "registers.board-members-published", REGISTERS_STATED.format(published=published))
    assert found.status is status, found.reason
    assert any("every member of Board (as the evidence states)" in item.label for item in found.items)


def test_every_listed_member_passing_is_not_every_member_when_the_list_is_partial(naf2019: RulePack) -> None:
    facts = """\
as_of: 2019-06-30
bodies: [{id: board, name: Board, kind: board, is_membership_complete: false}]
people:
  - id: a
    name: A
    roles: [{body: board, appointed_on: 2018-01-01}]
    register_of_interests: {published_on: 2018-01-10, url: "https://example.org/a"}
"""
    found = finding(naf2019, "registers.board-members-published", facts)
    assert found.status is Status.MISSING_EVIDENCE, found.reason
    assert "the facts list only some of the members of Board" in found.reason


def test_a_seat_past_its_term_is_not_taken_as_sitting(naf2019: RulePack) -> None:
    facts = """\
as_of: 2019-06-30
bodies: [{id: board, name: Board, kind: board}]
people:
  - {id: a, name: A. Gone, roles: [{body: board, appointed_on: 2012-01-01, term_ends_on: 2015-12-31}]}
  - id: b
    name: B
    roles: [{body: board, appointed_on: 2018-01-01}]
    register_of_interests: {published_on: 2018-01-10, url: "https://example.org/b"}
"""
    found = finding(naf2019, "registers.board-members-published", facts)
    assert found.status is Status.MISSING_EVIDENCE, found.reason
    assert "A. Gone's term on Board ended 31 Dec 2015, with no record of leaving or reappointment" in found.reason


def test_no_quorum_set_is_not_met(naf2019: RulePack) -> None:
    facts = "as_of: 2019-06-30\nbodies: [{id: board, name: Board, kind: board, quorum: not found}]\n"
    found = finding(naf2019, "quorum.set-for-every-decision-body", facts)
    assert found.status is Status.NOT_MET, found.reason


QUORUM = """\
as_of: 2022-06-30
bodies: [{{id: board, name: Board, kind: board, quorum: {{minimum_present: 6}}, allows_written_procedure: {allowed}}}]
meetings:
  - id: m
    body: board
    held_on: 2022-03-22
    is_quorate: false
    decisions: [{{item: "5", summary: Approve the budget, is_by_written_procedure: {written}}}]
"""


def test_business_by_written_procedure_is_not_a_decision_of_an_inquorate_meeting(naf2019: RulePack) -> None:
    rule = "quorum.decisions-taken-when-quorate"
    found = finding(naf2019, rule, QUORUM.format(written="true", allowed="true"))
    assert found.status is Status.NOT_APPLICABLE, found.reason
    assert "recorded as inquorate" in found.items[0].reason
    unknown = finding(naf2019, rule, QUORUM.format(written="true", allowed="null"))
    assert unknown.status is Status.MISSING_EVIDENCE, unknown.reason
    assert "not recorded whether board's rules allow that" in unknown.items[0].reason
    refused = finding(naf2019, rule, QUORUM.format(written="true", allowed="false"))
    assert refused.status is Status.NOT_MET, refused.reason
    at_the_meeting = finding(naf2019, rule, QUORUM.format(written="false", allowed="true"))
    assert at_the_meeting.status is Status.NOT_MET, at_the_meeting.reason


def test_a_board_that_decides_nothing_on_public_money_is_out_of_scope_of_decision_rules(naf2019: RulePack) -> None:
    facts = """\
as_of: 2019-06-30
bodies:
  - {id: board, name: Board, kind: board, decides_on_public_money: false}
  - {id: jc, name: Joint Committee, kind: joint-committee, decides_on_public_money: true}
meetings:
  - {id: m1, body: board, held_on: 2019-05-01}
  - {id: m2, body: jc, held_on: 2019-05-02, papers_published_on: 2019-04-20}
"""
    found = finding(naf2019, "transparency.papers-5-clear-working-days-before", facts)
    assert [item.label for item in found.items] == ["Joint Committee, 2 May 2019"]
    assert found.status is Status.MET, found.reason


def test_counts_that_do_not_say_how_many_chairs_decide_nothing_about_the_chair(naf2019: RulePack) -> None:
    # 20 members counted, the chair not named: between 0 and 20 chairs, and one is required.
    found = finding(naf2019, "board.chair-from-private-sector", COUNTED.format(members=20, women=5, private=14))
    assert found.status is Status.MISSING_EVIDENCE, found.reason


def test_meetings_left_out_are_not_recorded_but_an_empty_list_is_none_held(naf2019: RulePack) -> None:
    rule = "quorum.decisions-taken-when-quorate"  # over the meetings that took decisions; none: not applicable
    board = "as_of: 2019-06-30\nbodies: [{id: board, name: Board, kind: board}]\n"
    silent = finding(naf2019, rule, board)
    assert silent.status is Status.MISSING_EVIDENCE, silent.reason
    none_held = finding(naf2019, rule, board + "meetings: []\n")
    assert none_held.status is Status.NOT_APPLICABLE, none_held.reason


def test_a_vacant_seat_is_counted_as_empty_however_few_members_are_listed(naf2019: RulePack) -> None:
    facts = """\
as_of: 2022-06-30
bodies: [{id: board, name: Board, kind: board, is_membership_complete: false, vacant_roles: [chair]}]
people:
  - {id: a, name: A, sector: private, roles: [{body: board, role: deputy-chair, appointed_on: 2020-01-01}]}
"""
    found = finding(naf2019, "board.chair-from-private-sector", facts)
    assert found.status is Status.NOT_MET, found.reason
    assert "the seat is vacant on Board" in found.reason
