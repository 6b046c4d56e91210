"""``govcheck rules diff OLD NEW [FACTS...]``: what changed between two editions, and whose verdicts move."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

import click

from govcheck.cli.check import parse_date
from govcheck.cli.common import EXIT_INPUT, EXIT_OK, reports_input_errors

if TYPE_CHECKING:
    from govcheck.engine.core.results import Assessment
    from govcheck.engine.packs.loading import RulePack
    from govcheck.engine.packs.pack_diff import PackDiff, VerdictChange


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.argument("facts", nargs=-1, type=click.Path(path_type=str))
@click.option("--as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Assess at this date instead of each as_of.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_input_errors
def diff(old: str, new: str, facts: tuple[str, ...], as_of: dt.date | None, format_: str) -> None:
    """Compare two rule packs (ids or folders): rules added, retired and changed.

    Given FACTS files (or folders of them), assess each under both packs and list the
    findings whose status differs.
    """
    from govcheck.engine.assess.assessor import facts_paths
    from govcheck.engine.assess.evaluate import Context, evaluate
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.loader import load_facts
    from govcheck.engine.packs.catalogue import load_catalogue
    from govcheck.engine.packs.loading import load_pack
    from govcheck.engine.packs.pack_diff import diff_packs, diff_verdicts

    before, after = load_pack(old), load_pack(new)
    changes = diff_packs(before, after, after.catalogue or load_catalogue())
    verdicts: list[tuple[Assessment, tuple[VerdictChange, ...]]] = []
    broken = False
    for path in facts_paths(facts):
        try:
            facts_file = load_facts(path)
        except InputError as error:  # one broken file never hides the others
            broken = True
            for problem in error.problems:
                click.echo(f"error: {problem}", err=True)
            continue
        context = Context(as_of)
        then, now = evaluate(before, facts_file, context), evaluate(after, facts_file, context)
        verdicts.append((now, diff_verdicts(then, now)))
    if format_ == "json":
        click.echo(json.dumps(_json(before, after, changes, verdicts), indent=2))
    else:
        click.echo(_text(before, after, changes, verdicts), nl=False)
    sys.exit(EXIT_INPUT if broken else EXIT_OK)


def _status(status: Any, pack: RulePack) -> str:
    return status.value if status is not None else f"not in {pack.id}"


def _text(
    before: RulePack,
    after: RulePack,
    changes: PackDiff,
    verdicts: list[tuple[Assessment, tuple[VerdictChange, ...]]],
) -> str:
    from govcheck.engine.core.wording import date_label

    lines = [f"{before.id} ({before.spec.edition}) -> {after.id} ({after.spec.edition})"]
    old_edition, new_edition = before.spec.catalogue_edition, after.spec.catalogue_edition
    for label, ids in (
        (f"Requirements of edition {new_edition} not in edition {old_edition}", changes.requirements_added),
        (f"Requirements of edition {old_edition} not in edition {new_edition}", changes.requirements_dropped),
    ):
        if ids:
            lines.append(f"{label} ({len(ids)}): {', '.join(ids)}")
    sections: list[tuple[str, list[str]]] = [
        ("Rules added", [f"  + {rule_id}" for rule_id in changes.added]),
        ("Rules retired", [f"  - {rule_id}" for rule_id in changes.retired]),
        ("Rules changed", [f"  ~ {change.rule_id}: {', '.join(change.fields)}" for change in changes.changed]),
    ]
    for title, entries in sections:
        lines += [f"{title} ({len(entries)}):", *entries] if entries else [f"{title}: none"]
    for assessment, moved in verdicts:
        who = f"{assessment.organisation_name} ({assessment.facts_file}) at {date_label(assessment.as_of)}"
        if not moved:
            lines.append(f"No verdict differs for {who}")
            continue
        lines.append(f"Verdicts that differ for {who} ({len(moved)}):")
        for change in moved:
            lines.append(
                f"  {change.rule_id}: {_status(change.old, before)} -> {_status(change.new, after)}"
                + (f" ({change.new_reason})" if change.new_reason else "")
            )
    return "\n".join(lines) + "\n"


def _json(
    before: RulePack,
    after: RulePack,
    changes: PackDiff,
    verdicts: list[tuple[Assessment, tuple[VerdictChange, ...]]],
) -> dict[str, Any]:
    return {
        "old": {"id": before.id, "edition": before.spec.edition},
        "new": {"id": after.id, "edition": after.spec.edition},
        "requirements_added": list(changes.requirements_added),
        "requirements_dropped": list(changes.requirements_dropped),
        "rules_added": list(changes.added),
        "rules_retired": list(changes.retired),
        "rules_changed": [{"id": c.rule_id, "fields": list(c.fields)} for c in changes.changed],
        "verdicts": [
            {
                "organisation": assessment.organisation_id,
                "facts_file": assessment.facts_file,
                "as_of": assessment.as_of.isoformat(),
                "changes": [
                    {
                        "rule_id": c.rule_id,
                        "title": c.title,
                        "old": c.old.value if c.old else None,
                        "new": c.new.value if c.new else None,
                        "old_reason": c.old_reason,
                        "new_reason": c.new_reason,
                    }
                    for c in moved
                ],
            }
            for assessment, moved in verdicts
        ],
    }
