"""Table-driven tests of the check kinds covers, on small facts."""

from __future__ import annotations

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import run


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
