"""Table-driven tests of the check kinds kept_current and recent, on small facts."""

from __future__ import annotations

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import run


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


def test_recent() -> None:
    params = {"path": "assurance_framework.adopted_on", "within": {"months": 12}}
    assert (
        run("recent", params, "as_of: 2020-03-31\nassurance_framework: {adopted_on: 2019-05-01}").status is Status.MET
    )
    late = run("recent", params, "as_of: 2020-03-31\nassurance_framework: {adopted_on: 2018-05-01}")
    assert late.status is Status.NOT_MET
    assert "1 May 2019" in late.reason
