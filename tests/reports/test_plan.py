"""The improvement plan: goldens, the LEP's own actions matched to gaps, dating and owners as data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.packs.loading import available_packs, load_pack
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.plan import Plan, Row, State, build
from govcheck.reports.plan_template import PlanTemplate, plan_template
from tests.support.facts import facts_from
from tests.support.golden import assert_golden, assess, scenario_name, scenarios

FORMATS = {"plan": "md", "plan-html": "html", "plan-csv": "csv"}
GAPPY = Path("tests/fixtures/gappy-lep.yaml")


@pytest.mark.parametrize("path", scenarios(), ids=scenario_name)
@pytest.mark.parametrize("format_", FORMATS)
def test_plan_matches_its_golden_file(path: Path, format_: str, update_golden: bool) -> None:
    text = RENDERERS[format_].render([assess(path)], RenderOptions())
    assert_golden(f"{scenario_name(path)}_plan_expected.{FORMATS[format_]}", text, update_golden)


def gappy_plan() -> Plan:
    return build(assess(GAPPY))


def by_action(plan: Plan) -> dict[str, Row]:
    return {row.action.id: row for row in plan.rows if row.action}


def test_sections_follow_the_templates_order() -> None:
    assert [section.id for section, _ in gappy_plan().sections] == ["strategy", "governance", "delivery"]
    assert [c.title for c in plan_template().columns] == [
        "Improvement summary",
        "Milestones",
        "Monitoring process",
        "Area Lead progress update",
    ]


def test_an_action_with_a_milestone_past_due_is_flagged_overdue() -> None:
    row = by_action(gappy_plan())["act-1"]
    assert row.state is State.OVERDUE
    assert [(m.description, m.overdue) for m in row.milestones] == [
        ("Missing registers collected", False),  # completed, though its date has passed
        ("All registers online", True),
    ]
    assert [f.rule_id for f in row.findings] == ["registers.board-members-published"]
    assert [m.words() for m in row.milestones] == [
        "Missing registers collected – completed 29 Jan 2020",
        "All registers online – OVERDUE: was due 28 Feb 2020",
    ]
    assert row.status == (
        "The LEP's plan has it in progress, with 1 of 2 milestones complete.",
        "1 milestone past due.",
        "The requirement it addresses is still a gap.",
    )


def test_an_action_whose_requirement_is_now_met_is_done_even_if_matched_by_requirement_id() -> None:
    row = by_action(gappy_plan())["act-2"]  # addresses CMP-01, the complaints rule's requirement
    assert row.state is State.DONE
    assert [f.rule_id for f in row.findings] == ["complaints.policy-published-and-reviewed"]
    assert row.status[-1] == "Every requirement it addresses is no longer a gap: it can be closed in the LEP's plan."


def test_an_action_marked_done_while_its_gap_remains_stays_open() -> None:
    row = by_action(gappy_plan())["act-3"]
    assert row.state is State.OPEN
    assert row.status == (
        "The LEP's plan has it as done, with 1 of 1 milestone complete.",
        "The requirement it addresses is still a gap.",
        "Marked done, but the gap it addresses remains: reopen it.",
    )


def test_an_action_addressing_nothing_the_pack_checks_is_kept_and_said_so() -> None:
    row = by_action(gappy_plan())["act-4"]
    assert row.state is State.NOT_ASSESSED
    assert row.section == "governance"
    assert row.status[-1] == "It addresses DIV-01, which ci-core does not check, so its effect is not measured here."


def test_gaps_no_action_addresses_are_added_by_topic_dated_by_severity_and_owned_by_role() -> None:
    plan = gappy_plan()
    added = {row.findings[0].topic: row for row in plan.rows if row.state is State.ADDED}
    registers = added["registers-of-interest"]
    # act-1 addresses the published-registers gap, so it is not added again.
    assert "registers.board-members-published" not in [f.rule_id for f in registers.findings]
    assert registers.owner == "Board Secretary"
    due = {f.rule_id: m.due_on for f, m in zip(registers.findings, registers.milestones, strict=True)}
    assert due["registers.senior-staff-published"] == dt.date(2020, 4, 30)  # high: 1 month after 31 Mar 2020
    assert due["registers.reviewed-yearly"] == dt.date(2020, 9, 30)  # low: 6 months
    assert added["induction"].milestones[0].due_on == dt.date(2020, 6, 30)  # medium: 3 months
    every_gap = {f.rule_id for f in assess(GAPPY).findings if f.is_gap}
    in_plan = {f.rule_id for row in plan.rows for f in row.findings if f.is_gap}
    assert in_plan == every_gap


def test_rows_are_numbered_through_the_plan_in_section_order() -> None:
    assert [row.number for row in gappy_plan().rows] == list(range(1, 11))


def test_a_topic_no_section_lists_goes_to_the_default_section_and_owner() -> None:
    template = plan_template().model_copy(update={"months_to_close": {"high": 2, "medium": 4, "low": 8}})
    assert template.section_for("a-new-topic").id == "governance"
    assert template.owner_for("a-new-topic") == "Chief Executive"
    assert template.topic("a-new-topic") == template.topics["default"]
    assert template.due_for("high", dt.date(2020, 1, 31)) == dt.date(2020, 3, 31)


def test_an_action_addressing_only_catalogue_requirements_is_placed_by_them() -> None:
    template = plan_template()
    assert template.section_by_requirements(["GOV-04"]).id == "strategy"
    assert template.section_by_requirements(["XYZ-1", "ENG-02"]).id == "strategy"
    assert template.section_by_requirements(["VFM-01"]).id == "delivery"
    assert template.section_by_requirements(["DIV-01"]).id == "governance"
    assert template.section_by_requirements([]).id == "governance"


def test_every_topic_of_every_bundled_pack_has_a_section() -> None:
    listed = {topic for section in plan_template().sections for topic in section.topics}
    for name in available_packs():
        missing = set(load_pack(name).topics) - listed
        assert not missing, f"add {sorted(missing)} to a section in reports/templates/plan.yaml"


def test_the_template_data_is_checked() -> None:
    data = plan_template().model_dump()
    data["months_to_close"] = {"high": 1}
    with pytest.raises(ValidationError, match="months_to_close"):
        PlanTemplate.model_validate(data)


def test_no_plan_and_no_gaps_gives_empty_sections() -> None:
    plan = build(assess(Path("tests/fixtures/exemplar-lep.yaml")))
    assert plan.rows == []
    assert "No gaps and no actions in this section." in RENDERERS["plan"].render([plan.assessment], RenderOptions())


def test_plan_csv_cells_never_run_as_formulas() -> None:
    facts = facts_from(
        """
        as_of: 2020-03-31
        organisation: {id: x, name: X}
        improvement_plan:
          actions:
            - {id: a1, summary: "=HYPERLINK(\\"https://evil.example\\")", addresses: [WHB-01], owner: "@owner",
               milestones: [{description: "-1+2", due_on: 2020-01-01}]}
        """
    )
    text = RENDERERS["plan-csv"].render([Assessor().assess_file(facts)], RenderOptions())
    assert ",'@owner," in text
    assert "\r\n=" not in text
    assert ",=" not in text
    assert ",-" not in text
    assert ",@" not in text
