"""Table-driven tests of the check kinds covers, on small facts."""

from __future__ import annotations

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import run


@pytest.mark.parametrize(
    ("coverage", "status"),
    [
        ("{quorum: '4.2', induction: '3.6'}", Status.MET),
        # Format 2: a subject the map leaves out is not known, unless `others` says how the rest stand.
        ("{quorum: '4.2'}", Status.MISSING_EVIDENCE),
        ("{quorum: '4.2', others: not covered}", Status.PARTIAL),
        ("{decision-making: '4', others: not covered}", Status.NOT_MET),
        ("{quorum: not covered, induction: not covered}", Status.NOT_MET),
        ("{quorum: '4.2', induction: not known}", Status.MISSING_EVIDENCE),
        ("{quorum: not covered, induction: not known}", Status.NOT_MET),
        ("{quorum: '4.2', induction: {partly: no mentoring, section: '3.6'}}", Status.PARTIAL),
        ("{quorum: {partly: no figure for panels, section: '4.2'}, induction: '3.6'}", Status.PARTIAL),
    ],
)
def test_covers(coverage: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\nassurance_framework: {{coverage: {coverage}}}"
    assert run("covers", {"subjects": ["quorum", "induction"]}, facts).status is status


@pytest.mark.parametrize(
    ("coverage", "status"),
    [("{quorum: '4.2'}", Status.PARTIAL), ("{decision-making: '4'}", Status.NOT_MET)],
)
def test_a_format_1_map_lists_what_is_covered_so_the_rest_is_not(coverage: str, status: Status) -> None:
    facts = f"format_version: 1\nas_of: 2020-03-31\nassurance_framework: {{coverage: {coverage}}}"
    assert run("covers", {"subjects": ["quorum", "induction"]}, facts).status is status


def test_a_partly_covered_subject_says_what_is_missing() -> None:
    facts = (
        "as_of: 2020-03-31\nassurance_framework: {coverage: {quorum: {partly: no figure for panels, section: '4.2'}}}"
    )
    outcome = run("covers", {"subjects": ["quorum"]}, facts)
    assert outcome.status is Status.PARTIAL
    assert outcome.items[0].reason == "partly (section 4.2): missing no figure for panels"
