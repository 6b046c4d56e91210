"""The matrix of many LEPs against every rule: who falls short where, as text, Markdown and CSV.

Rows are rules grouped by topic, columns are LEPs. Each rule's pass rate is the
share of the LEPs it applies to that meet it: ``not_applicable`` and ``waived``
findings, and LEPs assessed against a pack without the rule, are left out of it.
The HTML matrix is drawn by ``reports/html.py`` from the same model.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import SEVERITIES, Status
from govcheck.engine.core.wording import date_label
from govcheck.reports.common import MARKS, NATIONAL, OTHER, STANDING_WORDS, STATUS_WORDS, gap_severity_split, standing
from govcheck.reports.escaping import csv_table, markdown_code
from govcheck.reports.escaping import markdown_text as escape
from govcheck.reports.registry import RenderOptions, renderer
from govcheck.reports.waiver_notes import waived_by

# Findings that say nothing about whether a LEP meets a rule, so a pass rate leaves them out.
_NOT_COUNTED = frozenset({Status.NOT_APPLICABLE, Status.WAIVED})


def lep_anchors(assessments: Sequence[Assessment]) -> list[str]:
    """A unique, stable id per LEP: its organisation id, numbered when two files share one."""
    seen: Counter[str] = Counter()
    anchors = []
    for assessment in assessments:
        seen[assessment.organisation_id] += 1
        count = seen[assessment.organisation_id]
        anchors.append(assessment.organisation_id + (f"-{count}" if count > 1 else ""))
    return anchors


@dataclass(frozen=True)
class Row:
    """One rule across the LEPs; a cell is None where that LEP's pack has no such rule."""

    rule_id: str
    title: str
    topic: str
    severity: str
    cells: tuple[Finding | None, ...]
    # NATIONAL when the rule is a verified national `must` for every LEP assessed against it.
    standing: str = OTHER

    @property
    def met(self) -> int:
        return sum(cell is not None and cell.status is Status.MET for cell in self.cells)

    @property
    def applicable(self) -> int:
        return sum(cell is not None and cell.status not in _NOT_COUNTED for cell in self.cells)

    @property
    def rate(self) -> str:
        """``2/3 (67%)``, or an en dash where the rule applies to no LEP."""
        if not self.applicable:
            return "–"
        return f"{self.met}/{self.applicable} ({self.met / self.applicable:.0%})"


@dataclass(frozen=True)
class Group:
    topic: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Totals:
    """One LEP's findings counted by status, and its gaps by severity."""

    statuses: Counter[Status]
    gaps: dict[str, int]
    # Gaps by severity in national requirements, and in the rest (should, local practice, unverified).
    national_gaps: dict[str, int] = field(default_factory=dict)
    other_gaps: dict[str, int] = field(default_factory=dict)

    @property
    def gap_count(self) -> int:
        return sum(self.gaps.values())


