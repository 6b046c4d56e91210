"""Properties of the engine that must hold for any facts, checked with hypothesis."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.status import Status
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.packs.loading import RulePack, load_pack
from govcheck.reports import RENDERERS, RenderOptions
from tests.support.strategies import facts_data

PACK: RulePack = load_pack("naf-2019")
CALENDAR = WorkingCalendar()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assess(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    facts_file = parse_facts(yaml.safe_dump(data, sort_keys=False), "generated.yaml")
    return evaluate(PACK, facts_file, Context(None, CALENDAR))


@SETTINGS
@given(facts_data())
def test_one_finding_per_rule_and_no_crash(data: dict[str, Any]) -> None:
    assessment = assess(data)
    assert [f.rule_id for f in assessment.findings] == [r.id for r in PACK.rules]
    assert all(f.status is not Status.ERROR for f in assessment.findings), [
        (f.rule_id, f.reason) for f in assessment.findings if f.status is Status.ERROR
    ]


@SETTINGS
@given(facts_data())
def test_same_input_same_output(data: dict[str, Any]) -> None:
    first, second = assess(data), assess(copy.deepcopy(data))
    render = RENDERERS["json"].render
    assert render([first], RenderOptions()) == render([second], RenderOptions())


@SETTINGS
@given(facts_data())
def test_adding_a_compliant_board_member_never_turns_met_into_a_gap(data: dict[str, Any]) -> None:
    before = {f.rule_id: f.status for f in assess(data).findings}
    # Appointed after every meeting, so no past quorum changes; everything a member owes, done on time.
    appointed = max([m["held_on"] for m in data["meetings"]] + [dt.date(2019, 1, 1)]) + dt.timedelta(days=1)
    newcomer = {
        "id": "newcomer",
        "name": "New Member",
        "sector": "private",
        "roles": [{"body": "board", "appointed_on": appointed, "term_ends_on": appointed + dt.timedelta(days=3 * 365)}],
        "register_of_interests": {
            "published_on": appointed,
            "reviewed_on": max(appointed, data["as_of"] - dt.timedelta(days=30)),
        },
        "induction": {"completed_on": appointed},
    }
    after_data = copy.deepcopy(data)
    after_data["people"].append(newcomer)
    after = {f.rule_id: f for f in assess(after_data).findings}
    for rule_id, status in before.items():
        if status is Status.MET and rule_id not in SHARE_RULES:
            assert not after[rule_id].is_gap, (rule_id, after[rule_id].reason)


# Rules on the make-up of the board (shares of members) may rightly change when anyone joins.
SHARE_RULES = {rule.id for rule in PACK.rules if "share" in str(rule.spec.check) or "count" in str(rule.spec.check)}


def test_empty_facts_are_never_met() -> None:
    data = {"format_version": 2, "as_of": dt.date(2020, 3, 31), "organisation": {"id": "empty", "name": "Empty"}}
    statuses = {f.rule_id: f.status for f in assess(data).findings}
    assert Status.MET not in statuses.values()
    assert set(statuses.values()) <= {Status.MISSING_EVIDENCE, Status.NOT_APPLICABLE}
