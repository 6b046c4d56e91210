"""Table-driven tests of each check kind against small facts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from govcheck.checks import REGISTRY
from govcheck.checks.base import CheckContext
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.status import Status
from tests.conftest import facts_from

CALENDAR = WorkingCalendar()


def run(kind: str, params: dict[str, Any], facts_yaml: str, value: Any = None, as_of: str | None = None):  # type: ignore[no-untyped-def]
    facts = facts_from(facts_yaml).facts
    check = REGISTRY[kind]
    ctx = CheckContext(dt.date.fromisoformat(as_of) if as_of else facts.as_of, CALENDAR, facts)
    return check.function(facts if value is None else value(facts), check.params.model_validate(params), ctx)


BOARD = """
as_of: 2020-03-31
bodies: [{id: board, name: Board, kind: board, quorum: {minimum_present: 2, minimum_share: 0.5}}]
people:
  - {id: a, name: A, sector: private, gender: woman, roles: [{body: board, role: chair, appointed_on: 2018-01-01}]}
  - {id: b, name: B, sector: private, roles: [{body: board, appointed_on: 2018-01-01}]}
  - {id: c, name: C, sector: public, gender: man, roles: [{body: board, appointed_on: 2018-01-01}]}
  - {id: d, name: D, roles: [{body: board, appointed_on: 2018-01-01, left_on: 2019-01-01}]}
