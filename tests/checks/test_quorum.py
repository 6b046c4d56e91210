"""Table-driven tests of the check kinds quorate, on small facts."""

from __future__ import annotations

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import BOARD, run


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
