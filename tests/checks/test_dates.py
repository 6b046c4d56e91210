"""Table-driven tests of the check kinds deadline, on small facts."""

from __future__ import annotations

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import MEETING, run


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