@dataclass(frozen=True)
class Matrix:
    assessments: tuple[Assessment, ...]
    anchors: tuple[str, ...]
    groups: tuple[Group, ...]

    @property
    def rule_count(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    def totals(self) -> list[Totals]:
        found = []
        for a in self.assessments:
            split = dict(gap_severity_split(a))
            found.append(
                Totals(
                    a.count(),
                    {severity: sum(f.is_gap and f.severity == severity for f in a.findings) for severity in SEVERITIES},
                    dict(split[NATIONAL]),
                    dict(split[OTHER]),
                )
            )
        return found


def topics_of(assessments: Sequence[Assessment]) -> dict[str, str]:
    """Every topic the LEPs were assessed on, id to title, in the packs' order."""
    topics: dict[str, str] = {}
    for assessment in assessments:
        for topic, title in assessment.topics.items():
            topics.setdefault(topic, title)
        for finding in assessment.findings:
            topics.setdefault(finding.topic, finding.topic_title)
    return topics


# The matrix opens a report over a few LEPs. Over many it would be too wide to read and would
# hold every assessment in memory, so from this many on it is left to the matrix formats.
MATRIX_FIRST_UP_TO = 50


def first_if_few(assessments: Iterable[Assessment]) -> tuple[list[Assessment] | None, Iterator[Assessment]]:
    """The assessments as a list if there are few enough to open with the matrix, and all of them in order."""
    iterator = iter(assessments)
    head = list(itertools.islice(iterator, MATRIX_FIRST_UP_TO + 1))
    if len(head) <= MATRIX_FIRST_UP_TO:
        return head, iter(head)
    return None, itertools.chain(head, iterator)


def build(assessments: Sequence[Assessment]) -> Matrix:
    """Every rule any LEP was assessed against, grouped by topic in the packs' order."""
    topics = topics_of(assessments)
    rules: dict[str, Finding] = {}
    for assessment in assessments:
        for finding in assessment.findings:
            rules.setdefault(finding.rule_id, finding)
    by_rule = [{f.rule_id: f for f in a.findings} for a in assessments]
    groups = []
    for topic, title in topics.items():
        rows = tuple(
            Row(f.rule_id, f.title, topic, f.severity, cells, _standing(cells, assessments))
            for f in rules.values()
            if f.topic == topic
            for cells in [tuple(found.get(f.rule_id) for found in by_rule)]
        )
        if rows:
            groups.append(Group(topic, title, rows))
    return Matrix(tuple(assessments), tuple(lep_anchors(assessments)), tuple(groups))


def _standing(cells: tuple[Finding | None, ...], assessments: Sequence[Assessment]) -> str:
    kinds = {standing(cell, a.pack) for cell, a in zip(cells, assessments, strict=True) if cell is not None}
    return NATIONAL if kinds == {NATIONAL} else OTHER


def total_rows(matrix: Matrix) -> list[tuple[str, list[int]]]:
    totals = matrix.totals()
    rows = [("rules met", [t.statuses[Status.MET] for t in totals]), ("gaps", [t.gap_count for t in totals])]
    rows += [(f"gaps of {severity} severity", [t.gaps[severity] for t in totals]) for severity in SEVERITIES]
    for kind, counts in ((NATIONAL, "national_gaps"), (OTHER, "other_gaps")):
        rows += [
            (f"{severity} gaps: {STANDING_WORDS[kind]}", [getattr(t, counts)[severity] for t in totals])
            for severity in SEVERITIES
        ]
    for status in (Status.NOT_APPLICABLE, Status.WAIVED):
        rows.append((STATUS_WORDS[status], [t.statuses[status] for t in totals]))
    return rows


NATIONAL_MARK = "*"
NATIONAL_MARK_LEGEND = (
    f"{NATIONAL_MARK} a national requirement ({STANDING_WORDS[NATIONAL].split('(')[1]}; the rest are "
    + (f"{STANDING_WORDS[OTHER]}")
)


def _marked(row: Row) -> str:
    return f"{row.rule_id} {NATIONAL_MARK}" if row.standing == NATIONAL else row.rule_id


def _legend(assessment: Assessment) -> str:
    text = (
        f"{assessment.organisation_name} ({assessment.organisation_id}): {assessment.facts_file}, "
        f"at {date_label(assessment.as_of)}, {assessment.pack.id}"
    )
    return " ".join(text.split())  # a line break inside a name never starts a line of its own


def render_text(assessments: Sequence[Assessment]) -> str:
    matrix = build(assessments)
    cell = 9
    names = [f"[{n}]" for n in range(1, len(assessments) + 1)]
    width = max([len(_marked(row)) for group in matrix.groups for row in group.rows] + [26]) + 4
    lines = [f"Matrix: {len(assessments)} LEPs x {matrix.rule_count} rules", ""]
    lines += [f"  {name} {_legend(a)}" for name, a in zip(names, assessments, strict=True)]
    lines += ["", NATIONAL_MARK_LEGEND]
    lines += [
        "",
        " " * width + "".join(f"{name:<{cell}}" for name in names) + "pass rate",
        "-" * (width + cell * len(names) + 10),
    ]
    for group in matrix.groups:
        lines += ["", group.title]
        for row in group.rows:
            marks = "".join(f"{MARKS[c.status] if c else '–':<{cell}}" for c in row.cells)
            lines.append(f"  {_marked(row):<{width - 2}}{marks}{row.rate}")
    lines += ["", "Totals for each LEP"]
    for label, values in total_rows(matrix):
        lines.append(f"  {label:<{width - 2}}" + "".join(f"{value:<{cell}}" for value in values))
    waived = waived_cells(matrix)
    if waived:
        lines += ["", "Waived"]
        lines += [f"  [{n}] {rule_id}: {note}" for n, rule_id, note in waived]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def waived_cells(matrix: Matrix) -> list[tuple[int, str, str]]:
    """(LEP number, rule id, waiver note) for each cell a waiver covers in whole or in part."""
    found = []
    for group in matrix.groups:
        for row in group.rows:
            for n, cell in enumerate(row.cells, start=1):
                note = waived_by(cell) if cell is not None else None
                if note:
                    found.append((n, row.rule_id, note))
    return found


def render_markdown(assessments: Sequence[Assessment]) -> str:
    matrix = build(assessments)
    totals = matrix.totals()
    lines = [
        f"# Matrix: {len(assessments)} LEPs × {matrix.rule_count} rules",
        "",
        "| # | LEP | facts | as of | pack | met | gaps | high | medium | low | national gaps | other gaps |",
        "| ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, (a, t) in enumerate(zip(assessments, totals, strict=True), start=1):
        facts = markdown_code(a.facts_file, in_table=True)
        lines.append(
            f"| {n} | {escape(a.organisation_name)} | {facts} | {date_label(a.as_of)} | {a.pack.id} "
            f"| {t.statuses[Status.MET]} | {t.gap_count} | "
            + " | ".join(str(t.gaps[s]) for s in SEVERITIES)
            + f" | {sum(t.national_gaps.values())} | {sum(t.other_gaps.values())} |"
        )
    lines += [
        "",
        f"National gaps: in {STANDING_WORDS[NATIONAL]}; other gaps: in {STANDING_WORDS[OTHER]} rules. "
        f"{escape(NATIONAL_MARK)} marks a national requirement.",
    ]
    numbers = " | ".join(f"[{n}]" for n in range(1, len(assessments) + 1))
    lines += ["", f"| rule | {numbers} | pass rate |", "| --- | " + "--- | " * len(assessments) + "---: |"]
    for group in matrix.groups:
        lines.append(f"| **{escape(group.title)}** |" + " |" * (len(assessments) + 1))
        for row in group.rows:
            cells = " | ".join(STATUS_WORDS[c.status] if c else "–" for c in row.cells)
            mark = f" {escape(NATIONAL_MARK)}" if row.standing == NATIONAL else ""
            lines.append(f"| `{row.rule_id}`{mark} | {cells} | {row.rate} |")
    waived = waived_cells(matrix)
    if waived:
        lines += ["", "Waived:", ""]
        lines += [f"- [{n}] `{rule_id}`: {escape(note)}" for n, rule_id, note in waived]
    return "\n".join(lines) + "\n"


def render_csv(assessments: Sequence[Assessment]) -> str:
    matrix = build(assessments)
    rows: list[list[object]] = []
    for group in matrix.groups:
        for row in group.rows:
            rate = f"{row.met / row.applicable:.2f}" if row.applicable else ""
            cells = [c.status.value if c else "" for c in row.cells]
            rows.append(
                [group.title, row.rule_id, row.title, row.severity, row.standing, *cells, row.met, row.applicable, rate]
            )
    rows += [["totals", label, "", "", "", *values, "", "", ""] for label, values in total_rows(matrix)]
    for group in matrix.groups:
        for row in group.rows:
            notes = [(waived_by(c) or "") if c is not None else "" for c in row.cells]
            if any(notes):
                rows.append(["waiver", row.rule_id, row.title, row.severity, row.standing, *notes, "", "", ""])
    header = ["topic", "rule_id", "title", "severity", "standing", *matrix.anchors, "met", "applies_to", "pass_rate"]
    return csv_table(header, rows)


@renderer("matrix", ".matrix.txt")
def render_matrix_text(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The matrix alone, as text: each LEP against every rule, with pass rates and totals."""
    return render_text(assessments)


@renderer("matrix-markdown", ".matrix.md")
def render_matrix_markdown(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The matrix alone, as Markdown tables."""
    return render_markdown(assessments)


@renderer("matrix-csv", ".matrix.csv")
def render_matrix_csv(assessments: Sequence[Assessment], options: RenderOptions) -> str:
    """The matrix alone, as CSV: a row per rule, a column per LEP, then each LEP's totals."""
    return render_csv(assessments)
