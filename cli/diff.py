"""``govcheck diff``: what changed between two saved results, and the words for a diff."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from govcheck.cli.common import EXIT_GAPS, EXIT_OK, reports_input_errors

if TYPE_CHECKING:
    from govcheck.engine.history.baseline import Diff, Gap

SEVERITY_CHOICES = ("high", "medium", "low", "never")


def _where(gap: Gap) -> str:
    return f"{gap.facts_file}:{gap.line}" if gap.line else gap.facts_file


def describe(diff: Diff, verbose: bool = True) -> list[str]:
    """The diff in lines of text: a count line, then each new, worse, fixed and changed gap."""
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


def as_json(diff: Diff) -> dict[str, Any]:
    return {
        "new": [_gap_json(g) for g in diff.new],
        "fixed": [
            {**_gap_json(g), "now": diff.fixed_now[g.key].value if g.key in diff.fixed_now else None}
            for g in diff.fixed
        ],
        "persisting": [_gap_json(g) for g in diff.persisting],
        "changed": [{**_gap_json(c.new), "was": c.old.status.value, "worse": c.worse} for c in diff.changed],
        "not_reassessed": list(diff.not_reassessed),
    }


@click.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default="low",
    show_default=True,
    help="Exit 1 when a new or worse gap of this severity or higher is found.",
)
@reports_input_errors
def diff(old: str, new: str, format_: str, fail_on: str) -> None:
    """Compare two JSON results: gaps new, fixed, persisting and changed in status.

    Gaps are matched by LEP, rule and item, never by line. Exits 1 when NEW has a gap
    that OLD did not, or a gap in a worse status (met < missing_evidence < partial < not_met).
    """
    from govcheck.engine.history.baseline import diff as compare
    from govcheck.reports.json_reader import read_result

    before, after = read_result(old), read_result(new)
    result = compare(before.assessments, after.assessments)
    if format_ == "json":
        click.echo(json.dumps(as_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(describe(result)))
    sys.exit(EXIT_GAPS if result.failures(fail_on) else EXIT_OK)
