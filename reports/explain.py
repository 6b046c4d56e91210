"""``govcheck explain``: how one verdict was reached, drawn from the finding's outcome tree.

Each node of the check tree is shown with its outcome and reason, the facts it
read with their file and line, and the steps the check recorded: the values it
compared and, for working-day deadlines, every day counted or skipped and why.
"""

from __future__ import annotations

from govcheck.engine.core.outcome import Outcome
from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.wording import date_label
from govcheck.reports import needed_facts
from govcheck.reports.common import MARKS, dotted, location

# Tree drawing: the branch to a node, and what continues below it.
_BRANCH, _LAST, _PIPE, _SPACE = "├─ ", "└─ ", "│  ", "   "


def _node(assessment: Assessment, outcome: Outcome, lines: dict[str, int | None], at: str | None) -> list[str]:
    """One node's own lines: its verdict, where it stands in the facts, what it read, its steps."""
    label = f"{outcome.label}: " if outcome.label else ""
    own = [f"{MARKS[outcome.status]:<8} {label}{outcome.reason}"]
    if at is not None:
        own.append(f"  item: {at} ({location(assessment, lines.get(at))})")
    for path in dict.fromkeys(dotted(p) for p in outcome.facts):
        own.append(f"  reads: {path} ({location(assessment, lines.get(path))})")
    own += [f"  {step}" for step in outcome.detail]
    return own


def _tree(
    assessment: Assessment, outcome: Outcome, lines: dict[str, int | None], at: str | None, prefix: str
) -> list[str]:
    head, *rest = _node(assessment, outcome, lines, at)
    # The node's own lines keep the line down to its children unbroken.
    below = _PIPE if outcome.children else _SPACE
    drawn = [head] + [below + line for line in rest]
    # An `each` node's items and children run in step; `all`/`any` nodes gather items from their parts.
    paired = len(outcome.items) == len(outcome.children)
    for n, child in enumerate(outcome.children):
        last = n == len(outcome.children) - 1
        item = outcome.items[n] if paired and outcome.items[n].label == child.label else None
        sub = _tree(assessment, child, lines, dotted(item.path) if item and item.path else None, "")
        drawn.append((_LAST if last else _BRANCH) + sub[0])
        drawn += [(_SPACE if last else _PIPE) + line for line in sub[1:]]
    return [prefix + line for line in drawn]


def explain(assessment: Assessment, finding: Finding) -> str:
    """The finding, then its check tree node by node, as text."""
    lines = {e.path: e.line for e in finding.evidence}
    head = [
        f"{finding.rule_id}: {finding.title}",
        f"LEP: {assessment.organisation_name} ({assessment.organisation_id})",
        f"Facts: {assessment.facts_file} (sha256 {assessment.facts_sha256[:12]})",
        f"Assessed at {date_label(assessment.as_of)} against {assessment.pack.title}, {assessment.pack.edition} "
        f"({assessment.pack.id})",
        f"Cites: {finding.citation}; requirement {', '.join(finding.requirements)}; basis {finding.basis}; "
        f"{finding.severity} severity; {finding.obligation}",
        "",
        f"Verdict: {MARKS[finding.status]}: {finding.reason}",
        "",
        "How it was reached:",
    ]
    if finding.outcome is None:
        body = ["  (no check tree was recorded for this finding)"]
    else:
        body = _tree(assessment, finding.outcome, lines, None, "  ")
    needed = needed_facts.text_lines(finding, 0, lambda text, indent, hang: [" " * indent + text])
    tail = ["", f"Next: {finding.remediation}"] if finding.is_gap else []
    tail += ["", *needed] if needed else []
    return "\n".join(line.rstrip() for line in [*head, *body, *tail]) + "\n"
