"""Dates as the evidence gives them (facts format 2): a deadline is decided only when every day allowed agrees."""

from __future__ import annotations

import pytest

from govcheck.checks import REGISTRY
from govcheck.checks.base import CheckContext
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.outcome import Outcome
from govcheck.engine.core.status import Status
from govcheck.engine.facts.views import VIEWS
from tests.support.checks import CALENDAR, MEETING, run
from tests.support.facts import facts_from

REGISTER = """
as_of: 2020-03-31
bodies: [{{id: board, name: Board, kind: board}}]
people:
  - id: a
    name: A
    roles: [{{body: board, appointed_on: 2019-03-01}}]
    register_of_interests: {{published_on: {published}}}
"""
WITHIN_28_DAYS = {
    "from": "role.appointed_on",
    "to": "person.register_of_interests.published_on",
    "within": {"days": 28},
}


def register(published: str) -> Outcome:
    """The deadline check on one board member's register, appointed 1 March 2019 (due by 29 March)."""
    facts = facts_from(REGISTER.format(published=published)).facts
    (item,) = VIEWS["board_members"].items(facts, facts.as_of)
    kind = REGISTRY["deadline"]
    ctx = CheckContext(facts.as_of, CALENDAR, facts).within(item.path, item.label, item.roots)
    return kind.function(item.value, kind.params.model_validate(WITHIN_28_DAYS), ctx)


@pytest.mark.parametrize(
    ("published", "status", "said"),
    [
        ("2019-03-20", Status.MET, "within 28 days"),
        ("{before: 2019-03-20}", Status.MET, "before 20 Mar 2019"),  # every day allowed is in time
        ("{between: [2019-03-10, 2019-03-29]}", Status.MET, "between 10 Mar 2019 and 29 Mar 2019"),
        ("2019-04", Status.NOT_MET, "in Apr 2019"),  # every day of April is too late
        ("{after: 2019-03-29}", Status.NOT_MET, "after 29 Mar 2019"),
        ("2019-03", Status.MISSING_EVIDENCE, "before 30 Mar 2019"),  # early March in time, late March not
        ("late", Status.NOT_MET, "late (the day is not known)"),
        ("found", Status.MISSING_EVIDENCE, "on a day not known"),
        ("not found", Status.NOT_MET, "not found; it was due by 29 Mar 2019"),
        ("not known", Status.MISSING_EVIDENCE, "no date recorded"),
    ],
)
def test_a_deadline_after_an_event(published: str, status: Status, said: str) -> None:
    outcome = register(published)
    assert outcome.status is status, outcome.reason
    assert said in outcome.reason


PAPERS = {"from": "papers_published_on", "to": "held_on", "at_least": {"clear_working_days": 5}}


@pytest.mark.parametrize(
    ("papers", "status"),
    [
        ("{before: 2019-06-13}", Status.MET),  # 12 June at the latest: exactly 5 clear working days
        ("{after: 2019-06-12}", Status.NOT_MET),  # 13 June at the earliest: 4 at most
        ("2019-06", Status.MISSING_EVIDENCE),
        ("late", Status.NOT_MET),
        ("not found", Status.NOT_MET),
        ("found", Status.MISSING_EVIDENCE),
    ],
)
def test_a_deadline_before_a_meeting(papers: str, status: Status) -> None:
    facts = MEETING.format(held="2019-06-20", papers=papers)
    outcome = run("deadline", PAPERS, facts, value=lambda f: f.meetings[0])
    assert outcome.status is status, outcome.reason


@pytest.mark.parametrize(
    ("reviewed", "status"),
    [
        ("2019-06", Status.MET),  # June 2019 is within twelve months of 31 March 2020, whichever day
        ("2018-12", Status.NOT_MET),
        ("2019-03", Status.MISSING_EVIDENCE),  # 30 or 31 March would do; 1 March would not
        ("not found", Status.NOT_MET),
    ],
)
def test_a_document_kept_current(reviewed: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\npolicies: {{whistleblowing: {{url: u, reviewed_on: {reviewed}}}}}"
    params = {"path": "policies.whistleblowing", "review_within": {"months": 12}}
    assert run("kept_current", params, facts).status is status


@pytest.mark.parametrize(
    ("document", "status"),
    [
        ("not found", Status.NOT_MET),
        ("not known", Status.MISSING_EVIDENCE),
        ("{published_on: not found}", Status.NOT_MET),
        ("{published_on: found}", Status.MET),
        ("{published_on: 2019-11}", Status.MET),
        ("{published_on: 2020-05}", Status.NOT_MET),  # after the assessment date
    ],
)
def test_a_document_published(document: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\npolicies: {{complaints: {document}}}"
    assert run("published", {"path": "policies.complaints"}, facts).status is status


def test_a_format_1_file_may_not_use_format_2_words() -> None:
    with pytest.raises(
        InputError,
        match=r"'late' needs facts format 2 \(write format_version: 2, or upgrade the file with govcheck migrate\)",
    ):
        facts_from("format_version: 1\nas_of: 2020-03-31\npolicies: {complaints: {published_on: late}}")


@pytest.mark.parametrize("kind", ["published", "kept_current"])
def test_a_document_in_place_only_in_part_is_not_met(kind: str) -> None:
    facts = (
        "as_of: 2020-03-31\npolicies: {conflicts_of_interest: {url: u, reviewed_on: 2019-06-01, partly: no register}}"
    )
    params = {"path": "policies.conflicts_of_interest"} | (
        {"review_within": {"months": 12}} if kind == "kept_current" else {}
    )
    outcome = run(kind, params, facts)
    assert outcome.status is Status.NOT_MET
    assert outcome.reason.endswith("is in place only in part: no register")