"""


@pytest.mark.parametrize(
    ("kind", "params", "facts", "status"),
    [
        ("present", {"path": "as_of"}, "as_of: 2020-03-31", Status.MET),
        ("present", {"path": "assurance_framework.url"}, "as_of: 2020-03-31", Status.MISSING_EVIDENCE),
        (
            "is_true",
            {"path": "policies.whistleblowing.is_in_place"},
            "as_of: 2020-03-31\npolicies: {whistleblowing: {is_in_place: false}}",
            Status.NOT_MET,
        ),
        (
            "is_true",
            {"path": "policies.whistleblowing.is_in_place"},
            "as_of: 2020-03-31\npolicies: {whistleblowing: {is_in_place: true}}",
            Status.MET,
        ),
        ("is_true", {"path": "policies.whistleblowing.is_in_place"}, "as_of: 2020-03-31", Status.MISSING_EVIDENCE),
        (
            "is_one_of",
            {"path": "organisation.legal_form", "values": ["company limited by guarantee"]},
            "as_of: 2020-03-31\norganisation: {id: x, name: X, legal_form: company limited by guarantee}",
            Status.MET,
        ),
        (
            "is_one_of",
            {"path": "organisation.legal_form", "values": ["company limited by guarantee"]},
            "as_of: 2020-03-31\norganisation: {id: x, name: X, legal_form: unincorporated}",
            Status.NOT_MET,
        ),
    ],
)
def test_single_fact_kinds(kind: str, params: dict[str, Any], facts: str, status: Status) -> None:
    assert run(kind, params, facts).status is status


@pytest.mark.parametrize(
    ("params", "status", "reason"),
    [
        # D left the board in 2019, so three members count: A and B private.
        ({"of": "board_members", "where": {"person.sector": "private"}, "at_least": "2/3"}, Status.MET, "2 of 3"),
        ({"of": "board_members", "where": {"person.sector": "private"}, "at_least": "3/4"}, Status.NOT_MET, "2 of 3"),
        # B's gender is unknown: 1 or 2 women of 3 could each pass or fail a one-half bound.
        (
            {"of": "board_members", "where": {"person.gender": "woman"}, "at_least": "1/2"},
            Status.MISSING_EVIDENCE,
            "1 unknown",
        ),
        ({"of": "board_members", "where": {"person.gender": "woman"}, "at_least": "1/3"}, Status.MET, "1 of 3"),
    ],
)
def test_share(params: dict[str, Any], status: Status, reason: str) -> None:
    outcome = run("share", params, BOARD)
    assert outcome.status is status
    assert reason in outcome.reason


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"of": "board_members", "at_most": 3}, Status.MET),
        ({"of": "board_members", "at_most": 2}, Status.NOT_MET),
        ({"of": "board_members", "where": {"role.role": "chair"}, "at_least": 1, "at_most": 1}, Status.MET),
        ({"of": "board_members", "where": {"role.role": "deputy-chair"}, "at_least": 1}, Status.NOT_MET),
    ],
)
def test_count(params: dict[str, Any], status: Status) -> None:
    assert run("count", params, BOARD).status is status


@pytest.mark.parametrize(
    ("attendance", "status", "reason"),
    [
        ("[a, b]", Status.MET, "quorate"),
        ("[a]", Status.NOT_MET, "1 voting members present; quorum is 2"),
        ("[a, d]", Status.NOT_MET, "1 voting members present"),  # D had left: not a voting member
    ],
)
def test_quorate(attendance: str, status: Status, reason: str) -> None:
    facts = BOARD + f"meetings: [{{id: m, body: board, held_on: 2019-06-20, attendance: {attendance}}}]\n"
    outcome = run("quorate", {}, facts, value=lambda f: f.meetings[0])
    assert outcome.status is status
    assert reason in outcome.reason


MEETING = """
as_of: 2019-12-31
bodies: [{{id: b, name: B, kind: board}}]
meetings: [{{id: m, body: b, held_on: {held}, papers_published_on: {papers}}}]
"""


@pytest.mark.parametrize(
    ("published", "meeting", "status"),
    [
        ("2019-06-12", "2019-06-20", Status.MET),
        ("2019-06-13", "2019-06-20", Status.NOT_MET),
        ("2019-04-15", "2019-04-25", Status.MET),
        ("2019-04-16", "2019-04-25", Status.NOT_MET),
    ],
)
def test_deadline_at_least_clear_working_days(published: str, meeting: str, status: Status) -> None:
    facts = MEETING.format(held=meeting, papers=published)
    params = {"from": "papers_published_on", "to": "held_on", "at_least": {"clear_working_days": 5}}
    assert run("deadline", params, facts, value=lambda f: f.meetings[0]).status is status


def test_deadline_local_commitment_tightens_and_never_loosens() -> None:
    base = MEETING.format(held="2019-06-20", papers="2019-06-12")
    params = {
        "from": "papers_published_on",
        "to": "held_on",
        "at_least": {"clear_working_days": 5},
        "local": "papers_clear_working_days",
    }
    stricter = run(
        "deadline", params, base + "local_commitments: {papers_clear_working_days: 7}", value=lambda f: f.meetings[0]
    )
    assert stricter.status is Status.NOT_MET
    assert "the LEP's own commitment" in stricter.reason
    weaker = run(
        "deadline", params, base + "local_commitments: {papers_clear_working_days: 2}", value=lambda f: f.meetings[0]
    )
    assert weaker.status is Status.MET


def test_deadline_explains_each_day() -> None:
    facts = MEETING.format(held="2019-04-25", papers="2019-04-16")
    params = {"from": "papers_published_on", "to": "held_on", "at_least": {"clear_working_days": 5}}
    detail = "\n".join(run("deadline", params, facts, value=lambda f: f.meetings[0]).detail)
    assert "Fri 19 Apr 2019: skipped: bank holiday: Good Friday" in detail
    assert "Mon 22 Apr 2019: skipped: bank holiday: Easter Monday" in detail
    assert "Sat 20 Apr 2019: skipped: Saturday" in detail
    assert "Wed 24 Apr 2019: counted (4)" in detail


@pytest.mark.parametrize(
    ("document", "status"),
    [
        ("{url: u, reviewed_on: 2019-06-01}", Status.MET),
        ("{url: u, reviewed_on: 2019-03-30}", Status.NOT_MET),  # a year and a day before as_of
        ("{url: u, reviewed_on: 2019-03-31}", Status.MET),  # exactly twelve months: still current
        ("{reviewed_on: 2019-06-01}", Status.MISSING_EVIDENCE),  # not shown to be published
        ("{url: u}", Status.MISSING_EVIDENCE),
        ("{is_in_place: false}", Status.NOT_MET),
    ],
)
def test_kept_current(document: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\npolicies: {{complaints: {document}}}"
    params = {"path": "policies.complaints", "review_within": {"months": 12}}
    assert run("kept_current", params, facts).status is status


@pytest.mark.parametrize(
    ("coverage", "status"),
    [
        ("{quorum: '4.2', induction: '3.6'}", Status.MET),
        ("{quorum: '4.2'}", Status.PARTIAL),
        ("{decision-making: '4'}", Status.NOT_MET),
    ],
)
def test_covers(coverage: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\nassurance_framework: {{coverage: {coverage}}}"
    assert run("covers", {"subjects": ["quorum", "induction"]}, facts).status is status


def test_recent() -> None:
    params = {"path": "assurance_framework.adopted_on", "within": {"months": 12}}
    assert (
        run("recent", params, "as_of: 2020-03-31\nassurance_framework: {adopted_on: 2019-05-01}").status is Status.MET
    )
    late = run("recent", params, "as_of: 2020-03-31\nassurance_framework: {adopted_on: 2018-05-01}")
    assert late.status is Status.NOT_MET
    assert "1 May 2019" in late.reason


def test_every_kind_has_a_parameter_model_and_a_summary() -> None:
    for kind in REGISTRY.values():
        assert kind.params.model_config.get("extra") == "forbid", kind.name
        assert kind.params.model_config.get("frozen") is True, kind.name
        assert kind.summary, kind.name
