"""The CSV gap report: one row per LEP and rule, for spreadsheets and pivot tables.

Every cell goes through ``escaping.csv_cell``, so a value from a facts file that starts
like a formula (``=HYPERLINK(...)``) is shown as text, never run.
"""

from __future__ import annotations

from collections.abc import Sequence

from govcheck.engine.core.results import Assessment, Finding
from govcheck.reports import needed_facts
from govcheck.reports.common import location
from govcheck.reports.escaping import csv_table
from govcheck.reports.registry import RenderOptions, renderer

COLUMNS = (
    "organisation_id",
    "organisation",
    "facts_file",
    "facts_sha256",
    "as_of",
    "pack",
    "topic",
    "rule_id",
    "title",
    "severity",
    "obligation",
    "basis",
    "requirements",
    "status",
    "is_gap",
    "reason",
    "passed",
    "total",
    "failing_items",
    "facts_location",
    "evidence",
    "citation",
    "citation_url",
    "remediation",
    "facts_needed",
)


def _row(assessment: Assessment, finding: Finding) -> list[object]:
    failing = [
        f"{item.label}: {item.reason}" + (f" (line {line})" if line else "") for item, line in finding.failing_items
    ]
    return [
        assessment.organisation_id,
        assessment.organisation_name,
        assessment.facts_file,
        assessment.facts_sha256,
        assessment.as_of.isoformat(),
        assessment.pack.id,
        finding.topic_title,
        finding.rule_id,
        finding.title,
        finding.severity,
        finding.obligation,
        finding.basis,
        " ".join(finding.requirements),
        finding.status.value,
        "yes" if finding.is_gap else "no",
        finding.reason,
        finding.passed,
        finding.total,
        "\n".join(failing),
        location(assessment, finding.line),
        "\n".join(dict.fromkeys(e.cited for e in finding.evidence if e.cited)),
        finding.citation,
        finding.citation_url,
        finding.remediation,
        needed_facts.csv_cell(finding),
    ]


@renderer("csv", ".csv")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """CSV, one row per LEP and rule, with its status, why, failing items and evidence."""
    return csv_table(COLUMNS, (_row(a, finding) for a in assessments for finding in a.findings))
