"""Table-driven tests of the check kinds presence, is_true, is_one_of and published, on small facts."""

from __future__ import annotations

from typing import Any

import pytest

from govcheck.engine.core.status import Status
from tests.support.checks import run


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
    ("document", "status"),
    [
        ("{url: u}", Status.MET),
        ("{published_on: 2019-06-01}", Status.MET),
        ("{published_on: 2020-06-01}", Status.NOT_MET),  # after the assessment date
        ("{is_in_place: false, url: u}", Status.NOT_MET),
        ("{adopted_on: 2019-06-01}", Status.MISSING_EVIDENCE),  # adopted, but not shown to be published
    ],
)
def test_published(document: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\ndocuments: {{decision_log: {document}}}"
    assert run("published", {"path": "documents.decision_log"}, facts).status is status
    assert run("published", {"path": "documents.engagement_strategy"}, facts).status is Status.MISSING_EVIDENCE
