"""The Markdown report: for a pull request, a wiki or a board paper."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import SEVERITIES, Status
from govcheck.engine.core.wording import date_label
from govcheck.reports import matrix, needed_facts
from govcheck.reports.common import (
    STANDING_WORDS,
    STATUS_WORDS,
    by_topic,
    cited_addresses,
    gap_severity_split,
    gaps_then_rest,
    location,
    status_counts,
)
from govcheck.reports.escaping import markdown_code as code
from govcheck.reports.escaping import markdown_text as escape
from govcheck.reports.provenance import SignOff, provenance
from govcheck.reports.registry import RenderOptions, streaming_renderer
from govcheck.reports.urls import web_address
from govcheck.reports.waiver_notes import waived_by, waiver_notes


def _finding(assessment: Assessment, finding: Finding) -> list[str]:
    lines = [
        f"#### {escape(finding.title)}",
        "",
        f"**{STATUS_WORDS[finding.status]}** · severity {finding.severity} · {finding.obligation} · "
        f"`{finding.rule_id}` · {_citation(finding)} · requirement {', '.join(finding.requirements)} "
        f"· basis {finding.basis}",
        "",
        f"{escape(finding.reason)}",
        "",
    ]
    for item, line in finding.failing_items:
        where = f" ({escape(location(assessment, line))})" if line else ""
        lines.append(f"- {escape(item.label)}: {escape(item.reason)}{where}")
    for item in (i for i in finding.items if i.status is Status.WAIVED):
        lines.append(f"- {escape(item.label)}: waived ({escape(item.reason)})")
    if finding.failing_items or any(i.status is Status.WAIVED for i in finding.items):
        lines.append("")
    note = waived_by(finding)
    if note:
        lines += [f"**Waiver:** {escape(note)}", ""]
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
    split = gap_severity_split(assessment)
    lines += ["", "| gaps by severity | " + " | ".join(STANDING_WORDS[kind] for kind, _ in split) + " |"]
    lines.append("| --- |" + " ---: |" * len(split))
    for n, severity in enumerate(SEVERITIES):
        lines.append(f"| {severity} | " + " | ".join(str(counts[n][1]) for _, counts in split) + " |")
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
                f"| {escape(topic)} | `{f.rule_id}` | {STATUS_WORDS[f.status]} | {escape(_why(f))} |" for f in findings
            ]
    lines += _waivers(assessment) + _sources(assessment)
    lines += ["", "## Provenance", "", *_pairs(provenance(assessment).lines())]
    return "\n".join(lines).rstrip() + "\n"


def _citation(finding: Finding) -> str:
    """The citation, a link where it has a published address."""
    url = web_address(finding.citation_url)
    return f"[{escape(finding.citation)}](<{url}>)" if url else escape(finding.citation)


def _why(finding: Finding) -> str:
    note = waived_by(finding)
    return f"{finding.reason}; {note}" if note else finding.reason


def _pairs(pairs: list[tuple[str, str]]) -> list[str]:
    # A line break after each pair ("  "), so they read as a block, not one paragraph.
    return [f"**{label}:** {escape(value)}  " for label, value in pairs]


def _waivers(assessment: Assessment) -> list[str]:
    notes = waiver_notes(assessment)
    if not notes:
        return []
    lines = ["", "## Waivers"]
    for note in notes:
        lines += ["", f"### {escape(note.heading)}", "", *_pairs(note.lines())]
    return lines


def _sources(assessment: Assessment) -> list[str]:
    cited = cited_addresses(assessment)
    if not cited:
        return []
    lines = ["", "## Addresses of the sources cited", ""]
    for url, documents in cited.items():
        shown = web_address(url)
        lines.append(f"- {escape(', '.join(documents))}: " + (f"<{shown}>" if shown else code(url)))
    return lines


def sign_off_block(sign_off: SignOff) -> str:
    return "\n".join(["## Sign-off", "", *_pairs(sign_off.lines())]).rstrip() + "\n"


@streaming_renderer("markdown", ".md", ".markdown")
def render(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """Markdown, with tables for the summary and a section per topic; a few LEPs: the matrix first."""
    few, assessments = matrix.first_if_few(assessments)
    opened = few is not None and len(few) > 1
    if opened:
        assert few is not None
        yield matrix.render_markdown(few)
    number = 0
    for number, assessment in enumerate(assessments, start=1):
        yield ("\n---\n\n" if number > 1 or opened else "") + render_one(assessment)
    if options.sign_off is not None and number:
        yield "\n---\n\n" + sign_off_block(options.sign_off)
