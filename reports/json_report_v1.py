"""Report schema version 1, as govcheck wrote it until version 2: kept so saved results of it still read.

People keep baseline files for years; ``reports/json_reader.py`` reads a version 1 result with these
models and turns it into the same assessments a version 2 result gives. Nothing writes version 1 now.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from govcheck.engine.core.status import Status
from govcheck.reports.json_models import (
    EvidenceJSON,
    InputFileJSON,
    ItemJSON,
    ManifestJSON,
    PackJSON,
    WaiverJSON,
    WaiverStateJSON,
)


class _Model(BaseModel):
    # Built when a JSON report is first written, not each time govcheck starts.
    model_config = ConfigDict(extra="forbid", defer_build=True)


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


class ReportJSON(_Model):
    schema_: Literal["govcheck-report"] = Field(alias="schema", default="govcheck-report")
    schema_version: int = 1
    govcheck_version: str
    assessments: list[AssessmentJSON]
    # After the assessments: it names every input read, known only once every LEP is assessed.
    manifest: ManifestJSON | None = None
