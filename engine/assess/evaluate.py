"""Evaluation: a rule pack against one LEP's facts, at a date, gives one finding per rule.

Pure and deterministic: no I/O, no clock. The same pack, facts and context give
the same assessment. A check that raises is captured as that rule's ``error``
finding, so one defect never hides the other verdicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from govcheck.checks import REGISTRY
from govcheck.checks.base import CheckContext
from govcheck.engine.assess.needed import facts_needed, view_needs
from govcheck.engine.assess.waivers import apply_waivers
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.outcome import ItemResult, Outcome
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import (
    ActionMilestone,
    Assessment,
    Evidence,
    Finding,
    ImprovementAction,
    PackInfo,
    WaiverRecord,
)
from govcheck.engine.core.status import BADNESS, Status
from govcheck.engine.core.wording import singular
from govcheck.engine.facts.loader import FactsFile
from govcheck.engine.facts.model import Evidenced, Facts
from govcheck.engine.facts.views import VIEWS, Item
from govcheck.engine.packs.checktree import CheckNode
from govcheck.engine.packs.loading import Rule, RulePack


@dataclass(frozen=True)
class Context:
    """What an evaluation depends on besides rules and facts."""

    as_of: dt.date | None = None  # None: the facts file's own as_of
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    waivers: tuple[WaiverRecord, ...] = ()
    outcomes: bool = True  # keep each finding's outcome tree, the steps `govcheck explain` shows


def evaluate(pack: RulePack, facts_file: FactsFile, context: Context) -> Assessment:
    facts = facts_file.facts
    check_context = CheckContext(context.as_of or facts.as_of, context.calendar, facts, explain=context.outcomes)
    evidence = _EvidenceIndex(facts_file)
    findings = tuple(_finding(rule, pack, evidence, check_context, context.outcomes) for rule in pack.rules)
    # Waivers come after every verdict is reached, so they can only turn gaps into `waived`.
    findings, waiver_states = apply_waivers(findings, context.waivers, facts, check_context.as_of, context.calendar)
    # The memo holds the item contexts made within it, and they hold the memo: emptying it lets this
    # LEP's views and contexts go as soon as it is assessed, not when the collector next finds the cycle.
    check_context.memo.clear()
    return Assessment(
        organisation_id=facts.organisation.id,
        organisation_name=facts.organisation.name,
        facts_file=facts_file.path,
        facts_sha256=facts_file.sha256,
        as_of=check_context.as_of,
        pack=PackInfo(
            pack.id,
            pack.spec.title,
            pack.spec.edition,
            pack.spec.publisher,
            carried_forward_from=pack.spec.extends if pack.spec.carried_forward_unverified else None,
        ),
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


def _finding(rule: Rule, pack: RulePack, evidence: _EvidenceIndex, ctx: CheckContext, keep: bool) -> Finding:
    outcome = evaluate_rule(rule, ctx)
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
        item_lines=tuple(evidence.line_of(item.path) if item.path else None for item in items),
        passed=outcome.passed,
        total=outcome.total,
        evidence=evidence.of(outcome),
        remediation=rule.spec.remediation,
        outcome=outcome if keep else None,
        facts_needed=facts_needed(outcome, ctx.facts),
    )


class _EvidenceIndex:
    """Where each facts path stands and what evidence the facts cite for it, for one facts file.

    Rules over the same view read the same paths (every transparency rule reads each
    meeting's date), and paths share their beginnings: each path is worked out once per
    assessment, from its parent's entry.
    """

    def __init__(self, facts_file: FactsFile) -> None:
        self.source = facts_file.source
        # path -> its Evidence: the dotted path, its line, what the facts cite for it
        self._evidence: dict[PathKey, Evidence] = {}
        # path -> (the value there, the evidence cited on it or the nearest fact enclosing it, dotted path)
        self._entries: dict[PathKey, tuple[Any, str | None, str]] = {(): (facts_file.facts, None, "")}

    def line_of(self, path: PathKey) -> int | None:
        return self.at(path).line

    def at(self, path: PathKey) -> Evidence:
        return self._evidence.get(path) or self._make(path)

    def of(self, outcome: Outcome) -> tuple[Evidence, ...]:
        """Every facts path the outcome read, with its line and the evidence the facts cite for it."""
        found: dict[PathKey, Evidence] = {}
        self._collect(outcome, found)
        return tuple(found.values())

    def _collect(self, node: Outcome, found: dict[PathKey, Evidence]) -> None:
        # A rule over every meeting reads a few paths of each: this runs for each path of each
        # item of each rule, so the look-up in what is already known is written out here.
        known = self._evidence
        for path in node.facts:
            if path not in found:
                found[path] = known.get(path) or self._make(path)
        for item in node.items:
            path = item.path
            if path and path not in found:
                found[path] = known.get(path) or self._make(path)
        for child in node.children:
            self._collect(child, found)

    def _make(self, path: PathKey) -> Evidence:
        _, cited, dotted = self._entry(path)
        made = self._evidence[path] = Evidence(dotted, self.source.line_of(path), cited)
        return made

    def _entry(self, path: PathKey) -> tuple[Any, str | None, str]:
        found = self._entries.get(path)
        if found is not None:
            return found
        parent, cited, dotted = self._entry(path[:-1])
        part = path[-1]
        if parent is None:
            value = None
        elif isinstance(part, int):
            value = parent[part] if isinstance(parent, list) and part < len(parent) else None
        elif isinstance(parent, dict):
            value = parent.get(part)
        else:
            value = getattr(parent, part, None)
        own = _cited_on(value) if isinstance(value, Evidenced) else None
        dotted = f"{dotted}[{part}]" if isinstance(part, int) else (f"{dotted}.{part}" if dotted else str(part))
        found = self._entries[path] = (value, cited if own is None else own, dotted)
        return found


def _cited_on(fact: Evidenced) -> str | None:
    evidence = fact.evidence
    if evidence is None:
        return None
    parts = [evidence.document, evidence.section and f"section {evidence.section}", evidence.url]
    return ", ".join(p for p in parts if p)


def run(node: CheckNode, value: Any, ctx: CheckContext) -> Outcome:
    """Evaluate one node of a check tree against ``value`` (the facts, or an item of a view)."""
    if node.each is None:
        return _single(node, value, ctx)
    view = VIEWS[node.each]
    every = ctx.cached(("view", view.name), lambda: view.items(ctx.facts, ctx.as_of))
    if view.statements is not None:
        stated = view.statements
        every = every + ctx.cached(("statements", view.name), lambda: stated(ctx.facts, ctx.as_of))
    items = [item for item in every if node.where is None or node.where.holds(item.value)]
    noun = view.name.replace("_", " ")
    condition = f" {node.where.phrase()}" if node.where else ""
    scope = noun + condition
    unrecorded: list[Item] = []
    # Parents whose list is not recorded (a meeting without `declarations:`) may hold items the
    # filter would choose: they are unknown, whatever the filter.
    if view.unrecorded is not None:
        find = view.unrecorded
        unrecorded = ctx.cached(("unrecorded", view.name), lambda: find(ctx.facts, ctx.as_of))
    if not items and not unrecorded:
        return Outcome(
            node.when_empty,
            f"no {scope} recorded",
            detail=(f"each {scope}: none",),
            label=scope,
            needed=view_needs(node) if node.when_empty is Status.MISSING_EVIDENCE else (),
        )
    results = []
    children = []
    for item in items:
        outcome = _single(node, item.value, _within(ctx, item))
        # Labels are for reading the tree step by step; unread, the outcome is kept as it is.
        children.append(replace(outcome, label=item.label) if ctx.explain else outcome)
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
    outcome = _aggregate(_Scope(singular(noun) + condition, scope), results, tuple(children))
    if unrecorded:
        # A list left out altogether is written with what the rule reads of each of its items.
        whole = view_needs(node) if any(isinstance(parent.value, Facts) for parent in unrecorded) else ()
        parts = tuple(
            _unrecorded_list(parent, view.name) for parent in unrecorded if not isinstance(parent.value, Facts)
        )
        outcome = replace(outcome, needed=(*whole, *parts))
    partly = view.partly_listed(ctx.facts, ctx.as_of)
    if (
        outcome.status is Status.MET
        and partly
        and not any(item.label.endswith("(as the evidence states)") for item in items)
    ):
        # Every member listed passes, but not every member is listed: that is not "every member".
        return replace(
            outcome,
            status=Status.MISSING_EVIDENCE,
            reason=f"{outcome.reason}, but {partly}",
            needed=view_needs(replace(node, where=None)),
        )
    return outcome


def _unrecorded_list(parent: Item, name: str) -> PathKey:
    """The list a parent leaves out: a meeting's ``declarations``, or the facts' ``meetings``."""
    fields = getattr(type(parent.value), "model_fields", {})
    return (*parent.path, name) if name in fields and parent.path[-1:] != (name,) else parent.path


def _within(ctx: CheckContext, item: Item) -> CheckContext:
    """The context for checking ``item``. Every rule over a view checks each of its items, so each
    item's context is made once per assessment rather than once per rule."""
    contexts: dict[tuple[PathKey, str], CheckContext] = ctx.cached("item contexts", dict)
    key = (item.path, item.label)
    found = contexts.get(key)
    if found is None:
        found = contexts[key] = ctx.within(item.path, item.label, item.roots)
    return found


@dataclass(frozen=True)
class _Scope:
    """The items a rule covers, as a sentence names one of them and several: "board member whose role is chair"."""

    one: str
    many: str


def _agree(number: int, one: str, many: str) -> str:
    """The count and its verb agreeing: "1 fails", "2 fail"."""
    return f"{number} {one if number == 1 else many}"


def _aggregate(scope: _Scope, results: list[ItemResult], children: tuple[Outcome, ...]) -> Outcome:
    passed = sum(r.status in (Status.MET, Status.NOT_APPLICABLE) for r in results)
    failed = sum(r.status in (Status.NOT_MET, Status.PARTIAL, Status.ERROR) for r in results)
    unknown = len(results) - passed - failed
    total = len(results)
    # One item is "the complaint", never "all 1 complaints".
    of_all = f"the {scope.one}" if total == 1 else f"{total} {scope.many}"
    if total and all(r.status is Status.NOT_APPLICABLE for r in results):
        status, reason = Status.NOT_APPLICABLE, f"the rule applies to none of the {of_all}"
        if total == 1:
            reason = f"the rule does not apply to {of_all}"
    elif failed == 0 and unknown == 0:
        status, reason = Status.MET, f"{of_all} passes" if total == 1 else f"all {of_all} pass"
    elif failed == 0:
        status = Status.MISSING_EVIDENCE
        reason = (
            f"{of_all} lacks the facts to decide"
            if total == 1
            else f"{unknown} of {of_all} {'lacks' if unknown == 1 else 'lack'} the facts to decide"
        )
    elif passed == 0 and unknown == 0:
        status, reason = Status.NOT_MET, f"{of_all} does not pass" if total == 1 else f"none of {of_all} pass"
    elif passed == 0:
        status = Status.NOT_MET
        reason = (
            f"none of {of_all} pass ({_agree(failed, 'fails', 'fail')}, {_agree(unknown, 'lacks', 'lack')} the facts)"
        )
    else:
        status = Status.PARTIAL
        reason = f"{passed} of {of_all} {'passes' if passed == 1 else 'pass'}, {_agree(failed, 'fails', 'fail')}"
        reason += f", {_agree(unknown, 'lacks', 'lack')} the facts" if unknown else ""
    if any(r.status is Status.ERROR for r in results):
        status = Status.ERROR
    return Outcome(status, reason, tuple(results), passed, total, children=children, label=scope.many)


def _single(node: CheckNode, value: Any, ctx: CheckContext) -> Outcome:
    if node.kind == "all":
        parts = [run(child, value, ctx) for child in node.children]
        status = max((p.status for p in parts), key=BADNESS.__getitem__)
        return _combined(status, parts, "and", "all of")
    if node.kind == "any":
        parts = [run(child, value, ctx) for child in node.children]
        status = min((p.status for p in parts), key=BADNESS.__getitem__)
        return _combined(status, parts, "or", "any of")
    if node.kind == "not":
        inner = run(node.children[0], value, ctx)
        flipped = {Status.MET: Status.NOT_MET, Status.NOT_MET: Status.MET, Status.PARTIAL: Status.NOT_MET}
        status = flipped.get(inner.status, inner.status)
        # The verdict is turned round; the reason stands as the inner check found it ("conflict declared: yes").
        return Outcome(status, inner.reason, facts=inner.facts, children=(inner,), label="not")
    kind = REGISTRY[node.kind]
    outcome = kind.function(value, node.params, ctx)
    if outcome.label or not ctx.explain:
        return outcome
    return replace(outcome, label=node.kind)


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
