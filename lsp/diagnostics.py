"""Diagnostics for one checked file: each load problem at its line and column, each gap at its facts line.

A gap stands where the SARIF report puts it (``Finding.line``: a failing item's line, else
the first evidence's) with the level SARIF gives its severity (high: error, medium:
warning, low: information); missing evidence is information whatever the rule's
severity, since the file is not wrong, only silent. A gap whose facts have no line (a
whole section left out) stands on the file's first line.
"""

from __future__ import annotations

from lsprotocol import types

from govcheck.engine.core.errors import Problem
from govcheck.engine.core.results import Finding
from govcheck.engine.core.status import Status
from govcheck.lsp.documents import Checked
from govcheck.reports.registry import RenderOptions
from govcheck.reports.sarif import MAX_ITEMS_IN_MESSAGE, failing_listed, level

SOURCE = "govcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}
_OPTIONS = RenderOptions()


def line_range(lines: list[str], line: int | None, column: int | None = None) -> types.Range:
    """From ``column`` (1-based; else the line's first character that is not a space or a dash) to the line's end."""
    number = max((line or 1) - 1, 0)
    text = lines[number] if number < len(lines) else ""
    indent = len(text) - len(text.lstrip(" -"))
    start = min(max(column - 1, 0), len(text)) if column is not None else indent
    end = max(len(text.rstrip()), start)
    return types.Range(types.Position(number, start), types.Position(number, end))


def problem_diagnostic(lines: list[str], problem: Problem) -> types.Diagnostic:
    message = problem.message + (f" ({problem.hint})" if problem.hint else "")
    return types.Diagnostic(
        range=line_range(lines, problem.line, problem.column),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def facts_needed(finding: Finding) -> list[str]:
    """The facts keys a missing-evidence finding needs, as a facts file writes them (``people[].sector``)."""
    return list(finding.facts_needed.keys) if finding.facts_needed is not None else []


def gap_message(finding: Finding) -> str:
    """What a gap's diagnostic says: the rule, why, the failing items, and for missing evidence what to add."""
    text = f"{finding.title}: {finding.reason}."
    listed = failing_listed(finding)  # as the SARIF report lists them
    if listed:
        text += f"\nFailing: {listed}."
    if finding.status is Status.MISSING_EVIDENCE:
        needed = facts_needed(finding)
        if needed:
            text += f"\nFacts needed: {', '.join(needed)}."
    return text + f"\nNext: {finding.remediation}"


def gap_severity(finding: Finding) -> types.DiagnosticSeverity:
    if finding.status is Status.MISSING_EVIDENCE:
        return types.DiagnosticSeverity.Information
    return SEVERITY[level(finding, _OPTIONS)]


def gap_diagnostic(checked: Checked, lines: list[str], finding: Finding) -> types.Diagnostic:
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(checked.uri, line_range(lines, line)), message=f"{item.label}: {item.reason}"
        )
        for item, line in finding.failing_items[:MAX_ITEMS_IN_MESSAGE]
        if line is not None
    ]
    return types.Diagnostic(
        range=line_range(lines, finding.line),
        message=gap_message(finding),
        severity=gap_severity(finding),
        code=finding.rule_id,
        code_description=types.CodeDescription(href=finding.citation_url) if finding.citation_url else None,
        source=f"{SOURCE} ({finding.status.value.replace('_', ' ')}, {finding.severity})",
        related_information=related or None,
        data={"rule_id": finding.rule_id},
    )


def diagnostics(checked: Checked) -> list[types.Diagnostic]:
    """Every problem that stopped the file loading, or else every gap its assessment found."""
    lines = checked.lines
    if checked.problems or checked.assessment is None:
        return [problem_diagnostic(lines, problem) for problem in checked.problems]
    return [gap_diagnostic(checked, lines, f) for f in checked.assessment.findings if f.is_gap]
