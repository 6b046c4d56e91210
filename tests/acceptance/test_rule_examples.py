"""Every rule's own examples give their declared verdict, and every rule has a passing and a failing one."""

from __future__ import annotations

import pytest

from govcheck.checks.base import CheckContext
from govcheck.engine.assess.evaluate import evaluate_rule
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.packs.examples import coverage_problems
from govcheck.engine.packs.loading import Rule, RulePack, available_packs, load_pack

PACKS = {name: load_pack(name) for name in available_packs()}
RULES = [(pack, rule) for pack in PACKS.values() for rule in pack.rules]
EXAMPLES = [
    pytest.param(rule, example, facts, id=f"{pack.id}:{rule.id}:{example.name}")
    for pack, rule in RULES
    for example, facts in rule.examples
]
CALENDAR = WorkingCalendar()


@pytest.mark.parametrize(("rule", "example", "facts"), EXAMPLES)
def test_example_gives_its_declared_status(rule: Rule, example, facts) -> None:  # type: ignore[no-untyped-def]
    outcome = evaluate_rule(rule, CheckContext(facts.as_of, CALENDAR, facts))
    assert outcome.status is example.expect, outcome.reason


@pytest.mark.parametrize("rule", [pytest.param(rule, id=f"{pack.id}:{rule.id}") for pack, rule in RULES])
def test_rule_has_passing_and_failing_examples(rule: Rule) -> None:
    assert coverage_problems(rule) == []


@pytest.mark.parametrize("pack", PACKS.values(), ids=list(PACKS))
def test_every_topic_is_used_and_every_rule_is_well_described(pack: RulePack) -> None:
    used = {rule.spec.topic for rule in pack.rules}
    assert set(pack.topics) == used, "a topic in pack.yaml has no rule, or a rule names no listed topic"
    for rule in pack.rules:
        assert rule.spec.title[0].isupper()
        assert not rule.spec.title.endswith(".")
        assert rule.spec.remediation.strip(), rule.id
        assert rule.spec.cite.document, rule.id


def test_the_six_first_subjects_each_have_at_least_three_rules() -> None:
    pack = PACKS["naf-2019"]
    for topic in (
        "registers-of-interest",
        "transparency",
        "quorum",
        "whistleblowing-and-complaints",
        "succession",
        "induction",
    ):
        assert sum(rule.spec.topic == topic for rule in pack.rules) >= 3, topic
