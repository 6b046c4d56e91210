"""The improvement plan in the template's own voice: outcomes with KPIs, dated milestones, a lead,
monitoring specific to each topic, the LEP's own statuses in plain words, and the Area Lead's column left empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import typing
from dataclasses import replace
from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.results import ActionMilestone, ImprovementAction
from govcheck.engine.core.status import Status
from govcheck.engine.facts.model import PlanAction
from govcheck.engine.packs.loading import available_packs, load_pack
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.plan import LEP_STATUS_WORDS, Milestone, State, build, kpi, lep_status, overview
from govcheck.reports.plan_template import plan_template
from tests.support.facts import facts_from
from tests.support.golden import assess
from tests.support.html import Page

GAPPY = Path("tests/fixtures/gappy-lep.yaml")
LANCASHIRE = Path("frameworks/lancashire-lep-2019.yaml")


def statuses_the_facts_allow() -> set[str | None]:
    allowed: set[str | None] = set()
    for part in typing.get_args(PlanAction.model_fields["status"].annotation):
        allowed.update(typing.get_args(part) or [None])  # Literal[...] gives its values, NoneType gives None
    return allowed


SAID = {
    None: "The LEP's plan records no status for it, with 0 of 2 milestones complete.",
    "planned": "The LEP's plan has it as planned, not yet started, with 0 of 2 milestones complete.",
    "in-progress": "The LEP's plan has it in progress, with 0 of 2 milestones complete.",
    "done": "The LEP's plan has it as done, with 0 of 2 milestones complete.",
}


def test_every_status_the_facts_allow_has_its_own_words() -> None:
    assert set(LEP_STATUS_WORDS) == statuses_the_facts_allow() == set(SAID)


@pytest.mark.parametrize("status", list(SAID), ids=str)
def test_the_leps_status_for_an_action_reads_as_a_sentence(status: str | None) -> None:
    milestones = (ActionMilestone("Policy drafted", None, None), ActionMilestone("Policy adopted", None, None))
    action = ImprovementAction("a1", "Adopt a policy", ("WHB-01",), None, status, milestones, None)
    assert lep_status(action) == SAID[status]
    bare = replace(action, milestones=())
    assert lep_status(bare) == SAID[status].replace(", with 0 of 2 milestones complete.", ", with no milestones.")


@pytest.mark.parametrize("format_", ["plan", "plan-html", "plan-csv"])
def test_each_format_gives_every_status_its_words_and_never_the_old_phrasing(format_: str) -> None:
    actions = "\n".join(
        f"    - {{id: a{n}, summary: Action {n}, addresses: [WHB-01]"
        + (f", status: {status}" if status else "")
        + ", milestones: [{description: Step one}, {description: Step two}]}"
        for n, status in enumerate(SAID)
    )
    facts = facts_from(f"as_of: 2020-03-31\nimprovement_plan:\n  actions:\n{actions}\n")
    text = RENDERERS[format_].render([Assessor().assess_file(facts)], RenderOptions())
    if format_ == "plan-html":
        text = text.replace("&#39;", "'")
    for said in SAID.values():
        assert said in text
    assert "shows it" not in text
    assert "no status recorded" not in text


def test_milestones_read_as_dated_steps() -> None:
    day = dt.date(2020, 4, 30)
    step = "Publish the policy"
    assert Milestone(f"{step}.", day, None, False).words() == f"{step} – by 30 Apr 2020"
    assert Milestone(step, day, None, True).words() == f"{step} – OVERDUE: was due 30 Apr 2020"
    assert Milestone(step, day, day, False).words() == f"{step} – completed 30 Apr 2020"
    assert Milestone(step, None, None, False).words() == step


def test_an_added_row_is_its_topics_outcome_with_a_dated_kpi_for_each_gap() -> None:
    plan = build(assess(GAPPY))
    row = next(r for r in plan.rows if r.state is State.ADDED and r.findings[0].topic == "registers-of-interest")
    assert row.summary == plan_template().topics["registers-of-interest"].outcome
    assert row.owner == "Board Secretary"
    assert row.kpis[1] == (
        "Every senior officer has a published register of interests: 2 of 2 by 30 Apr 2020 "
        "(now 1 of 2 – not recorded: Frank Green (Finance Director))"
    )
    assert row.status == ("3 gaps in registers of interest found at 31 Mar 2020.",)
    assert row.source == ""
    assert len(row.kpis) == len(row.findings) == len(row.milestones)


def test_a_kpi_names_a_documents_missing_subjects_by_what_they_are_not_by_key() -> None:
    finding = next(f for f in assess(GAPPY).findings if f.rule_id == "induction.pack-covers-essentials")
    assert kpi(finding) == (
        "The induction pack covers the board's objectives, the assurance framework, conflicts and ethics, "
        "expenses and training: 5 of 5 (now 2 of 5 – short: the local assurance framework; the expenses policy; "
        "training available to board members)"
    )


def test_a_kpi_names_three_items_short_then_counts_the_rest() -> None:
    finding = next(f for f in assess(GAPPY).findings if f.rule_id == "registers.reviewed-yearly")
    failing = replace(
        finding, status=Status.NOT_MET, items=tuple(replace(i, status=Status.NOT_MET) for i in finding.items)
    )
    assert kpi(failing).endswith(" and 2 more)")
    assert kpi(failing).count(";") == 2
    met = replace(finding, status=Status.MET, items=tuple(replace(i, status=Status.MET) for i in finding.items))
    title = "Every board member's register is reviewed at least once a year"
    assert kpi(met, dt.date(2020, 4, 30)) == f"{title}: 5 of 5 (met)"  # no target date on what is met
    exempt = replace(met, items=(replace(met.items[0], status=Status.NOT_APPLICABLE), *met.items[1:]))
    assert kpi(exempt) == f"{title}: 4 of 4 (met)"  # measured over the items it applies to
    one = replace(finding, items=finding.items[2:3])
    assert (
        kpi(one, dt.date(2020, 4, 30)) == f"{title}, by 30 Apr 2020 (now: {one.items[0].label}: {one.items[0].reason})"
    )


def test_every_bundled_topic_has_its_own_outcome_lead_and_monitoring() -> None:
    template = plan_template()
    topics = {topic for name in available_packs() for topic in load_pack(name).topics}
    missing = topics - set(template.topics)
    assert not missing, f"add {sorted(missing)} under topics in reports/templates/plan.yaml"
    monitoring = [template.topics[t].monitoring for t in topics]
    assert len(set(monitoring)) == len(monitoring), "each topic is monitored its own way"
    outcomes = [template.topics[t].outcome for t in topics]
    assert len(set(outcomes)) == len(outcomes)
    assert not [m for m in monitoring if "govcheck" in m], "how KPIs are re-measured is said once, not in every row"


def area_lead_cells_markdown(text: str) -> list[str]:
    rows = [line for line in text.splitlines() if re.match(r"\| \*\*\d+\. ", line)]
    return [row.rstrip().removesuffix("|").rsplit("|", 1)[1].strip() for row in rows]


def test_the_area_leads_column_is_left_for_the_area_lead_in_every_format() -> None:
    assessment = assess(LANCASHIRE)
    rows = len(build(assessment).rows)
    assert rows > 20

    markdown = RENDERERS["plan"].render([assessment], RenderOptions())
    assert area_lead_cells_markdown(markdown) == [""] * rows

    table = list(csv.DictReader(io.StringIO(RENDERERS["plan-csv"].render([assessment], RenderOptions()))))
    assert [r["area_lead_progress_update"] for r in table] == [""] * rows
    assert all(r["status"] for r in table), "where a row stands goes in its own column"

    html = RENDERERS["plan-html"].render([assessment], RenderOptions())
    cells = re.findall(r'<td class="area-lead">(.*?)</td>', html, flags=re.S)
    assert cells == ['<span class="visually-hidden">Left for the Area Lead\'s quarterly update</span>'] * rows
    assert not Page(html).errors


def test_the_overview_counts_the_rows_and_says_how_the_kpis_are_measured() -> None:
    assert overview(build(assess(GAPPY))) == (
        "The LEP's own plan has 4 actions (1 overdue, 1 open, 1 done, 1 not assessed by govcheck). "
        "6 rows are added for the gaps no action addresses, each led by a role; their milestones fall due "
        "1 month (high severity), 3 months (medium severity) or 6 months (low severity) after 31 Mar 2020. "
        f"{plan_template().re_assessment} The last column is left for the Area Lead's quarterly update."
    )
    assert overview(build(assess(Path("tests/fixtures/exemplar-lep.yaml")))).startswith(
        "The facts record no plan. No gap is left without an action. Each quarter,"
    )


def test_an_action_says_how_many_of_the_requirements_it_addresses_are_still_gaps() -> None:
    facts = facts_from(
        """
        as_of: 2020-03-31
        improvement_plan:
          actions:
            - {id: a1, summary: Every policy in place, addresses: [WHB-01, CMP-01, ROI-01], status: in-progress}
        """
    )
    row = next(r for r in build(Assessor().assess_file(facts)).rows if r.action)
    # Three are gaps for want of evidence; the committee members' registers do not apply (no committee).
    assert [f.status for f in row.findings] == [Status.MISSING_EVIDENCE] * 3 + [Status.NOT_APPLICABLE]
    assert row.status == (
        "The LEP's plan has it in progress, with no milestones.",
        "3 of the 4 requirements it addresses are still gaps.",
    )
