"""Reading a JSON result back: validated against the report schema, turned back into assessments.

Baselines, diffs, replays and trends all start from results saved earlier. A file
that is not a govcheck result, or one written by a newer govcheck, is refused with
a message that says so; a result that breaks the schema names the field at fault.
Results of report schema version 1 (each finding carrying its rule's texts) read as
well as version 2 (the texts once, in ``rules``), and give the same assessments.
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
    FactsNeeded,
    Finding,
    InputFile,
    PackInfo,
    WaiverRecord,
    WaiverState,
)
from govcheck.engine.reading.jsonsource import parse_json, read_json
from govcheck.reports import json_report_v1 as v1
from govcheck.reports.json_models import (
    REPORT_SCHEMA_VERSION,
    AssessmentJSON,
    FindingJSON,
    ManifestJSON,
    ReportJSON,
    RuleJSON,
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
            f"this govcheck reads versions 1 to {REPORT_SCHEMA_VERSION}",
            hint="read it with the govcheck that wrote it, or upgrade govcheck",
        )
    try:
        if version < REPORT_SCHEMA_VERSION:
            old = v1.ReportJSON.model_validate(data)
            assessments = tuple(_assessment(a, [_finding_v1(f) for f in a.findings]) for a in old.assessments)
            return SavedResult(name, old.govcheck_version, old.manifest, assessments)
        report = ReportJSON.model_validate(data)
    except ValidationError as error:
        problems = [
            Problem(name, f"{_where(e['loc'])}: {e['msg']}", hint="the file does not follow `govcheck schema --report`")
            for e in error.errors()[:10]
        ]
        raise InputError(problems) from None
    found = []
    for number, a in enumerate(report.assessments):
        rules = report.rules.get(a.pack.id, {})
        findings = []
        for index, f in enumerate(a.findings):
            rule = rules.get(f.rule_id)
            if rule is None:
                raise InputError.single(
                    name,
                    f"assessments[{number}].findings[{index}].rule_id: rule {_shown(f.rule_id)} of pack "
                    f"{_shown(a.pack.id)} is not in the report's rules",
                    hint="the file does not follow `govcheck schema --report`",
                )
            findings.append(_finding(f, rule))
        found.append(_assessment(a, findings))
    return SavedResult(name, report.govcheck_version, report.manifest, tuple(found))


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


def _finding(f: FindingJSON | v1.FindingJSON, rule: RuleJSON | v1.FindingJSON) -> Finding:
    return Finding(
        rule_id=f.rule_id,
        title=rule.title,
        topic=rule.topic,
        topic_title=rule.topic_title,
        severity=rule.severity,
        obligation=rule.obligation,
        basis=rule.basis,
        requirements=tuple(rule.requirements),
        citation=rule.citation,
        citation_url=rule.citation_url,
        status=f.status,
        reason=f.reason,
        items=tuple(ItemResult(i.label, i.status, i.reason, _path(i.path)) for i in f.items),
        item_lines=tuple(i.line for i in f.items),
        passed=f.passed,
        total=f.total,
        evidence=tuple(Evidence(e.path, e.line, e.cited) for e in f.evidence),
        remediation=rule.remediation,
        waivers=tuple(map(_waiver, f.waivers)),
        status_before_waiver=f.status_before_waiver,
        facts_needed=_facts_needed(f),
    )


def _facts_needed(f: FindingJSON | v1.FindingJSON) -> FactsNeeded | None:
    needed = getattr(f, "facts_needed", None)  # version 1 results have none
    return FactsNeeded(tuple(needed.keys), needed.snippet) if needed is not None else None


def _finding_v1(f: v1.FindingJSON) -> Finding:
    return _finding(f, f)  # version 1 gives the rule's texts in every finding


def _assessment(a: AssessmentJSON | v1.AssessmentJSON, found: list[Finding]) -> Assessment:
    findings = tuple(found)
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
