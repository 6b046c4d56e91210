"""The JSON report: a documented, versioned schema (``govcheck schema --report``).

Consumers key on ``schema_version``: fields may be added within a version, never
removed or changed in meaning. Fields added since version 1 first shipped (the
manifest, waivers, inputs, the pack's source) have defaults, so results written
before them still read back (``reports/json_reader.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from govcheck import __version__
from govcheck.engine.core.results import Assessment, Finding, InputFile, WaiverRecord, WaiverState
from govcheck.engine.core.status import Status
from govcheck.reports.common import dotted
from govcheck.reports.registry import RenderOptions, streaming_renderer

REPORT_SCHEMA_VERSION = 1


class _Model(BaseModel):
    # Built when a JSON report is first written, not each time govcheck starts.
    model_config = ConfigDict(extra="forbid", defer_build=True)


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


class WaiverJSON(_Model):
    rule_id: str
    lep: str
    item: str | None = Field(description="the item waived; null: the whole rule for this LEP")
    justification: str
    requested_by: str
    approved_by: str
    granted_on: dt.date
    expires_on: dt.date
    file: str = Field(description="the waiver file")
    line: int | None = Field(description="line of the waiver in its file")


class WaiverStateJSON(_Model):
    waiver: WaiverJSON
    state: Literal["applied", "unused", "expired", "not_yet_granted"]
    expiring: bool = Field(description="applies, but expires within 20 working days of the as-of date")
    working_days_left: int | None
    covered: list[str] = Field(description="labels of the items it waived; '*' the whole finding")


class InputFileJSON(_Model):
    role: Literal["facts", "rules", "waivers"]
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


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
    waivers: list[WaiverJSON] = Field(default_factory=list, description="waivers covering the finding or its items")
    status_before_waiver: Status | None = Field(default=None, description="the status a waiver turned into waived")


class PackJSON(_Model):
    id: str
    title: str
    edition: str
    publisher: str
    source: str | None = Field(default=None, description="the pack's folder, when not a bundled pack")
    carried_forward_from: str | None = Field(
        default=None,
        description="the edition every rule is carried forward from unverified, unchecked against this edition's text",
    )


class AssessmentJSON(_Model):
    organisation: dict[str, str]
    facts_file: str
    facts_sha256: str
    as_of: dt.date
    pack: PackJSON
    summary: dict[str, int] = Field(description="number of findings with each status")
    findings: list[FindingJSON]
    waivers: list[WaiverStateJSON] = Field(default_factory=list, description="every waiver scoped to this LEP")
    inputs: list[InputFileJSON] = Field(default_factory=list, description="the files this assessment read")


class EditionJSON(_Model):
    pack: str
    edition: str


class ManifestJSON(_Model):
    """What a result was computed from, so it can be re-run and compared (``govcheck check --replay``)."""

    govcheck_version: str
    editions: list[EditionJSON] = Field(description="the rule pack editions used")
    as_of: list[dt.date] = Field(description="the dates assessed")
    inputs: list[InputFileJSON] = Field(description="every facts, rule and waiver file read, with its SHA-256")


class ReportJSON(_Model):
    schema_: Literal["govcheck-report"] = Field(alias="schema", default="govcheck-report")
    schema_version: int = REPORT_SCHEMA_VERSION
    govcheck_version: str
    assessments: list[AssessmentJSON]
    # After the assessments: it names every input read, known only once every LEP is assessed.
    manifest: ManifestJSON | None = None


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
        waivers=[waiver_json(w) for w in finding.waivers],
        status_before_waiver=finding.status_before_waiver,
    )


def waiver_json(waiver: WaiverRecord) -> WaiverJSON:
    return WaiverJSON(
        rule_id=waiver.rule_id,
        lep=waiver.lep,
        item=waiver.item,
        justification=waiver.justification,
        requested_by=waiver.requested_by,
        approved_by=waiver.approved_by,
        granted_on=waiver.granted_on,
        expires_on=waiver.expires_on,
        file=waiver.file,
        line=waiver.line,
    )


def waiver_state_json(state: WaiverState) -> WaiverStateJSON:
    return WaiverStateJSON(
        waiver=waiver_json(state.waiver),
        state=state.state,
        expiring=state.expiring,
        working_days_left=state.working_days_left,
        covered=list(state.covered),
    )


def input_json(found: InputFile) -> InputFileJSON:
    return InputFileJSON(role=found.role, path=found.path, sha256=found.sha256)


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
            source=assessment.pack.source,
            carried_forward_from=assessment.pack.carried_forward_from,
        ),
        summary={status.value: counts[status] for status in Status},
        findings=[finding_json(f) for f in assessment.findings],
        waivers=[waiver_state_json(w) for w in assessment.waivers],
        inputs=[input_json(i) for i in assessment.inputs],
    )


class ManifestBuilder:
    """What a result's manifest names, gathered one assessment at a time."""

    def __init__(self) -> None:
        self.editions: set[tuple[str, str]] = set()
        self.dates: set[dt.date] = set()
        self.inputs: set[tuple[str, str, str]] = set()

    def add(self, assessment: Assessment) -> None:
        self.editions.add((assessment.pack.id, assessment.pack.edition))
        self.dates.add(assessment.as_of)
        self.inputs.update((i.role, i.path, i.sha256) for i in assessment.inputs)

    def build(self) -> ManifestJSON:
        return ManifestJSON(
            govcheck_version=__version__,
            editions=[EditionJSON(pack=pack, edition=edition) for pack, edition in sorted(self.editions)],
            as_of=sorted(self.dates),
            inputs=[InputFileJSON(role=r, path=p, sha256=h) for r, p, h in sorted(self.inputs)],
        )


def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = ReportJSON.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://govcheck.invalid/schema/report-{REPORT_SCHEMA_VERSION}.json"
    return schema


def _dumps(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False)


@streaming_renderer("json", ".json")
def render(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """JSON following the versioned report schema."""
    # The report as json.dumps would write it whole, written one assessment at a time: the
    # envelope comes from the report model itself, each assessment is indented to sit inside
    # it, and the manifest, which names everything read, follows the assessments.
    head = _dumps(ReportJSON(govcheck_version=__version__, assessments=[])).split(_EMPTY_ASSESSMENTS)[0]
    manifest = ManifestBuilder()
    opened = False
    for assessment in assessments:
        manifest.add(assessment)
        inner = textwrap.indent(_dumps(assessment_json(assessment)), _ITEM_INDENT)
        yield (",\n" if opened else head + '"assessments": [\n') + inner
        opened = True
    whole = _dumps(ReportJSON(govcheck_version=__version__, assessments=[], manifest=manifest.build()))
    tail = whole.split(_EMPTY_ASSESSMENTS)[1]
    yield ("\n  ]" if opened else head + '"assessments": []') + tail + "\n"


_EMPTY_ASSESSMENTS = '"assessments": []'
_ITEM_INDENT = "    "  # json.dumps(indent=2) puts a top-level list's items four spaces in
