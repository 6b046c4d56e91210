"""Table-driven tests of the check kinds attested, on small facts."""

from __future__ import annotations

from typing import Any

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.status import Status
from tests.support.checks import ATTESTATION, GOOD, run
from tests.support.facts import facts_from


@pytest.mark.parametrize(
    ("attestation", "params", "status", "reason"),
    [
        (GOOD, {}, Status.MET, "judged met by J. Judge (Monitoring Officer) on 1 Oct 2019"),
        (GOOD.replace("is_met: true", "is_met: false, finding: no one from the east"), {}, Status.NOT_MET, "east"),
        (GOOD.replace("is_met: true, ", ""), {}, Status.MISSING_EVIDENCE, "no verdict"),
        (GOOD.replace(", evidence: {document: d}", ""), {}, Status.MISSING_EVIDENCE, "on what evidence"),
        (GOOD.replace("judged_by: J. Judge, ", ""), {}, Status.MISSING_EVIDENCE, "who judged"),
        # valid_until before the assessment date: expired, whatever the verdict.
        (GOOD.replace("is_met: true", "is_met: true, valid_until: 2020-03-30"), {}, Status.MISSING_EVIDENCE, "expired"),
        # valid until the assessment date itself: still good on that day.
        (GOOD.replace("is_met: true", "is_met: true, valid_until: 2020-03-31"), {}, Status.MET, "valid until"),
        # judged after the assessment date: it did not exist yet.
        (GOOD.replace("2019-10-01", "2020-04-01"), {}, Status.MISSING_EVIDENCE, "after the assessment date"),
        (GOOD, {"max_age": {"months": 5}}, Status.MISSING_EVIDENCE, "more than 5 months"),
        (GOOD, {"max_age": {"months": 6}}, Status.MET, "judged met"),  # 1 Oct + 6 months is 1 Apr
        (GOOD, {"max_age": {"months": 12}}, Status.MET, "judged met"),
    ],
)
def test_attested(attestation: str, params: dict[str, Any], status: Status, reason: str) -> None:
    facts = ATTESTATION.format(attestation=attestation)
    outcome = run("attested", {"subject": "board.reflects-the-area", **params}, facts)
    assert outcome.status is status
    assert reason in outcome.reason


def test_attested_absent_is_missing_evidence() -> None:
    outcome = run("attested", {"subject": "board.reflects-the-area"}, "as_of: 2020-03-31")
    assert outcome.status is Status.MISSING_EVIDENCE


def test_a_misspelt_attestation_subject_is_an_error_naming_the_one_meant() -> None:
    with pytest.raises(InputError) as error:
        facts_from(ATTESTATION.replace("board.reflects-the-area", "board.reflect-the-area").format(attestation=GOOD))
    assert "board.reflects-the-area" in str(error.value)
