"""Evaluation: a rule pack against one LEP's facts, at a date, gives one finding per rule.

Pure and deterministic: no I/O, no clock. The same pack, facts and context give
the same assessment. A check that raises is captured as that rule's ``error``
finding, so one defect never hides the other verdicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from govcheck.checks import REGISTRY
from govcheck.checks.base import CheckContext, ItemResult, Outcome, Status
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.checktree import CheckNode
from govcheck.engine.facts_loader import FactsFile
from govcheck.engine.results import (
    ActionMilestone,
    Assessment,
    Evidence,
    Finding,
    ImprovementAction,
    PackInfo,
    WaiverRecord,
)
from govcheck.engine.rules import Rule, RulePack
from govcheck.engine.views import VIEWS
from govcheck.engine.waivers import apply_waivers
from govcheck.engine.yamlsource import PathKey

# How statuses combine: `all` takes the worst of its parts, `any` the best.
_BADNESS = {
    Status.MET: 0,
    Status.NOT_APPLICABLE: 0,
    Status.WAIVED: 0,
    Status.MISSING_EVIDENCE: 1,
    Status.PARTIAL: 2,
    Status.NOT_MET: 3,
    Status.ERROR: 4,
}


@dataclass(frozen=True)
class Context:
    """What an evaluation depends on besides rules and facts."""

    as_of: dt.date | None = None  # None: the facts file's own as_of
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    waivers: tuple[WaiverRecord, ...] = ()


def evaluate(pack: RulePack, facts_file: FactsFile, context: Context) -> Assessment:
    facts = facts_file.facts
    check_context = CheckContext(context.as_of or facts.as_of, context.calendar, facts)
    findings = tuple(_finding(rule, pack, facts_file, check_context) for rule in pack.rules)
    # Waivers come after every verdict is reached, so they can only turn gaps into `waived`.
    findings, waiver_states = apply_waivers(findings, context.waivers, facts, check_context.as_of, context.calendar)
    return Assessment(
        organisation_id=facts.organisation.id,
        organisation_name=facts.organisation.name,
        facts_file=facts_file.path,
        facts_sha256=facts_file.sha256,
        as_of=check_context.as_of,
        pack=PackInfo(pack.id, pack.spec.title, pack.spec.edition, pack.spec.publisher),
        findings=findings,
        topics=dict(pack.topics),
        waivers=waiver_states,
        improvement_actions=_improvement_actions(facts_file),
    )


def _improvement_actions(facts_file: FactsFile) -> tuple[ImprovementAction, ...]:
    plan = facts_file.facts.improvement_plan
    return tuple(
        ImprovementAction(
            id=action.id,
            summary=action.summary,
            addresses=tuple(action.addresses),
            owner=action.owner,
            status=action.status,
            milestones=tuple(ActionMilestone(m.description, m.due_on, m.completed_on) for m in action.milestones),
            line=facts_file.source.line_of(("improvement_plan", "actions", i)),
        )
        for i, action in enumerate(plan.actions if plan else [])
    )


def evaluate_rule(rule: Rule, ctx: CheckContext) -> Outcome:
    """The outcome of one rule, ``applies_when`` included, with crashes captured as ``error``."""
    try:
        if rule.applies_when is not None:
            applies = run(rule.applies_when, ctx.facts, ctx)
            if applies.status is not Status.MET:
                return Outcome(
                    Status.NOT_APPLICABLE,
                    f"does not apply: {applies.reason}",
                    children=(applies,),
                    facts=applies.facts,
                    label="applies when",
                )
        return run(rule.check, ctx.facts, ctx)
    except Exception as error:  # noqa: BLE001 - reported as this rule's result, never raised
        return Outcome(Status.ERROR, f"the check failed: {type(error).__name__}: {error}")


def _finding(rule: Rule, pack: RulePack, facts_file: FactsFile, ctx: CheckContext) -> Finding:
    outcome = evaluate_rule(rule, ctx)
    source = facts_file.source
    items = outcome.items
    return Finding(
        rule_id=rule.id,
        title=rule.spec.title,
        topic=rule.spec.topic,
        topic_title=pack.topics.get(rule.spec.topic, rule.spec.topic),
        severity=rule.spec.severity,
        obligation=rule.spec.obligation,
        basis=rule.spec.basis,
        requirements=tuple(rule.spec.requirements),
        citation=str(rule.spec.cite),
        citation_url=rule.spec.cite.url,
        status=outcome.status,
        reason=outcome.reason,
        items=items,
        item_lines=tuple(source.line_of(item.path) if item.path else None for item in items),
        passed=outcome.passed,
        total=outcome.total,
        evidence=_evidence(outcome, facts_file),
        remediation=rule.spec.remediation,
        outcome=outcome,
    )


def _evidence(outcome: Outcome, facts_file: FactsFile) -> tuple[Evidence, ...]:
    """Every facts path the outcome read, with its line and the evidence the facts cite for it."""
    paths: dict[PathKey, None] = {}

    def collect(node: Outcome) -> None:
        for path in node.facts:
            paths.setdefault(path, None)
        for item in node.items:
            if item.path:
                paths.setdefault(item.path, None)
        for child in node.children:
            collect(child)

    collect(outcome)
    found = []
    for path in paths:
        found.append(Evidence(_dotted(path), facts_file.source.line_of(path), _cited(facts_file.facts, path)))
    return tuple(found)


def _cited(root: Any, path: PathKey) -> str | None:
    """The evidence recorded on the fact at ``path`` or the nearest fact enclosing it."""
    chain = [root]
    current = root
    for part in path:
        if isinstance(part, int):
            current = current[part] if isinstance(current, list) and part < len(current) else None
        elif isinstance(current, dict):
            current = current.get(part)
        else:
            current = getattr(current, part, None)
        if current is None:
            break
        chain.append(current)
    for value in reversed(chain):
        evidence = getattr(value, "evidence", None)
        if evidence is not None:
            parts = [evidence.document, evidence.section and f"section {evidence.section}", evidence.url]
            return ", ".join(p for p in parts if p)
    return None


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def run(node: CheckNode, value: Any, ctx: CheckContext) -> Outcome:
    """Evaluate one node of a check tree against ``value`` (the facts, or an item of a view)."""
    if node.each is None:
        return _single(node, value, ctx)
    view = VIEWS[node.each]
    items = [item for item in view.items(ctx.facts, ctx.as_of) if node.where is None or node.where.holds(item.value)]
    scope = view.name.replace("_", " ") + (f" where {node.where.describe()}" if node.where else "")
    unrecorded = view.unrecorded(ctx.facts, ctx.as_of) if view.unrecorded and node.where is None else []
    if not items and not unrecorded:
        return Outcome(node.when_empty, f"no {scope} recorded", detail=(f"each {scope}: none",), label=scope)
    results = []
    children = []
    for item in items:
        outcome = _single(node, item.value, ctx.within(item.path, item.label, item.roots))
        children.append(
            Outcome(
                outcome.status,
                outcome.reason,
                outcome.items,
                outcome.passed,
                outcome.total,
                outcome.facts,
                outcome.detail,
                outcome.children,
                item.label,
            )
        )
        results.append(ItemResult(item.label, outcome.status, outcome.reason, item.path))
    for parent in unrecorded:
        results.append(
            ItemResult(
                parent.label,
                Status.MISSING_EVIDENCE,
                f"not recorded whether there were any {view.name.replace('_', ' ')}",
                parent.path,
            )
        )
    return _aggregate(scope, results, tuple(children))


def _aggregate(scope: str, results: list[ItemResult], children: tuple[Outcome, ...]) -> Outcome:
    passed = sum(r.status in (Status.MET, Status.NOT_APPLICABLE) for r in results)
    failed = sum(r.status in (Status.NOT_MET, Status.PARTIAL, Status.ERROR) for r in results)
    unknown = len(results) - passed - failed
    total = len(results)
    if failed == 0 and unknown == 0:
        status, reason = Status.MET, f"all {total} {scope} pass"
    elif failed == 0:
        status, reason = Status.MISSING_EVIDENCE, f"{unknown} of {total} {scope} lack the facts to decide"
    elif passed == 0 and unknown == 0:
        status, reason = Status.NOT_MET, f"none of {total} {scope} pass"
    elif passed == 0:
        status = Status.NOT_MET
        reason = f"none of {total} {scope} pass ({failed} fail, {unknown} lack the facts)"
    else:
        status = Status.PARTIAL
        reason = f"{passed} of {total} {scope} pass, {failed} fail" + (f", {unknown} lack the facts" if unknown else "")
    if any(r.status is Status.ERROR for r in results):
        status = Status.ERROR
    return Outcome(status, reason, tuple(results), passed, total, children=children, label=scope)


def _single(node: CheckNode, value: Any, ctx: CheckContext) -> Outcome:
    if node.kind == "all":
        parts = [run(child, value, ctx) for child in node.children]
        status = max((p.status for p in parts), key=_BADNESS.__getitem__)
        return _combined(status, parts, "and", "all of")
    if node.kind == "any":
        parts = [run(child, value, ctx) for child in node.children]
        status = min((p.status for p in parts), key=_BADNESS.__getitem__)
        return _combined(status, parts, "or", "any of")
    if node.kind == "not":
        inner = run(node.children[0], value, ctx)
        flipped = {Status.MET: Status.NOT_MET, Status.NOT_MET: Status.MET, Status.PARTIAL: Status.NOT_MET}
        status = flipped.get(inner.status, inner.status)
        return Outcome(status, f"not: {inner.reason}", facts=inner.facts, children=(inner,), label="not")
    kind = REGISTRY[node.kind]
    outcome = kind.function(value, node.params, ctx)
    return Outcome(
        outcome.status,
        outcome.reason,
        outcome.items,
        outcome.passed,
        outcome.total,
        outcome.facts,
        outcome.detail,
        outcome.children,
        outcome.label or node.kind,
    )


def _combined(status: Status, parts: list[Outcome], joiner: str, label: str) -> Outcome:
    # The reason shown is that of the parts that decided the status; items and counts add up.
    deciding = [p for p in parts if p.status is status] or parts
    reason = f"; {joiner} ".join(dict.fromkeys(p.reason for p in deciding))
    items = tuple(item for p in parts for item in p.items)
    counted = [p for p in parts if p.total is not None]
    passed = sum(p.passed or 0 for p in counted) if counted else None
    total = sum(p.total or 0 for p in counted) if counted else None
    return Outcome(
        status,
        reason,
        items,
        passed,
        total,
        children=tuple(parts),
        facts=tuple(path for p in parts for path in p.facts),
        label=label,
    )
