"""Running each rule's own examples, the way ``opa test`` runs a policy's tests."""

from __future__ import annotations

from dataclasses import dataclass

from govcheck.checks.base import CheckContext
from govcheck.engine.assess.evaluate import evaluate_rule
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.status import Status
from govcheck.engine.packs.loading import Rule, RulePack


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    name: str
    expected: Status
    got: Status
    reason: str

    @property
    def ok(self) -> bool:
        return self.expected is self.got


def run_examples(rule: Rule, calendar: WorkingCalendar | None = None) -> list[ExampleResult]:
    calendar = calendar or WorkingCalendar()
    results = []
    for example, facts in rule.examples:
        outcome = evaluate_rule(rule, CheckContext(facts.as_of, calendar, facts))
        results.append(ExampleResult(rule.id, example.name, example.expect, outcome.status, outcome.reason))
    return results


def coverage_problems(rule: Rule) -> list[str]:
    """What a rule's examples lack: every rule needs one example that passes and one that does not."""
    expected = {example.expect for example, _ in rule.examples}
    problems = []
    if Status.MET not in expected:
        problems.append("has no example that is met")
    if not expected - {Status.MET, Status.NOT_APPLICABLE}:
        problems.append("has no example that fails")
    return problems


def run_pack_examples(pack: RulePack) -> tuple[list[ExampleResult], dict[str, list[str]]]:
    """Every example's result, and the rules whose examples are incomplete."""
    calendar = WorkingCalendar()
    results = [result for rule in pack.rules for result in run_examples(rule, calendar)]
    incomplete = {rule.id: problems for rule in pack.rules if (problems := coverage_problems(rule))}
    return results, incomplete
