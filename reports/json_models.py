"""The JSON report's models: the schema ``govcheck schema --report`` prints, and what saved results are read with.

Version 2 gives each rule's texts (title, topic, severity, citation, remediation...) once per
report, in ``rules`` keyed by pack id and rule id, instead of once per LEP in every finding: over
many LEPs they were most of the report. A finding keeps what is its own: status, reason, items,
evidence, waivers. Consumers key on ``schema_version``: fields may be added within a version,
never removed or changed in meaning. Version 1 still reads (``reports/json_report_v1.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from govcheck.engine.core.status import Status

REPORT_SCHEMA_VERSION: Literal[2] = 2


class _Model(BaseModel):
    # Built when a saved result is first read or the schema printed, not each time govcheck starts.
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


class RuleJSON(_Model):
    """What a rule says, the same for every LEP it is checked against: given once per report."""

    title: str
    topic: str
    topic_title: str
    severity: str
    obligation: str
    basis: str = Field(description="V verified, C corroborated, M unverified requirement")
    requirements: list[str]
    citation: str
    citation_url: str | None
    remediation: str


class FactsNeededJSON(_Model):
    keys: list[str] = Field(
        description="the facts keys, as a facts file writes them: people[].is_local_authority_member"
    )
    snippet: str = Field(description="YAML to paste into the facts file, a placeholder for each value")


class FindingJSON(_Model):
    rule_id: str = Field(description="the rule, whose texts are in the report's rules[pack id][rule id]")
    status: Status
    reason: str
    passed: int | None
    total: int | None
    items: list[ItemJSON]
    evidence: list[EvidenceJSON]
    waivers: list[WaiverJSON] = Field(
        default_factory=list, description="waivers covering the finding or its items; left out when none"
    )
    status_before_waiver: Status | None = Field(
        default=None, description="the status a waiver turned into waived; left out when none did"
    )
    facts_needed: FactsNeededJSON | None = Field(
        default=None, description="for missing evidence, the facts that would decide it; left out otherwise"
    )


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
    schema_version: Literal[2] = REPORT_SCHEMA_VERSION
    govcheck_version: str
    assessments: list[AssessmentJSON]
    # After the assessments, as the manifest: known only once every LEP is assessed.
    rules: dict[str, dict[str, RuleJSON]] = Field(
        default_factory=dict, description="pack id -> rule id -> the rule's texts, for every finding of the report"
    )
    manifest: ManifestJSON | None = None
