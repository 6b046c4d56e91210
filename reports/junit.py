"""JUnit XML: a test suite per LEP, a test case per rule, for CI systems that show test reports.

Gaps are failures carrying the reason and the failing items (a check that crashed is
an error); ``missing_evidence`` is a failure too, unless ``--missing-evidence warn``
asks for it to be reported as skipped with the reason. ``not_applicable`` and
``waived`` are skipped, with why.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import Status
from govcheck.reports.common import location
from govcheck.reports.registry import RenderOptions, renderer

# XML 1.0 cannot carry most control characters, even escaped; facts text could hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def outcome_of(finding: Finding, options: RenderOptions) -> str:
    """``passed``, ``failure``, ``error`` or ``skipped``: how a test report shows the finding."""
    if finding.status is Status.ERROR:
        return "error"
    if finding.status is Status.MISSING_EVIDENCE and options.missing_evidence == "warn":
        return "skipped"
    if finding.is_gap:
        return "failure"
    if finding.status in (Status.NOT_APPLICABLE, Status.WAIVED):
        return "skipped"
    return "passed"


def _details(assessment: Assessment, finding: Finding) -> str:
    lines = [finding.title, f"Status: {finding.status.value}", f"Why: {finding.reason}"]
    for item, line in finding.failing_items:
        where = f" [{location(assessment, line)}]" if line else ""
        lines.append(f"- {item.label}: {item.reason}{where}")
    for item in finding.items:
        if item.status is Status.WAIVED:
            lines.append(f"- {item.label}: waived ({item.reason})")
    lines.append(f"Cites: {finding.citation}; requirement {', '.join(finding.requirements)}")
    if finding.line:
        lines.append(f"Facts: {location(assessment, finding.line)}")
    lines.append(f"Next: {finding.remediation}")
    return _clean("\n".join(lines))


def _skip_message(finding: Finding) -> str:
    if finding.status is Status.WAIVED:
        waiver = finding.waivers[-1] if finding.waivers else None
        why = (
            f"waived until {waiver.expires_on.isoformat()}: {waiver.justification} (approved by {waiver.approved_by})"
            if waiver
            else "waived"
        )
        return _clean(why)
    if finding.status is Status.MISSING_EVIDENCE:
        return _clean(f"missing evidence (warning): {finding.reason}")
    return _clean(f"not applicable: {finding.reason}")


def _suite(assessment: Assessment, options: RenderOptions) -> tuple[ET.Element, dict[str, int]]:
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suite = ET.Element("testsuite", name=_clean(f"{assessment.organisation_name} ({assessment.organisation_id})"))
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("facts_file", assessment.facts_file),
        ("facts_sha256", assessment.facts_sha256),
        ("as_of", assessment.as_of.isoformat()),
        ("pack", f"{assessment.pack.id} ({assessment.pack.edition})"),
    ):
        ET.SubElement(properties, "property", name=name, value=_clean(value))
    for finding in assessment.findings:
        counts["tests"] += 1
        case = ET.SubElement(
            suite,
            "testcase",
            name=finding.rule_id,
            classname=f"{assessment.organisation_id}.{finding.topic}",
            file=_clean(assessment.facts_file),
        )
        result = outcome_of(finding, options)
        if result in ("failure", "error"):
            counts["failures" if result == "failure" else "errors"] += 1
            element = ET.SubElement(case, result, message=_clean(finding.reason), type=finding.status.value)
            element.text = _details(assessment, finding)
        elif result == "skipped":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=_skip_message(finding))
    for key, count in counts.items():
        suite.set(key, str(count))
    return suite, counts


@renderer("junit", ".xml", ".junit.xml")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """JUnit XML: a test suite per LEP, a test case per rule."""
    root = ET.Element("testsuites", name="govcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for assessment in assessments:
        suite, counts = _suite(assessment, options)
        root.append(suite)
        for key in totals:
            totals[key] += counts[key]
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
