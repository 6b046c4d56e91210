"""The improvement plan: a LEP's gaps as rows of the government's four-column template.

Where the facts carry the LEP's own plan, each of its actions is matched to the
findings it addresses (by rule id or catalogue requirement id): its row keeps
the LEP's own milestones, flags those past due, and is marked done when every
requirement it addresses is no longer a gap. Gaps no action addresses become
rows of their own, one per topic, with milestones dated from the as-of date by
severity and owned by a role, as ``templates/plan.yaml`` sets out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib.resources import files

import yaml
from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, model_validator

from govcheck.engine.core.results import Assessment, Finding, ImprovementAction
from govcheck.engine.core.status import SEVERITIES, Status
from govcheck.engine.core.wording import date_label
from govcheck.reports.common import STATUS_WORDS, by_topic


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when a plan is made


class Column(_Data):
    title: str
    prompt: str


class Section(_Data):
    id: str
    title: str
    topics: list[str] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)  # ids, or prefixes ending in "-"
    default: bool = False

    def places(self, requirement: str) -> bool:
        return any(requirement == r or (r.endswith("-") and requirement.startswith(r)) for r in self.requirements)


class PlanTemplate(_Data):
    """``templates/plan.yaml``: sections, owners, monitoring and milestone dating, as data."""

    columns: list[Column] = Field(min_length=4, max_length=4)
    sections: list[Section]
    owners: dict[str, str]
    monitoring: dict[str, str]
    re_assessment: str
    months_to_close: dict[str, int]

    @model_validator(mode="after")
    def _complete(self) -> PlanTemplate:
        if sum(section.default for section in self.sections) != 1:
            raise ValueError("exactly one section must be the default")
        if "default" not in self.owners or "default" not in self.monitoring:
            raise ValueError("owners and monitoring each need a default")
        if set(self.months_to_close) != set(SEVERITIES):
            raise ValueError(f"months_to_close needs exactly {', '.join(SEVERITIES)}")
        return self

    def section_for(self, topic: str) -> Section:
        listed = [s for s in self.sections if topic in s.topics]
        return listed[0] if listed else next(s for s in self.sections if s.default)

    def section_by_requirements(self, requirements: Sequence[str]) -> Section:
        """The section for an action no rule matched, by the catalogue requirements it addresses."""
        listed = [s for s in self.sections if any(s.places(r) for r in requirements)]
        return listed[0] if listed else next(s for s in self.sections if s.default)

    def owner_for(self, topic: str) -> str:
        return self.owners.get(topic, self.owners["default"])

    def monitoring_for(self, topic: str) -> str:
        return f"{self.monitoring.get(topic, self.monitoring['default'])} {self.re_assessment}"

    def due_for(self, severity: str, as_of: dt.date) -> dt.date:
        due: dt.date = as_of + relativedelta(months=self.months_to_close[severity])
        return due


@cache
def plan_template() -> PlanTemplate:
    text = (files("govcheck.reports") / "templates" / "plan.yaml").read_text(encoding="utf-8")
    return PlanTemplate.model_validate(yaml.safe_load(text))


class State(StrEnum):
    """Where a row of the plan stands at the as-of date."""

    ADDED = "added"  # gaps no action of the LEP's plan addresses
    OPEN = "open"  # a LEP action whose gaps remain, no milestone past due
    OVERDUE = "overdue"  # a LEP action with a milestone past due
    NOT_ASSESSED = "not assessed"  # a LEP action addressing nothing this pack checks
    DONE = "done"  # a LEP action whose requirements are no longer gaps


STATE_WORDS = {
    State.ADDED: "added: not in the LEP's plan",
    State.OPEN: "open",
    State.OVERDUE: "overdue",
    State.NOT_ASSESSED: "not assessed by govcheck",
    State.DONE: "done: no longer a gap",
}
_ROW_ORDER = (State.OVERDUE, State.OPEN, State.ADDED, State.NOT_ASSESSED, State.DONE)


@dataclass(frozen=True)
class Milestone:
    description: str
    due_on: dt.date | None
    completed_on: dt.date | None
    owner: str | None
    overdue: bool

    def words(self) -> str:
        if self.completed_on is not None:
            when = f"completed {date_label(self.completed_on)}"
        elif self.due_on is not None:
            when = ("OVERDUE: was due " if self.overdue else "due ") + date_label(self.due_on)
        else:
            when = "no date set"
        return f"{self.description} ({when}" + (f"; {self.owner})" if self.owner else ")")


@dataclass(frozen=True)
class Row:
    number: int
    section: str
    state: State
    summary: str
    owner: str
    findings: tuple[Finding, ...]  # the requirements the row is about, gaps first
    milestones: tuple[Milestone, ...]
    monitoring: str
    progress: tuple[str, ...]
    action: ImprovementAction | None = None

    @property
    def kpis(self) -> list[str]:
        return [kpi(f) for f in self.findings]

    @property
    def first_due(self) -> dt.date | None:
        open_dates = [m.due_on for m in self.milestones if m.due_on and m.completed_on is None]
        return min(open_dates, default=None)


@dataclass(frozen=True)
class Plan:
    assessment: Assessment
    sections: tuple[tuple[Section, tuple[Row, ...]], ...]
    template: PlanTemplate

    @property
    def rows(self) -> list[Row]:
        return [row for _, rows in self.sections for row in rows]

    def count(self, state: State) -> int:
        return sum(row.state is state for row in self.rows)


def kpi(finding: Finding) -> str:
    """A requirement as a measure: where it stands now, and the target."""
    if finding.status is Status.MET:
        return f"{finding.title}: met ({finding.reason})"
    return f"{finding.title}: now {STATUS_WORDS[finding.status]} ({finding.reason}); target: met"


def addresses(action: ImprovementAction, finding: Finding) -> bool:
    return finding.rule_id in action.addresses or any(r in action.addresses for r in finding.requirements)


def _action_row(action: ImprovementAction, found: list[Finding], assessment: Assessment, t: PlanTemplate) -> Row:
    on = assessment.as_of
    topic = found[0].topic if found else ""
    owner = action.owner or t.owner_for(topic)
    milestones = tuple(
        Milestone(
            m.description,
            m.due_on,
            m.completed_on,
            None,
            m.completed_on is None and m.due_on is not None and m.due_on < on,
        )
        for m in action.milestones
    )
    gaps = [f for f in found if f.is_gap]
    overdue = [m for m in milestones if m.overdue]
    done = sum(m.completed_on is not None for m in milestones)
    said = action.status.replace("-", " ") if action.status else "no status recorded"
    progress = [f"{date_label(on)}: the LEP's plan shows it {said}; {done} of {len(milestones)} milestones complete."]
    progress += [f"Overdue: {m.description}, due {date_label(m.due_on)}." for m in overdue if m.due_on]
    if not found:
        state = State.NOT_ASSESSED
        progress.append(
            f"It addresses {', '.join(action.addresses) or 'no requirement'}, which {assessment.pack.id} "
            "does not check, so its effect is not measured here."
        )
    elif not gaps:
        state = State.DONE
        progress.append("Every requirement it addresses is no longer a gap.")
        if action.status != "done":
            progress.append("It can be closed in the LEP's plan.")
    else:
        state = State.OVERDUE if overdue else State.OPEN
        progress.append(f"{len(found) - len(gaps)} of {len(found)} requirements it addresses met.")
        if action.status == "done":
            remain = (
                "the gap it addresses remains" if len(gaps) == 1 else f"{len(gaps)} of the gaps it addresses remain"
            )
            progress.append(f"Marked done, but {remain}: reopen it.")
    section = (t.section_for(topic) if found else t.section_by_requirements(action.addresses)).id
    summary = f"{action.summary} (the LEP's action {action.id})"
    findings = tuple(gaps + [f for f in found if not f.is_gap])
    monitoring = t.monitoring_for(topic)
    return Row(0, section, state, summary, owner, findings, milestones, monitoring, tuple(progress), action)


def _added_row(topic: str, gaps: list[Finding], assessment: Assessment, t: PlanTemplate) -> Row:
    owner = t.owner_for(topic)
    ordered = sorted(gaps, key=lambda f: SEVERITIES.index(f.severity))
    milestones = tuple(
        Milestone(f.remediation, t.due_for(f.severity, assessment.as_of), None, owner, False) for f in ordered
    )
    word = gaps[0].topic_title
    summary = f"Meet the framework's requirements on {word[0].lower()}{word[1:]}"
    noun = "gap" if len(gaps) == 1 else "gaps"
    progress = (f"{date_label(assessment.as_of)}: baseline; {len(gaps)} {noun}, not yet in the LEP's own plan.",)
    return Row(
        0,
        t.section_for(topic).id,
        State.ADDED,
        summary,
        owner,
        tuple(ordered),
        milestones,
        t.monitoring_for(topic),
        progress,
    )


def build(assessment: Assessment, template: PlanTemplate | None = None) -> Plan:
    t = template or plan_template()
    rows: list[Row] = []
    covered: set[str] = set()
    for action in assessment.improvement_actions:
        found = [f for f in assessment.findings if addresses(action, f)]
        covered.update(f.rule_id for f in found)
        rows.append(_action_row(action, found, assessment, t))
    uncovered = [f for f in assessment.findings if f.is_gap and f.rule_id not in covered]
    for _, gaps in by_topic(assessment, uncovered):
        rows.append(_added_row(gaps[0].topic, gaps, assessment, t))
    # Rows keep the order they were made in within a state: the LEP's own order, then the pack's topics.
    sections = []
    number = 0
    for section in t.sections:
        mine = sorted((r for r in rows if r.section == section.id), key=lambda r: _ROW_ORDER.index(r.state))
        numbered = tuple(replace(row, number=number + n) for n, row in enumerate(mine, start=1))
        number += len(numbered)
        sections.append((section, numbered))
    return Plan(assessment, tuple(sections), t)


def overview(plan: Plan) -> str:
    """One paragraph: what the plan holds and how its added rows were dated and owned."""
    actions = len(plan.assessment.improvement_actions)
    states = [State.OVERDUE, State.OPEN, State.DONE, State.NOT_ASSESSED]
    counted = ", ".join(f"{plan.count(s)} {STATE_WORDS[s].split(':')[0]}" for s in states if plan.count(s))
    mine = f"The LEP's own plan has {actions} actions ({counted}). " if actions else "The facts record no plan. "
    added = plan.count(State.ADDED)
    if not added:
        return mine + "No gap is left without an action."
    months = [f"{n} month{'' if n == 1 else 's'} ({s} severity)" for s, n in plan.template.months_to_close.items()]
    return (
        f"{mine}{added} rows are added for the gaps no action addresses, owned by roles; their milestones fall "
        f"due {', '.join(months[:-1])} or {months[-1]} after {date_label(plan.assessment.as_of)}."
    )
