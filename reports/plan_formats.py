"""The improvement plan as Markdown (``--format plan``) and as CSV for spreadsheets (``plan-csv``).

The HTML plan is drawn by ``reports/html.py`` from the same ``reports/plan.py`` model.
"""

from __future__ import annotations

from collections.abc import Sequence

from govcheck.engine.core.results import Assessment
from govcheck.engine.core.wording import date_label
from govcheck.reports.escaping import csv_table, markdown_code
from govcheck.reports.escaping import markdown_text as escape
from govcheck.reports.plan import STATE_WORDS, Plan, Row, build, overview
from govcheck.reports.registry import RenderOptions, renderer


def _summary_lines(row: Row) -> list[str]:
    """The first column: the improvement, who leads it, where it stands, and its KPIs."""
    source = f" ({row.source})" if row.source else ""
    lines = [f"{row.number}. {row.summary}{source}", f"Lead: {row.owner}. Status: {STATE_WORDS[row.state]}."]
    lines += row.status
    if row.kpis:
        lines += ["KPIs:", *(f"• {k}" for k in row.kpis)]
    return lines


def _markdown_row(row: Row) -> str:
    summary = _summary_lines(row)
    cells = [
        [f"**{escape(summary[0])}**", *map(escape, summary[1:])],
        [escape(f"• {m.words()}") for m in row.milestones] or ["–"],
        [escape(row.monitoring)],
        [""],  # the Area Lead's progress update, for the Area Lead to fill in
    ]
    return "| " + " | ".join("<br>".join(cell) for cell in cells) + " |"


def render_markdown_one(plan: Plan) -> str:
    a = plan.assessment
    t = plan.template
    lines = [
        f"# Improvement plan: {escape(a.organisation_name)}",
        "",
        f"Drafted from the gap report at **{date_label(a.as_of)}** against {escape(a.pack.title)}, "
        f"{escape(a.pack.edition)} (`{a.pack.id}`).  ",
        f"Facts: {markdown_code(a.facts_file)} (sha256 `{a.facts_sha256[:12]}`)",
        "",
        escape(overview(plan)),
    ]
    for section, rows in plan.sections:
        lines += ["", f"## {escape(section.title)}", ""]
        if not rows:
            lines.append("No gaps and no actions in this section.")
            continue
        lines.append("| " + " | ".join(escape(c.title) for c in t.columns) + " |")
        lines.append("| --- | --- | --- | --- |")
        lines += [_markdown_row(row) for row in rows]
    return "\n".join(lines) + "\n"


@renderer("plan", ".plan.md")
def render_markdown(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The improvement plan in the four-column template, as Markdown."""
    return "\n---\n\n".join(render_markdown_one(build(a)) for a in assessments)


CSV_COLUMNS = (
    "organisation",
    "section",
    "row",
    "improvement_summary",
    "milestones",
    "monitoring_process",
    "area_lead_progress_update",
    "state",
    "status",
    "owner",
    "first_due",
    "rules",
    "lep_action",
)


@renderer("plan-csv", ".plan.csv")
def render_csv(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The improvement plan as CSV, a row per plan row, the template's four columns first."""
    rows: list[list[object]] = []
    for assessment in assessments:
        for section, section_rows in build(assessment).sections:
            for row in section_rows:
                rows.append(
                    [
                        assessment.organisation_id,
                        section.title,
                        row.number,
                        "\n".join(_summary_lines(row)),
                        "\n".join(f"• {m.words()}" for m in row.milestones),
                        row.monitoring,
                        "",  # the Area Lead's to fill in
                        row.state.value,
                        " ".join(row.status),
                        row.owner,
                        row.first_due.isoformat() if row.first_due else "",
                        " ".join(f.rule_id for f in row.findings),
                        row.action.id if row.action else "",
                    ]
                )
    return csv_table(CSV_COLUMNS, rows)
