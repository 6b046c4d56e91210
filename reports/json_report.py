"""The JSON report: a documented, versioned schema (``govcheck schema --report``), compact unless asked otherwise.

The report is written from plain values with ``json.dumps`` rather than through the models of
``reports/json_models.py``, which define it: building and dumping a model per finding took longer
than evaluating the LEP. ``tests/reports/test_json_report.py`` reads every report written back
through those models. Each LEP's part is made on its own (``part``), in a worker process under
``--jobs``, and the parts are joined in order (``join``), so the bytes are the same however many
processes made them. The rule texts and the manifest follow the assessments: they are known only
once every LEP is assessed.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from govcheck import __version__
from govcheck.engine.core.results import Assessment, Finding, WaiverRecord, WaiverState
from govcheck.engine.core.status import Status
from govcheck.reports.common import dotted
from govcheck.reports.json_models import REPORT_SCHEMA_VERSION, ReportJSON
from govcheck.reports.registry import RenderOptions, parts_renderer

# A rule's texts, as the report's rules table gives them, in this order.
RULE_FIELDS = (
    "title",
    "topic",
    "topic_title",
    "severity",
    "obligation",
    "basis",
    "requirements",
    "citation",
    "citation_url",
    "remediation",
)


@dataclass(frozen=True)
class JSONPart:
    """One LEP's part of the report, and what the end of the report needs to know of it."""

    text: str
    pack_id: str
    rules: tuple[tuple[str, tuple[Any, ...]], ...]  # (rule id, texts in RULE_FIELDS order) for each finding
    edition: tuple[str, str]
    as_of: str
    inputs: tuple[tuple[str, str, str], ...]


def _dumps(value: Any, pretty: bool) -> str:
    if pretty:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _waiver(waiver: WaiverRecord) -> dict[str, Any]:
    return {
        "rule_id": waiver.rule_id,
        "lep": waiver.lep,
        "item": waiver.item,
        "justification": waiver.justification,
        "requested_by": waiver.requested_by,
        "approved_by": waiver.approved_by,
        "granted_on": waiver.granted_on.isoformat(),
        "expires_on": waiver.expires_on.isoformat(),
        "file": waiver.file,
        "line": waiver.line,
    }


def _waiver_state(state: WaiverState) -> dict[str, Any]:
    return {
        "waiver": _waiver(state.waiver),
        "state": state.state,
        "expiring": state.expiring,
        "working_days_left": state.working_days_left,
        "covered": list(state.covered),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    value: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "status": finding.status.value,
        "reason": finding.reason,
        "passed": finding.passed,
        "total": finding.total,
        "items": [
            {"label": i.label, "status": i.status.value, "reason": i.reason, "path": dotted(i.path), "line": line}
            for i, line in zip(finding.items, finding.item_lines, strict=True)
        ],
        "evidence": [{"path": e.path, "line": e.line, "cited": e.cited} for e in finding.evidence],
    }
    if finding.waivers:
        value["waivers"] = [_waiver(w) for w in finding.waivers]
    if finding.status_before_waiver is not None:
        value["status_before_waiver"] = finding.status_before_waiver.value
    if finding.facts_needed is not None:
        value["facts_needed"] = {"keys": list(finding.facts_needed.keys), "snippet": finding.facts_needed.snippet}
    return value


def rule_texts(finding: Finding) -> tuple[Any, ...]:
    """The finding's rule texts in ``RULE_FIELDS`` order."""
    return tuple(
        list(finding.requirements) if name == "requirements" else getattr(finding, name) for name in RULE_FIELDS
    )


def assessment_value(assessment: Assessment) -> dict[str, Any]:
    """One assessment as the report gives it."""
    counts = assessment.count()
    pack = assessment.pack
    return {
        "organisation": {"id": assessment.organisation_id, "name": assessment.organisation_name},
        "facts_file": assessment.facts_file,
        "facts_sha256": assessment.facts_sha256,
        "as_of": assessment.as_of.isoformat(),
        "pack": {
            "id": pack.id,
            "title": pack.title,
            "edition": pack.edition,
            "publisher": pack.publisher,
            "source": pack.source,
            "carried_forward_from": pack.carried_forward_from,
        },
        "summary": {status.value: counts[status] for status in Status},
        "findings": [_finding(f) for f in assessment.findings],
        "waivers": [_waiver_state(w) for w in assessment.waivers],
        "inputs": [{"role": i.role, "path": i.path, "sha256": i.sha256} for i in assessment.inputs],
    }


def part(assessment: Assessment, options: RenderOptions) -> JSONPart:
    text = _dumps(assessment_value(assessment), options.pretty)
    return JSONPart(
        text=textwrap.indent(text, _ITEM_INDENT) if options.pretty else text,
        pack_id=assessment.pack.id,
        rules=tuple((f.rule_id, rule_texts(f)) for f in assessment.findings),
        edition=(assessment.pack.id, assessment.pack.edition),
        as_of=assessment.as_of.isoformat(),
        inputs=tuple((i.role, i.path, i.sha256) for i in assessment.inputs),
    )


class _Ending:
    """What follows the assessments, gathered one part at a time: the rules table and the manifest."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, tuple[Any, ...]]] = {}
        self.editions: set[tuple[str, str]] = set()
        self.dates: set[str] = set()
        self.inputs: set[tuple[str, str, str]] = set()

    def add(self, piece: JSONPart) -> None:
        table = self.rules.setdefault(piece.pack_id, {})
        for rule_id, texts in piece.rules:
            table.setdefault(rule_id, texts)  # one pack id names one pack in a run: its rules say one thing
        self.editions.add(piece.edition)
        self.dates.add(piece.as_of)
        self.inputs.update(piece.inputs)

    def envelope(self) -> dict[str, Any]:
        return {
            "schema": "govcheck-report",
            "schema_version": REPORT_SCHEMA_VERSION,
            "govcheck_version": __version__,
            "assessments": [],
            "rules": {
                pack: {rule: dict(zip(RULE_FIELDS, texts, strict=True)) for rule, texts in sorted(table.items())}
                for pack, table in sorted(self.rules.items())
            },
            "manifest": {
                "govcheck_version": __version__,
                "editions": [{"pack": pack, "edition": edition} for pack, edition in sorted(self.editions)],
                "as_of": sorted(self.dates),
                "inputs": [{"role": r, "path": p, "sha256": h} for r, p, h in sorted(self.inputs)],
            },
        }


def join(parts: Iterable[JSONPart], options: RenderOptions) -> Iterator[str]:
    """The whole report from its parts, in order: as ``json.dumps`` would write the report at once."""
    empty = '"assessments": []' if options.pretty else '"assessments":[]'
    ending = _Ending()
    head = _dumps(ending.envelope(), options.pretty).split(empty)[0] + empty[:-1]
    opened = False
    for piece in parts:
        ending.add(piece)
        if options.pretty:
            yield (",\n" if opened else head + "\n") + piece.text
        else:
            yield ("," if opened else head) + piece.text
        opened = True
    tail = _dumps(ending.envelope(), options.pretty).split(empty)[1]
    closing = ("\n  ]" if opened else "]") if options.pretty else "]"
    yield (head if not opened else "") + closing + tail + "\n"


def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = ReportJSON.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://govcheck.invalid/schema/report-{REPORT_SCHEMA_VERSION}.json"
    return schema


@parts_renderer("json", ".json", part=part, join=join)
def render(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """JSON following the versioned report schema: compact, each rule's texts once (--pretty: indented)."""
    return join((part(a, options) for a in assessments), options)


_ITEM_INDENT = "    "  # json.dumps(indent=2) puts a top-level list's items four spaces in
