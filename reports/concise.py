"""Concise: one line per gap, as linters print theirs, then one line of totals.

``frameworks/my-lep.yaml:177: high not met registers.published-within-28-days [Dame H. F.]:
register published 30 Dec 2019, ...``: the file and line to open, how serious, the rule, the
item and why, so an editor or a terminal can jump to each. Meant for pre-commit hooks and
terminals; a rule with several failing items gives a line for each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import SEVERITIES
from govcheck.reports.registry import RenderOptions, streaming_renderer


@streaming_renderer("concise")
def concise(assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
    """One line per gap (file:line: severity status rule [item]: why), then the totals."""
    del options  # every gap is listed; --fail-on decides only the exit code
    leps = 0
    by_severity: Counter[str] = Counter()
    for assessment in assessments:
        leps += 1
        lines: list[tuple[int, str]] = []
        for finding in assessment.gaps():
            by_severity[finding.severity] += 1
            lines.extend(_lines(assessment, finding))
        # In the order of the file, as an editor steps through them (a rule's own order where lines tie).
        yield from (text for _, text in sorted(lines, key=lambda line: line[0]))
    total = sum(by_severity.values())
    counts = ", ".join(f"{by_severity[s]} {s}" for s in SEVERITIES if by_severity[s])
    noun = "gap" if total == 1 else "gaps"
    yield f"{total} {noun} in {leps} LEP{'' if leps == 1 else 's'}" + (f" ({counts})" if counts else "") + "\n"


def _lines(assessment: Assessment, finding: Finding) -> Iterator[tuple[int, str]]:
    status = finding.status.value.replace("_", " ")
    head = f"{finding.severity} {status} {finding.rule_id}"
    failing = finding.failing_items
    if not failing:
        yield finding.line or 0, f"{_where(assessment, finding.line)}: {head}: {_one_line(finding.reason)}\n"
        return
    for item, item_line in failing:
        line = item_line or finding.line
        yield line or 0, f"{_where(assessment, line)}: {head} [{_one_line(item.label)}]: {_one_line(item.reason)}\n"


def _where(assessment: Assessment, line: int | None) -> str:
    return f"{assessment.facts_file}:{line}" if line else assessment.facts_file


def _one_line(text: str) -> str:
    return " ".join(text.split())
