"""Reading a JSON result back: validated against the report schema, turned back into assessments.

Baselines, diffs, replays and trends all start from results saved earlier. A file
that is not a govcheck result, or one written by a newer govcheck, is refused with
a message that says so; a result that breaks the schema names the field at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.outcome import ItemResult
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import (
    Assessment,
    Evidence,
    Finding,
    InputFile,
    PackInfo,
    WaiverRecord,
    WaiverState,
)
from govcheck.engine.reading.jsonsource import parse_json, read_json
from govcheck.reports.json_report import (
    REPORT_SCHEMA_VERSION,
    AssessmentJSON,
    FindingJSON,
    ManifestJSON,
    ReportJSON,
    WaiverJSON,
)

KIND = "a govcheck result"
HINT = "give a result written by `govcheck check --format json`"
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class SavedResult:
    """A result read back: where it came from, what wrote it, its manifest and its assessments."""

    file: str
    govcheck_version: str
    manifest: ManifestJSON | None
    assessments: tuple[Assessment, ...]


def read_result(path: str | Path) -> SavedResult:
    """A saved result, read within the bounds of ``engine/reading/jsonsource.py``: every refusal located."""
    data = read_json(Path(path), kind=KIND, hint=HINT)
    return _result(data, str(path))


def parse_result(text: str, name: str) -> SavedResult:
    return _result(parse_json(text, name, kind=KIND, hint=HINT), name)


def _result(data: Any, name: str) -> SavedResult:
    if not isinstance(data, dict) or data.get("schema") != "govcheck-report":
        raise InputError.single(name, 'is not a govcheck result (it has no "schema": "govcheck-report")', hint=HINT)
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > REPORT_SCHEMA_VERSION:
        raise InputError.single(
            name,
            f"is a govcheck result of report schema {_shown(version)}; "
            f"this govcheck reads version {REPORT_SCHEMA_VERSION}",
            hint="read it with the govcheck that wrote it, or upgrade govcheck",
        )
    try:
        report = ReportJSON.model_validate(data)
    except ValidationError as error:
        problems = [
            Problem(name, f"{_where(e['loc'])}: {e['msg']}", hint="the file does not follow `govcheck schema --report`")
            for e in error.errors()[:10]
        ]
        raise InputError(problems) from None
    return SavedResult(name, report.govcheck_version, report.manifest, tuple(map(_assessment, report.assessments)))


def _where(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{_shown(part, quote=False)}" if text else str(part))
    return text or "(top level)"


def _shown(value: object, *, quote: bool = True) -> str:
    """A value from the file for a message: whole if short, else its start (a key may be a megabyte long)."""
    text = repr(value) if quote else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _path(dotted: str) -> PathKey:
    return tuple(int(index) if index else key for key, index in _PART.findall(dotted))


def _waiver(w: WaiverJSON) -> WaiverRecord:
    return WaiverRecord(
        w.rule_id,
        w.lep,
        w.item,
        w.justification,
        w.requested_by,
        w.approved_by,
        w.granted_on,
        w.expires_on,
        w.file,
        w.line,
    )


def _finding(f: FindingJSON) -> Finding:
    return Finding(
        rule_id=f.rule_id,
        title=f.title,
        topic=f.topic,
        topic_title=f.topic_title,
        severity=f.severity,
        obligation=f.obligation,
        basis=f.basis,
        requirements=tuple(f.requirements),
        citation=f.citation,
        citation_url=f.citation_url,
        status=f.status,
        reason=f.reason,
        items=tuple(ItemResult(i.label, i.status, i.reason, _path(i.path)) for i in f.items),
        item_lines=tuple(i.line for i in f.items),
        passed=f.passed,
        total=f.total,
        evidence=tuple(Evidence(e.path, e.line, e.cited) for e in f.evidence),
        remediation=f.remediation,
        waivers=tuple(map(_waiver, f.waivers)),
        status_before_waiver=f.status_before_waiver,
    )


def _assessment(a: AssessmentJSON) -> Assessment:
    findings = tuple(map(_finding, a.findings))
    return Assessment(
        organisation_id=a.organisation.get("id", ""),
        organisation_name=a.organisation.get("name", ""),
        facts_file=a.facts_file,
        facts_sha256=a.facts_sha256,
        as_of=a.as_of,
        pack=PackInfo(
            a.pack.id, a.pack.title, a.pack.edition, a.pack.publisher, a.pack.source, a.pack.carried_forward_from
        ),
        findings=findings,
        topics={f.topic: f.topic_title for f in findings},
        waivers=tuple(
            WaiverState(_waiver(s.waiver), s.state, s.expiring, s.working_days_left, tuple(s.covered))
            for s in a.waivers
        ),
        inputs=tuple(InputFile(i.role, i.path, i.sha256) for i in a.inputs),
    )
