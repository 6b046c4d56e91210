"""HTML reports: the gap report, the matrix and the improvement plan, each one self-contained file.

Templates live in ``reports/templates``. Every value is autoescaped, so a board
member named ``<script>`` is shown as text; the page's own style and script are
inline and pinned by hash in a Content-Security-Policy that allows nothing else,
so even a value that slipped through could neither run nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from govcheck.engine.core.results import STATUS_ORDER, Assessment, Finding
from govcheck.engine.core.status import SEVERITIES, Status
from govcheck.engine.core.wording import date_label
from govcheck.reports import matrix, plan
from govcheck.reports.common import (
    STANDING_WORDS,
    STATUS_WORDS,
    by_topic,
    cited_addresses,
    gap_severity_counts,
    gap_severity_split,
    gaps_then_rest,
    location,
    standing,
)
from govcheck.reports.provenance import provenance
from govcheck.reports.registry import RenderOptions, renderer
from govcheck.reports.urls import links, web_address
from govcheck.reports.waiver_notes import waived_by, waiver_notes

if TYPE_CHECKING:
    import jinja2

# A symbol beside each status word, so status never rests on colour alone.
SYMBOLS = {
    Status.MET: "✓",
    Status.PARTIAL: "◐",
    Status.NOT_MET: "✗",
    Status.MISSING_EVIDENCE: "?",
    Status.NOT_APPLICABLE: "–",
    Status.WAIVED: "⊘",
    Status.ERROR: "!",
}
BASIS_WORDS = {"V": "verified", "C": "corroborated", "M": "unverified"}


def cited(finding: Finding) -> list[str]:
    """The evidence the facts cite for a finding, each once, in the order read."""
    return list(dict.fromkeys(e.cited for e in finding.evidence if e.cited))


def _template_text(name: str) -> str:
    return (files("govcheck.reports") / "templates" / name).read_text(encoding="utf-8")


@cache
def environment() -> jinja2.Environment:
    import jinja2  # here, not above: every report is registered at start, and most runs write no HTML

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        STATUS_WORDS=STATUS_WORDS,
        STATUS_ORDER=STATUS_ORDER,
        STATE_WORDS=plan.STATE_WORDS,
        BASIS_WORDS=BASIS_WORDS,
        SYMBOLS=SYMBOLS,
        date_label=date_label,
        by_topic=by_topic,
        gaps_then_rest=gaps_then_rest,
        gap_severity_counts=gap_severity_counts,
        location=location,
        links=links,
        cited=cited,
        web_address=web_address,
        total_rows=matrix.total_rows,
        overview=plan.overview,
        Status=Status,
        STANDING_WORDS=STANDING_WORDS,
        standing=standing,
        gap_severity_split=gap_severity_split,
        cited_addresses=cited_addresses,
        waiver_notes=waiver_notes,
        waived_by=waived_by,
        provenance=provenance,
    )
    return env


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def page(template: str, title: str, **context: Any) -> str:
    """A whole HTML document from ``template``, with the shared style and script inline."""
    from markupsafe import Markup

    style, script = _template_text("report.css"), _template_text("report.js")
    policy = (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    html = (
        environment()
        .get_template(template)
        .render(
            title=title,
            style=Markup(style),
            script=Markup(script),
            policy=policy,
            **context,
        )
    )
    return html.rstrip() + "\n"


def _counted(findings: list[Finding]) -> str:
    # Findings and gaps both, so a filter's count agrees with the summary's gaps by severity.
    gaps = sum(f.is_gap for f in findings)
    return f"{len(findings)} finding{'s' * (len(findings) != 1)}, {gaps} gap{'s' * (gaps != 1)}"


def filter_choices(assessments: Sequence[Assessment], topics: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    """The choices the page's filters offer: (value, words, count) per status, severity, standing and topic."""
    findings = [f for a in assessments for f in a.findings]
    standings = [standing(f, a.pack) for a in assessments for f in a.findings]
    statuses = [s for s in STATUS_ORDER if any(f.status is s for f in findings)]
    return {
        "status": [(s.value, STATUS_WORDS[s], str(sum(f.status is s for f in findings))) for s in statuses],
        "severity": [(s, s, _counted([f for f in findings if f.severity == s])) for s in SEVERITIES],
        "standing": [
            (kind, words, _counted([f for f, k in zip(findings, standings, strict=True) if k == kind]))
            for kind, words in STANDING_WORDS.items()
        ],
        "topic": [(t, title, str(sum(f.topic == t for f in findings))) for t, title in topics.items()],
    }


@renderer("html", ".html", ".htm")
def render(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """One self-contained HTML page; several LEPs: the matrix first, then each LEP's report."""
    several = len(assessments) > 1
    title = f"Gap reports: {len(assessments)} LEPs" if several else f"Gap report: {assessments[0].organisation_name}"
    return page(
        "report.html.j2",
        title,
        assessments=assessments,
        anchors=matrix.lep_anchors(assessments),
        matrix=matrix.build(assessments) if several else None,
        choices=filter_choices(assessments, matrix.topics_of(assessments)),
        sign_off=options.sign_off,
    )


def _rules(count: int) -> str:
    return f"{count} rule{'s' * (count != 1)}"


@renderer("matrix-html", ".matrix.html")
def render_matrix(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The matrix alone, as a self-contained HTML page."""
    built = matrix.build(assessments)
    rows = [row for group in built.groups for row in group.rows]
    # A row holds several LEPs' statuses, so the matrix filters by severity and topic only.
    choices = {
        "severity": [(s, s, _rules(sum(row.severity == s for row in rows))) for s in SEVERITIES],
        "standing": [(k, words, _rules(sum(row.standing == k for row in rows))) for k, words in STANDING_WORDS.items()],
        "topic": [(group.topic, group.title, _rules(len(group.rows))) for group in built.groups],
    }
    return page(
        "matrix.html.j2", f"Matrix: {len(assessments)} LEPs × {built.rule_count} rules", matrix=built, choices=choices
    )


@renderer("plan-html", ".plan.html")
def render_plan(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The improvement plan in the four-column template, as a self-contained HTML page."""
    plans = [plan.build(a) for a in assessments]
    title = "Improvement plans" if len(plans) > 1 else f"Improvement plan: {assessments[0].organisation_name}"
    return page("plan.html.j2", title, plans=plans, anchors=matrix.lep_anchors(assessments))
