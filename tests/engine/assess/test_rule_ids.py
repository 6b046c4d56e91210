"""Rule ids named by waivers and improvement plans: a misspelt one is an input error with the id meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.errors import InputError
from tests.support.ci import BEFORE, JSMITH, assess, run, waiver, waiver_yaml
from tests.support.facts import REPO, facts_from

PAPERS = "transparency.papers-5-clear-working-days-before"
MISSPELT = "transparency.papers-5-clear-working-day-before"
DELIVERY_PLAN = "annual-reporting.delivery-plan-published"  # from naf-2019 on


def test_a_waiver_of_a_misspelt_rule_is_exit_2_at_its_line_and_column_with_the_id_meant(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("whistleblowing.policy-published-and-reviewed"), waiver(MISSPELT)))
    result = run("check", str(BEFORE), "--pack", "naf-2019", "--waivers", str(waivers))
    assert result.exit_code == 2
    assert f"{waivers}:10:11: waivers[1] names rule {MISSPELT!r}, which no edition has; did you mean {PAPERS!r}?" in (
        result.stderr
    )
    assert "Traceback" not in result.output


def test_a_waiver_of_a_rule_of_another_edition_is_only_unused(tmp_path: Path) -> None:
    # naf-2016 has no rule on a delivery plan; a waiver file kept across editions may name one.
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver(DELIVERY_PLAN)))
    result = run("check", str(BEFORE), "--pack", "naf-2016", "--waivers", str(waivers), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert f"waiver of {DELIVERY_PLAN} for riverside-lep matches no gap" in result.stderr


def test_a_waiver_of_a_rule_of_the_pack_named_by_path_is_known(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("registers.board-members-published", "jsmith")))
    assert run("check", str(BEFORE), "--waivers", str(waivers)).exit_code == 1  # the frozen ci pack


@pytest.mark.parametrize("item", [JSMITH, "jsmith", "J. Smith", "j.  smith"], ids=["label", "id", "name", "as read"])
def test_a_waiver_item_matches_the_label_reports_show_the_id_or_the_name(item: str) -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver("registers.board-members-published", item)))
    (state,) = assessment.waivers
    assert (state.state, state.covered) == ("applied", (JSMITH,))


PLAN = """
as_of: 2020-03-31
improvement_plan:
  actions:
    - id: a1
      summary: Publish every register
      addresses: [registers.board-members-published, ROI-01]
    - id: a2
      summary: Publish papers on time
      addresses: [{addresses}]
"""


def _plan_problems(addresses: str) -> list[str]:
    facts = facts_from(PLAN.format(addresses=addresses), "plan.yaml")
    with pytest.raises(InputError) as caught:
        Assessor("naf-2019").assess_file(facts)
    return [str(p) for p in caught.value.problems]


def test_a_plan_action_addressing_a_misspelt_rule_is_an_input_error_with_the_id_meant() -> None:
    (problem,) = _plan_problems(f"{PAPERS}, {MISSPELT}")
    assert problem.startswith("plan.yaml:11:68:")
    assert f"action 'a2' names rule {MISSPELT!r}, which no edition has; did you mean {PAPERS!r}?" in problem


def test_a_plan_action_addressing_an_unknown_requirement_is_an_input_error() -> None:
    (problem,) = _plan_problems("TRN-01, TRN-91")
    assert "action 'a2' addresses requirement 'TRN-91', which the catalogue does not hold; did you mean" in problem


def test_a_plan_action_may_address_a_rule_of_another_edition_and_requirements() -> None:
    facts = facts_from(PLAN.format(addresses=f"{DELIVERY_PLAN}, TRN-01"))
    assert Assessor("naf-2016").assess_file(facts).improvement_actions[1].addresses == (DELIVERY_PLAN, "TRN-01")


def test_the_cli_refuses_a_facts_file_whose_plan_names_a_misspelt_rule(tmp_path: Path) -> None:
    text = (REPO / "frameworks" / "lancashire-lep-2019.yaml").read_text(encoding="utf-8")
    facts = tmp_path / "lancashire.yaml"
    facts.write_text(text.replace("succession.plan-maintained,", "succession.plan-maintaned,"), encoding="utf-8")
    result = run("check", str(facts), "--pack", "naf-2019")
    assert result.exit_code == 2
    assert "did you mean 'succession.plan-maintained'?" in result.stderr
