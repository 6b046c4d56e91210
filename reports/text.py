"""The terminal report: summary first, then gaps by topic, then what is met; 100 columns wide."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import Status
from govcheck.engine.core.wording import date_label
from govcheck.reports import matrix, needed_facts
from govcheck.reports.common import (
    MARKS,
    STANDING_WORDS,
    STATUS_WORDS,
    by_topic,
    cited_addresses,
    gap_severity_split,
    gaps_then_rest,
    location,
    summary_line,
)
from govcheck.reports.provenance import SignOff, provenance
from govcheck.reports.registry import RenderOptions, streaming_renderer
from govcheck.reports.waiver_notes import waived_by, waiver_notes

WIDTH = 100
MAX_ITEMS = 12  # failing items listed per finding before "... and N more"


def _wrap(text: str, indent: int, hang: int | None = None) -> list[str]:
    """``text`` wrapped to WIDTH as textwrap wraps it (long words whole, no breaks at hyphens)."""
    hang = indent if hang is None else hang
    if not text.isprintable() or text.startswith(" "):
        # Tabs, line breaks, other kinds of space and leading spaces: textwrap's own rules apply.
        return textwrap.wrap(
            text,
            WIDTH,
            initial_indent=" " * indent,
            subsequent_indent=" " * hang,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    # Words separated by plain spaces, the rest of a report: the same lines, found by searching for
    # the last space that fits rather than by textwrap's word-by-word loop (a report has thousands).
    lines: list[str] = []
    rest = text
    while rest:
        prefix = " " * (hang if lines else indent)
        width = WIDTH - len(prefix)
        if len(rest) <= width:
            cut = len(rest)
        else:
            cut = rest.rfind(" ", 0, width + 1)
            if cut == -1:  # a word longer than a line has a line of its own
                cut = rest.find(" ") if " " in rest else len(rest)
        lines.append(prefix + rest[:cut].rstrip(" "))
        rest = rest[cut + 1 :].lstrip(" ")
    return lines or [""]


def _gap(assessment: Assessment, finding: Finding) -> list[str]:
    head = f"  {MARKS[finding.status]:<8} {finding.severity:<6} {finding.rule_id}"
    lines = [head]
    lines += _wrap(finding.title, 4)
    lines += _wrap(f"Why: {finding.reason}", 4, 9)
    failing = finding.failing_items
    for item, line in failing[:MAX_ITEMS]:
        where = f"  [line {line}]" if line else ""
        lines += _wrap(f"- {item.label}: {item.reason}{where}", 6, 8)
    if len(failing) > MAX_ITEMS:
        lines.append(f"      ... and {len(failing) - MAX_ITEMS} more")
    for item in (i for i in finding.items if i.status is Status.WAIVED):
        lines += _wrap(f"- {item.label}: waived ({item.reason})", 6, 8)
    note = waived_by(finding)
    if note:
        lines += _wrap(f"Waiver: {note}", 4, 12)
    lines += needed_facts.text_lines(finding, 4, _wrap)
    cite = f"{finding.citation}; requirement {', '.join(finding.requirements)}; basis {finding.basis}"
    lines += _wrap(f"Cites: {cite}", 4, 11)
    if finding.line:
        lines += _wrap(f"Facts: {location(assessment, finding.line)}", 4, 11)
    cited = [e.cited for e in finding.evidence if e.cited]
    if cited:
        lines += _wrap(f"Evidence: {'; '.join(dict.fromkeys(cited))}", 4, 14)
    lines += _wrap(f"Next: {finding.remediation}", 4, 10)
    return lines


def render_one(assessment: Assessment) -> str:
    # Wrapped like every other line, so a line break inside a name never starts a line of its own.
    lines = _wrap(f"{assessment.organisation_name} ({assessment.organisation_id})", 0, 2)
    lines += _wrap(f"Facts: {assessment.facts_file} (sha256 {assessment.facts_sha256[:12]})", 0, 2)
    lines += _wrap(
        f"Assessed at {date_label(assessment.as_of)} against {assessment.pack.title}, "
        f"{assessment.pack.edition} ({assessment.pack.id})",
        0,
        2,
    )
    if assessment.pack.caveat:
        lines += _wrap(assessment.pack.caveat, 0, 2)
    lines.append("")
    lines.append(f"Summary: {summary_line(assessment)}")
    lines.append("Gaps by severity:")
    label = max(len(words) for words in STANDING_WORDS.values()) + 1
    for kind, counts in gap_severity_split(assessment):
        severity = ", ".join(f"{name} {count}" for name, count in counts)
        lines.append(f"  {STANDING_WORDS[kind] + ':':<{label}} {severity}")
    gaps, rest = gaps_then_rest(assessment.findings)
    if gaps:
        lines += ["", "GAPS"]
        for topic, findings in by_topic(assessment, gaps):
            lines += ["", topic]
            for finding in findings:
                lines += _gap(assessment, finding)
    if rest:
        lines += ["", "MET, WAIVED OR NOT APPLICABLE"]
        for topic, findings in by_topic(assessment, rest):
            lines += ["", topic]
            for finding in findings:
                lines += _wrap(f"{MARKS[finding.status]:<7} {finding.rule_id}: {finding.reason}", 2, 10)
                note = waived_by(finding)
                if note:
                    lines += _wrap(f"Waiver: {note}", 10, 12)
    lines += _waivers(assessment) + _sources(assessment) + _block("PROVENANCE", provenance(assessment).lines())
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _block(title: str, pairs: list[tuple[str, str]], indent: int = 2) -> list[str]:
    width = max(len(label) for label, _ in pairs) + 2
    lines = ["", title]
    for label, value in pairs:
        lines += _wrap(f"{label + ':':<{width}}{value}", indent, indent + width)
    return lines


def _waivers(assessment: Assessment) -> list[str]:
    notes = waiver_notes(assessment)
    if not notes:
        return []
    lines = ["", "WAIVERS"]
    for note in notes:
        lines += ["", *_wrap(note.heading, 2, 4)]
        width = max(len(label) for label, _ in note.lines()) + 2
        for label, value in note.lines():
            lines += _wrap(f"{label + ':':<{width}}{value}", 4, 4 + width)
    return lines


def _sources(assessment: Assessment) -> list[str]:
    """Each published address the findings cite, once: Markdown and HTML link them where cited."""
    cited = cited_addresses(assessment)
    if not cited:
        return []
    lines = ["", "ADDRESSES OF THE SOURCES CITED"]
    for url, documents in cited.items():
        lines += _wrap(f"{', '.join(documents)}: {url}", 2, 4)
    return lines


def _sign_off(sign_off: SignOff) -> str:
    return "\n".join(line.rstrip() for line in _block("SIGN-OFF", sign_off.lines())[1:]) + "\n"


@streaming_renderer("text", ".txt")
def render(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """Plain text for a terminal, 100 columns wide; a few LEPs: the matrix first, then each LEP."""
    few, assessments = matrix.first_if_few(assessments)
    opened = few is not None and len(few) > 1
    if opened:
        assert few is not None
        yield matrix.render_text(few)
    separator = "\n" + "=" * WIDTH + "\n\n"
    totals: Counter[Status] = Counter()
    assessed = 0
    for assessment in assessments:
        yield (separator if assessed or opened else "") + render_one(assessment)
        totals.update(assessment.count())
        assessed += 1
    if assessed > 1:
        worded = ", ".join(f"{totals[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS if totals[s])
        yield separator + f"{assessed} LEPs assessed: {worded}\n"
    if options.sign_off is not None and assessed:
        yield separator + _sign_off(options.sign_off)
