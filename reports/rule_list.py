"""A pack's rules, one a line or as JSON (``govcheck rules list``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from govcheck.engine.packs.loading import Rule, RulePack
from govcheck.reports.registry import RenderOptions, Subject, renderer


@dataclass(frozen=True)
class RuleList:
    pack: RulePack
    rules: tuple[Rule, ...]  # the pack's rules chosen (all, or one topic's)


@renderer("text", ".txt", subject=Subject.RULE_LIST)
def render_text(listed: RuleList, options: RenderOptions | None = None) -> str:
    """Each rule's id, severity, obligation and requirements, then how many."""
    lines = [
        f"{rule.id:<62} {rule.spec.severity:<6} {rule.spec.obligation:<6} {','.join(rule.spec.requirements)}"
        for rule in listed.rules
    ]
    lines.append(f"{len(listed.rules)} rules in {listed.pack.id} ({listed.pack.spec.edition})")
    return "\n".join(lines) + "\n"


@renderer("json", ".json", subject=Subject.RULE_LIST)
def render_json(listed: RuleList, options: RenderOptions | None = None) -> str:
    """Each rule's id, title, topic, severity, obligation, basis, requirements and citation."""
    document = [
        {
            "id": r.id,
            "title": r.spec.title,
            "topic": r.spec.topic,
            "severity": r.spec.severity,
            "obligation": r.spec.obligation,
            "basis": r.spec.basis,
            "requirements": r.spec.requirements,
            "citation": str(r.spec.cite),
        }
        for r in listed.rules
    ]
    return json.dumps(document, indent=2) + "\n"
