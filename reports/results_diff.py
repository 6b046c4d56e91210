"""What changed between two results (``govcheck diff``, ``--baseline``), as text and as JSON."""

from __future__ import annotations

import json
from typing import Any

from govcheck.engine.history.baseline import Diff, Gap
from govcheck.reports.registry import RenderOptions, Subject, renderer


def _where(gap: Gap) -> str:
    return f"{gap.facts_file}:{gap.line}" if gap.line else gap.facts_file


def diff_lines(diff: Diff, verbose: bool = True) -> list[str]:
    """The diff in lines of text: a count line, then each new, worse, fixed and changed gap
    (and, when ``verbose``, each gap that persists)."""
    lines = [
        f"{len(diff.new)} new, {len(diff.fixed)} fixed, {len(diff.persisting)} persisting, "
        f"{len(diff.changed)} changed in status ({len(diff.worse)} worse)"
    ]
    for gap in diff.new:
        lines.append(f"  new       {gap.status.value:<16} {gap.severity:<6} {gap.key}  {_where(gap)}: {gap.reason}")
    for change in diff.changed:
        word = "worse" if change.worse else "better"
        lines.append(
            f"  {word:<9} {change.old.status.value} -> {change.new.status.value}  {change.key}  {_where(change.new)}"
        )
    for gap in diff.fixed:
        now = diff.fixed_now.get(gap.key)
        lines.append(f"  fixed     {gap.key}" + (f"  (now {now.value})" if now else "  (no longer in the facts)"))
    if verbose:
        for gap in diff.persisting:
            lines.append(f"  persists  {gap.status.value:<16} {gap.severity:<6} {gap.key}")
    for lep in diff.not_reassessed:
        lines.append(f"  note: {lep} is in the older result but was not assessed now; its gaps are left out")
    return lines


@renderer("text", ".txt", subject=Subject.RESULTS_DIFF)
def render_text(diff: Diff, options: RenderOptions | None = None) -> str:
    """Counts, then each gap new, changed in status, fixed and persisting, one a line."""
    return "\n".join(diff_lines(diff)) + "\n"


def _gap_json(gap: Gap) -> dict[str, Any]:
    return {
        "lep": gap.key.lep,
        "rule_id": gap.key.rule_id,
        "item": gap.key.item,
        "status": gap.status.value,
        "severity": gap.severity,
        "reason": gap.reason,
        "facts_file": gap.facts_file,
        "line": gap.line,
    }


@renderer("json", ".json", subject=Subject.RESULTS_DIFF)
def render_json(diff: Diff, options: RenderOptions | None = None) -> str:
    """The gaps new, fixed, persisting and changed, as JSON."""
    document = {
        "new": [_gap_json(g) for g in diff.new],
        "fixed": [
            {**_gap_json(g), "now": diff.fixed_now[g.key].value if g.key in diff.fixed_now else None}
            for g in diff.fixed
        ],
        "persisting": [_gap_json(g) for g in diff.persisting],
        "changed": [{**_gap_json(c.new), "was": c.old.status.value, "worse": c.worse} for c in diff.changed],
        "not_reassessed": list(diff.not_reassessed),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
