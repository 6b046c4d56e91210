"""The JSON report: a documented, versioned schema (``govcheck schema --report``).

Consumers key on ``schema_version``: fields may be added within a version, never
removed or changed in meaning.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from govcheck import __version__
from govcheck.checks.base import Status
from govcheck.engine.results import Assessment, Finding
from govcheck.reports.common import dotted
from govcheck.reports.registry import RenderOptions, renderer

REPORT_SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemJSON(_Model):
    label: str = Field(description="the person, meeting or subject the verdict is about")
    status: Status
    reason: str
    path: str = Field(description="facts path of the item")
    line: int | None = Field(description="line of the item in the facts file")


class EvidenceJSON(_Model):
    path: str
    line: int | None
    cited: str | None = Field(description="the evidence the facts give: a URL, or a document and section")


class FindingJSON(_Model):
    rule_id: str
    title: str
    topic: str
    topic_title: str
    severity: str
    obligation: str
    basis: str = Field(description="V verified, C corroborated, M unverified requirement")
    requirements: list[str]
    citation: str
    citation_url: str | None
    status: Status
    reason: str
    passed: int | None
    total: int | None
    items: list[ItemJSON]
    evidence: list[EvidenceJSON]
    remediation: str


class PackJSON(_Model):
    id: str
    title: str
    edition: str
    publisher: str


class AssessmentJSON(_Model):
    organisation: dict[str, str]
    facts_file: str
    facts_sha256: str
    as_of: dt.date
    pack: PackJSON
    summary: dict[str, int] = Field(description="number of findings with each status")
    findings: list[FindingJSON]


class ReportJSON(_Model):
    schema_: str = Field(alias="schema", default="govcheck-report")
    schema_version: int = REPORT_SCHEMA_VERSION
    govcheck_version: str
    assessments: list[AssessmentJSON]


def finding_json(finding: Finding) -> FindingJSON:
    return FindingJSON(
        rule_id=finding.rule_id,
        title=finding.title,
        topic=finding.topic,
        topic_title=finding.topic_title,
        severity=finding.severity,
        obligation=finding.obligation,
        basis=finding.basis,
        requirements=list(finding.requirements),
        citation=finding.citation,
        citation_url=finding.citation_url,
        status=finding.status,
        reason=finding.reason,
        passed=finding.passed,
        total=finding.total,
        items=[
            ItemJSON(label=i.label, status=i.status, reason=i.reason, path=dotted(i.path), line=line)
            for i, line in zip(finding.items, finding.item_lines, strict=True)
        ],
        evidence=[EvidenceJSON(path=e.path, line=e.line, cited=e.cited) for e in finding.evidence],
        remediation=finding.remediation,
    )


def assessment_json(assessment: Assessment) -> AssessmentJSON:
    counts = assessment.count()
    return AssessmentJSON(
        organisation={"id": assessment.organisation_id, "name": assessment.organisation_name},
        facts_file=assessment.facts_file,
        facts_sha256=assessment.facts_sha256,
        as_of=assessment.as_of,
        pack=PackJSON(
            id=assessment.pack.id,
            title=assessment.pack.title,
            edition=assessment.pack.edition,
            publisher=assessment.pack.publisher,
        ),
        summary={status.value: counts[status] for status in Status},
        findings=[finding_json(f) for f in assessment.findings],
    )


def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = ReportJSON.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://govcheck.invalid/schema/report-{REPORT_SCHEMA_VERSION}.json"
    return schema


@renderer("json", ".json")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """JSON following the versioned report schema."""
    report = ReportJSON(govcheck_version=__version__, assessments=[assessment_json(a) for a in assessments])
    return json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"
