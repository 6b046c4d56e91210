"""The CSV gap report: one row per LEP and rule, for spreadsheets and pivot tables.

Every cell goes through ``escaping.csv_cell``, so a value from a facts file that starts
like a formula (``=HYPERLINK(...)``) is shown as text, never run.
"""

from __future__ import annotations

from collections.abc import Sequence

from govcheck.engine.core.results import Assessment, Finding
from govcheck.reports import needed_facts
from govcheck.reports.common import location, standing
from govcheck.reports.escaping import csv_table
from govcheck.reports.provenance import provenance
from govcheck.reports.registry import RenderOptions, renderer
from govcheck.reports.waiver_notes import waiver_notes, where

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
    "standing",
    # The waivers naming the rule for this LEP, one line each when several: applied, expired or unused.
    "waiver_state",
    "waiver_items",
    "waiver_justification",
    "waiver_requested_by",
    "waiver_approved_by",
    "waiver_granted_on",
    "waiver_expires_on",
    "waiver_warning",
    "waiver_file",
    # How the report was made: the same on every row, so a filtered or pivoted sheet keeps it.
    "govcheck_version",
    "edition",
    "pack_sha256",
    "waivers_sha256",
    "facts_needed",
)


def _waiver_cells(assessment: Assessment, finding: Finding) -> list[str]:
    notes = [n for n in waiver_notes(assessment) if n.waiver.rule_id == finding.rule_id]
    columns = [
        [n.state.state for n in notes],
        [n.covers or "" for n in notes],
        [n.waiver.justification for n in notes],
        [n.waiver.requested_by for n in notes],
        [n.waiver.approved_by for n in notes],
        [n.waiver.granted_on.isoformat() for n in notes],
        [n.waiver.expires_on.isoformat() for n in notes],
        [n.warning or "" for n in notes],
        [where(n.waiver) for n in notes],
    ]
    return ["\n".join(values) if any(values) else "" for values in columns]


def _provenance_cells(assessment: Assessment) -> list[str]:
    made = provenance(assessment)
    return [
        made.govcheck_version,
        made.edition,
        made.pack_sha256 or "",
        "\n".join(sha for _, sha in made.waiver_files),
    ]


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
        standing(finding, assessment.pack),
        *_waiver_cells(assessment, finding),
        *_provenance_cells(assessment),
        needed_facts.csv_cell(finding),
    ]


@renderer("csv", ".csv")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """CSV, one row per LEP and rule, with its status, why, failing items and evidence."""
    return csv_table(COLUMNS, (_row(a, finding) for a in assessments for finding in a.findings))
