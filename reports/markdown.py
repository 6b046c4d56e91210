"""The Markdown report: for a pull request, a wiki or a board paper."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.wording import date_label
from govcheck.reports import matrix, needed_facts
from govcheck.reports.common import (
    STATUS_WORDS,
    by_topic,
    gap_severity_counts,
    gaps_then_rest,
    location,
    status_counts,
)
from govcheck.reports.escaping import markdown_code as code
from govcheck.reports.escaping import markdown_text as escape
from govcheck.reports.registry import RenderOptions, streaming_renderer


def _finding(assessment: Assessment, finding: Finding) -> list[str]:
    lines = [
        f"#### {escape(finding.title)}",
        "",
        f"**{STATUS_WORDS[finding.status]}** · severity {finding.severity} · {finding.obligation} · "
        f"`{finding.rule_id}` · {escape(finding.citation)} · requirement {', '.join(finding.requirements)} "
        f"· basis {finding.basis}",
        "",
        f"{escape(finding.reason)}",
        "",
    ]
    for item, line in finding.failing_items:
        where = f" ({escape(location(assessment, line))})" if line else ""
        lines.append(f"- {escape(item.label)}: {escape(item.reason)}{where}")
    if finding.failing_items:
        lines.append("")
    lines += needed_facts.markdown_lines(finding)
    cited = [e.cited for e in finding.evidence if e.cited]
    if cited:
        lines += [f"Evidence: {escape('; '.join(dict.fromkeys(cited)))}", ""]
    lines += [f"**Next:** {escape(finding.remediation)}", ""]
    return lines


def render_one(assessment: Assessment) -> str:
    lines = [
        f"# Gap report: {escape(assessment.organisation_name)}",
        "",
        f"Assessed at **{date_label(assessment.as_of)}** against {escape(assessment.pack.title)}, "
        f"{escape(assessment.pack.edition)} (`{assessment.pack.id}`).  ",
        *([f"{escape(assessment.pack.caveat)}  "] if assessment.pack.caveat else []),
        f"Facts: {code(assessment.facts_file)} (sha256 `{assessment.facts_sha256[:12]}`)",
        "",
        "## Summary",
        "",
        "| status | rules |",
        "| --- | ---: |",
    ]
    lines += [f"| {STATUS_WORDS[status]} | {count} |" for status, count in status_counts(assessment)]
    lines += ["", "| gaps by severity | rules |", "| --- | ---: |"]
    lines += [f"| {severity} | {count} |" for severity, count in gap_severity_counts(assessment)]
    gaps, rest = gaps_then_rest(assessment.findings)
    if gaps:
        lines += ["", "## Gaps", ""]
        for topic, findings in by_topic(assessment, gaps):
            lines += [f"### {escape(topic)}", ""]
            for finding in findings:
                lines += _finding(assessment, finding)
    if rest:
        lines += [
            "## Met, waived or not applicable",
            "",
            "| topic | rule | status | why |",
            "| --- | --- | --- | --- |",
        ]
        for topic, findings in by_topic(assessment, rest):
            lines += [
                f"| {escape(topic)} | `{f.rule_id}` | {STATUS_WORDS[f.status]} | {escape(f.reason)} |" for f in findings
            ]
    return "\n".join(lines).rstrip() + "\n"


@streaming_renderer("markdown", ".md", ".markdown")
def render(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """Markdown, with tables for the summary and a section per topic; a few LEPs: the matrix first."""
    few, assessments = matrix.first_if_few(assessments)
    opened = few is not None and len(few) > 1
    if opened:
        assert few is not None
        yield matrix.render_markdown(few)
    for number, assessment in enumerate(assessments):
        yield ("\n---\n\n" if number or opened else "") + render_one(assessment)
