"""Two editions compared (``govcheck rules diff``): rules added, retired and changed, and verdicts that move."""

from __future__ import annotations

import json
from typing import Any

from govcheck.engine.assess.edition_diff import EditionComparison
from govcheck.engine.core.status import Status
from govcheck.engine.core.wording import date_label
from govcheck.engine.packs.loading import RulePack
from govcheck.reports.registry import RenderOptions, Subject, renderer


def _status(status: Status | None, pack: RulePack) -> str:
    return status.value if status is not None else f"not in {pack.id}"


@renderer("text", ".txt", subject=Subject.EDITION_DIFF)
def render_text(comparison: EditionComparison, options: RenderOptions | None = None) -> str:
    """The requirements and rules that differ between the editions, then each LEP's verdicts that move."""
    before, after, changes = comparison.before, comparison.after, comparison.changes
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
    for assessment, moved in comparison.verdicts:
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


@renderer("json", ".json", subject=Subject.EDITION_DIFF)
def render_json(comparison: EditionComparison, options: RenderOptions | None = None) -> str:
    """The same as JSON."""
    before, after, changes = comparison.before, comparison.after, comparison.changes
    document: dict[str, Any] = {
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
            for assessment, moved in comparison.verdicts
        ],
    }
    return json.dumps(document, indent=2) + "\n"
