"""SARIF 2.1.0: one run, a rule per requirement, a result per gap at the facts file and line.

Code-scanning tools (GitHub's among them) read it to annotate the line of a facts file
that caused a gap. Levels follow severity (high: error, medium: warning, low: note);
a waived gap is a result carrying an accepted external suppression with the waiver's
justification, so it is shown as dismissed rather than lost. Waivers that expired,
matched nothing or are about to expire are tool notifications at the waiver's line.
Each result has a partial fingerprint of LEP and rule, so a gap keeps its identity
when the lines of the facts file move.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from govcheck import __version__
from govcheck.engine.core.results import Assessment, Finding, WaiverState
from govcheck.engine.core.status import Status
from govcheck.reports.registry import RenderOptions, renderer

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
# GitHub code scanning's own word for a non-security problem's severity.
PROBLEM_SEVERITY = {"high": "error", "medium": "warning", "low": "recommendation"}
MAX_ITEMS_IN_MESSAGE = 10


def artifact_uri(path: str) -> str:
    """A URI reference for a facts file: relative paths stay relative (to the repository root)."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    posix = pure.as_posix()
    if pure.is_absolute():
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:")
    return quote(posix, safe="/")


def level(finding: Finding, options: RenderOptions) -> str:
    status = finding.status_before_waiver or finding.status
    if status is Status.ERROR:
        return "error"
    chosen = LEVELS[finding.severity]
    if status is Status.MISSING_EVIDENCE and options.missing_evidence == "warn" and chosen == "error":
        return "warning"
    return chosen


def _rule(finding: Finding) -> dict[str, Any]:
    requirement = ", ".join(finding.requirements)
    cites = f"{finding.citation}; requirement {requirement}; basis {finding.basis}"
    descriptor: dict[str, Any] = {
        "id": finding.rule_id,
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": f"{finding.title}. Cites {cites}."},
        "help": {
            "text": f"{finding.remediation}\n\nCites: {cites}.",
            "markdown": f"{finding.remediation}\n\n**Cites:** {cites}.",
        },
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {
            "tags": [finding.topic, *finding.requirements],
            "topic": finding.topic_title,
            "severity": finding.severity,
            "obligation": finding.obligation,
            "basis": finding.basis,
            "citation": finding.citation,
            "problem.severity": PROBLEM_SEVERITY[finding.severity],
        },
    }
    if finding.citation_url:
        descriptor["helpUri"] = finding.citation_url
    return descriptor


def _location(uri: str, index: int, line: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if line:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def failing_listed(finding: Finding) -> str | None:
    """The failing items as one line, at most ``MAX_ITEMS_IN_MESSAGE`` and how many more; None if none fail."""
    failing = finding.failing_items
    if not failing:
        return None
    listed = "; ".join(f"{item.label}: {item.reason}" for item, _ in failing[:MAX_ITEMS_IN_MESSAGE])
    more = f"; and {len(failing) - MAX_ITEMS_IN_MESSAGE} more" if len(failing) > MAX_ITEMS_IN_MESSAGE else ""
    return listed + more


def _message(assessment: Assessment, finding: Finding) -> str:
    text = f"{assessment.organisation_name}: {finding.title} — {finding.reason}."
    listed = failing_listed(finding)
    if listed:
        text += f" Failing: {listed}."
    return text + f" Next: {finding.remediation}"


def _result(
    assessment: Assessment, finding: Finding, rule_index: int, artifact: int, options: RenderOptions
) -> dict[str, Any]:
    uri = artifact_uri(assessment.facts_file)
    failing = finding.failing_items
    waived_items = [item for item in finding.items if item.status is Status.WAIVED]
    identity = "|".join([assessment.organisation_id, finding.rule_id])
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": level(finding, options),
        "message": {"text": _message(assessment, finding)},
        "locations": [_location(uri, artifact, finding.line)],
        "partialFingerprints": {"govcheckGap/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]},
        "properties": {
            "lep": assessment.organisation_id,
            "status": (finding.status_before_waiver or finding.status).value,
            "asOf": assessment.as_of.isoformat(),
            "failingItems": [item.label for item, _ in failing],
        },
    }
    related = [
        {**_location(uri, artifact, line), "id": n, "message": {"text": f"{item.label}: {item.reason}"}}
        for n, (item, line) in enumerate(failing, start=1)
        if line
    ]
    if related:
        result["relatedLocations"] = related
    if waived_items:
        result["properties"]["waivedItems"] = [item.label for item in waived_items]
    if finding.status is Status.WAIVED:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{w.justification} (requested by {w.requested_by}, approved by {w.approved_by}, "
                f"until {w.expires_on.isoformat()})",
            }
            for w in finding.waivers
        ]
    return result


def _notification(state: WaiverState) -> dict[str, Any] | None:
    waiver = state.waiver
    what = f"waiver of {waiver.rule_id} for {waiver.scope}"
    if state.state == "expired":
        text, grade = f"{what} expired on {waiver.expires_on.isoformat()} and no longer applies", "warning"
    elif state.state == "unused":
        text, grade = f"{what} matches no gap: remove it, or correct its rule or scope", "warning"
    elif state.state == "not_yet_granted":
        text, grade = f"{what} is granted on {waiver.granted_on.isoformat()}, after the assessment date", "note"
    elif state.expiring:
        text = f"{what} expires on {waiver.expires_on.isoformat()}, {state.working_days_left} working days away"
        grade = "warning"
    else:
        return None
    notification: dict[str, Any] = {"level": grade, "message": {"text": text}}
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(waiver.file)}}
    if waiver.line:
        physical["region"] = {"startLine": waiver.line}
    notification["locations"] = [{"physicalLocation": physical}]
    return notification


def sarif_log(assessments: Sequence[Assessment], options: RenderOptions) -> dict[str, Any]:
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    artifacts: dict[str, int] = {}
    artifact_list: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for assessment in assessments:
        if assessment.facts_file not in artifacts:
            artifacts[assessment.facts_file] = len(artifact_list)
            artifact_list.append(
                {
                    "location": {"uri": artifact_uri(assessment.facts_file)},
                    "hashes": {"sha-256": assessment.facts_sha256},
                }
            )
        for finding in assessment.findings:
            if finding.rule_id not in rules:
                rules[finding.rule_id] = len(descriptors)
                descriptors.append(_rule(finding))
            if finding.is_gap or finding.status is Status.WAIVED:
                index, artifact = rules[finding.rule_id], artifacts[assessment.facts_file]
                results.append(_result(assessment, finding, index, artifact, options))
        notifications += filter(None, map(_notification, assessment.waivers))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "govcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "artifacts": artifact_list,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "asOf": sorted({a.as_of.isoformat() for a in assessments}),
            "editions": sorted({f"{a.pack.id} ({a.pack.edition})" for a in assessments}),
        },
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


@renderer("sarif", ".sarif", ".sarif.json")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """SARIF 2.1.0 for code scanning: a result per gap, at the facts file and line."""
    return json.dumps(sarif_log(assessments, options), indent=2, ensure_ascii=False) + "\n"
