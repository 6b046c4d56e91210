"""The improvement plan: a LEP's gaps as rows of the government's four-column template.

Each row is an improvement in plain words with its KPIs, dated milestones, a lead, and
how progress is monitored; the fourth column, the Area Lead's progress update, is the
Area Lead's to fill in and is left empty. Where the facts carry the LEP's own plan,
each of its actions is matched to the findings it addresses (by rule id or catalogue
requirement id): its row keeps the LEP's own words and milestones, flags those past
due, and is marked done when every requirement it addresses is no longer a gap. Gaps
no action addresses become rows of their own, one per topic, worded, owned and
monitored as ``templates/plan.yaml`` sets out, with a milestone per gap dated from the
as-of date by severity. A KPI is a rule's title as the target, with where the LEP
stands now: how many of the items it covers pass, and which fall short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from govcheck.engine.core.outcome import ItemResult
from govcheck.engine.core.results import Assessment, Finding, ImprovementAction
from govcheck.engine.core.status import SEVERITIES, Status
from govcheck.engine.core.wording import date_label
from govcheck.reports.common import by_topic
from govcheck.reports.plan_template import PlanTemplate, Section, plan_template

if TYPE_CHECKING:
    import datetime as dt


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

# What the LEP's own plan says of an action, by the status its facts record (none, or
# one of the facts model's values), as the end of "The LEP's plan ...".
LEP_STATUS_WORDS: dict[str | None, str] = {
    None: "records no status for it",
    "planned": "has it as planned, not yet started",
    "in-progress": "has it in progress",
    "done": "has it as done",
}


@dataclass(frozen=True)
class Milestone:
    description: str
    due_on: dt.date | None
    completed_on: dt.date | None
    overdue: bool

    def words(self) -> str:
        text = self.description.rstrip(". ")
        if self.completed_on is not None:
            return f"{text} – completed {date_label(self.completed_on)}"
        if self.due_on is None:
            return text
        return f"{text} – {'OVERDUE: was due' if self.overdue else 'by'} {date_label(self.due_on)}"


@dataclass(frozen=True)
class Row:
    number: int
    section: str
    state: State
    summary: str
    source: str  # the LEP's action the row is, or "" for a row added for gaps no action addresses
    owner: str
    findings: tuple[Finding, ...]  # the requirements the row is about, gaps first
    kpis: tuple[str, ...]  # one for each finding, in the same order
    milestones: tuple[Milestone, ...]
    monitoring: str
    status: tuple[str, ...]  # where the row stands, in sentences
    action: ImprovementAction | None = None

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


_KEY = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")  # an item named by a facts key: a subject of a document
_NAMED = 3  # items named in a KPI before "and N more"


def _item_name(label: str, reason: str) -> str:
    """How a KPI names an item: by its label, or for a subject of a document, by what the subject is."""
    if _KEY.fullmatch(label):
        return reason.split(": ", 1)[1] if ": " in reason else label.replace("-", " ")
    return label


def _names(names: list[str]) -> str:
    shown = "; ".join(names[:_NAMED])  # names hold commas of their own ("Board, 25 Apr 2019")
    return shown if len(names) <= _NAMED else f"{shown} and {len(names) - _NAMED} more"


def _measured(finding: Finding) -> list[ItemResult]:
    """The items a requirement is measured over: those it applies to and no waiver covers."""
    return [item for item in finding.items if item.status not in (Status.NOT_APPLICABLE, Status.WAIVED)]


def _now(finding: Finding, items: list[ItemResult]) -> str:
    """Where the LEP stands on a requirement: a count of the items it covers, or the reason given."""
    if finding.status is Status.MET:
        return "met"
    if len(items) > 1:
        met = sum(item.status is Status.MET for item in items)
        words = [f"now {met} of {len(items)}"]
        short = [_item_name(i.label, i.reason) for i in items if i.status in (Status.NOT_MET, Status.PARTIAL)]
        unrecorded = [_item_name(i.label, i.reason) for i in items if i.status is Status.MISSING_EVIDENCE]
        unchecked = [_item_name(i.label, i.reason) for i in items if i.status is Status.ERROR]
        words += [f"short: {_names(short)}"] if short else []
        words += [f"not recorded: {_names(unrecorded)}"] if unrecorded else []
        words += [f"could not be checked: {_names(unchecked)}"] if unchecked else []
        return " – ".join(words)
    if len(items) == 1:
        item = items[0]
        if _KEY.fullmatch(item.label) or item.label in item.reason:
            return f"now: {item.reason}"
        return f"now: {item.label}: {item.reason}"
    return f"now: {finding.reason}"


def kpi(finding: Finding, due: dt.date | None = None) -> str:
    """A requirement as a measure: the rule's title as the target, by when, and where the LEP stands now.

    Over several people, meetings or subjects the target is also a count: all of them.
    """
    items = _measured(finding)
    by = f" by {date_label(due)}" if due is not None and finding.is_gap else ""
    if len(items) > 1:
        return f"{finding.title}: {len(items)} of {len(items)}{by} ({_now(finding, items)})"
    return f"{finding.title}{',' if by else ''}{by} ({_now(finding, items)})"


def addresses(action: ImprovementAction, finding: Finding) -> bool:
    return finding.rule_id in action.addresses or any(r in action.addresses for r in finding.requirements)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def lep_status(action: ImprovementAction) -> str:
    """What the LEP's own plan says of an action: its status, and how many of its milestones are complete."""
    said = f"The LEP's plan {LEP_STATUS_WORDS[action.status]}"
    if not action.milestones:
        return f"{said}, with no milestones."
    done = sum(m.completed_on is not None for m in action.milestones)
    return f"{said}, with {done} of {_plural(len(action.milestones), 'milestone')} complete."


def _still_gaps(gaps: int, addressed: int) -> str:
    """How many of the requirements an action addresses are still gaps (the rest are met or do not apply)."""
    if addressed == 1:
        return "The requirement it addresses is still a gap."
    return f"{gaps} of the {addressed} requirements it addresses {'is still a gap' if gaps == 1 else 'are still gaps'}."


def _past_due(due_on: dt.date | None, completed_on: dt.date | None, on: dt.date) -> bool:
    return completed_on is None and due_on is not None and due_on < on


def _action_row(action: ImprovementAction, found: list[Finding], assessment: Assessment, t: PlanTemplate) -> Row:
    on = assessment.as_of
    topic = found[0].topic if found else ""
    owner = action.owner or t.owner_for(topic)
    milestones = tuple(
        Milestone(m.description, m.due_on, m.completed_on, _past_due(m.due_on, m.completed_on, on))
        for m in action.milestones
    )
    gaps = [f for f in found if f.is_gap]
    overdue = sum(m.overdue for m in milestones)
    status = [lep_status(action)]
    if not found:
        state = State.NOT_ASSESSED
        status.append(
            f"It addresses {', '.join(action.addresses) or 'no requirement'}, which {assessment.pack.id} "
            "does not check, so its effect is not measured here."
        )
    elif not gaps:
        state = State.DONE
        closed = "." if action.status == "done" else ": it can be closed in the LEP's plan."
        status.append(f"Every requirement it addresses is no longer a gap{closed}")
    else:
        state = State.OVERDUE if overdue else State.OPEN
        if overdue:
            status.append(f"{_plural(overdue, 'milestone')} past due.")
        status.append(_still_gaps(len(gaps), len(found)))
        if action.status == "done":
            remain = "the gap it addresses remains"
            if len(gaps) > 1:
                remain = f"{len(gaps)} of the gaps it addresses remain"
            status.append(f"Marked done, but {remain}: reopen it.")
    section = (t.section_for(topic) if found else t.section_by_requirements(action.addresses)).id
    findings = tuple(gaps + [f for f in found if not f.is_gap])
    return Row(
        0,
        section,
        state,
        action.summary,
        f"the LEP's action {action.id}",
        owner,
        findings,
        tuple(kpi(f) for f in findings),
        milestones,
        t.monitoring_for(topic),
        tuple(status),
        action,
    )


def _added_row(topic: str, gaps: list[Finding], assessment: Assessment, t: PlanTemplate) -> Row:
    ordered = sorted(gaps, key=lambda f: SEVERITIES.index(f.severity))
    due = [t.due_for(f.severity, assessment.as_of) for f in ordered]
    milestones = tuple(Milestone(f.remediation, on, None, False) for f, on in zip(ordered, due, strict=True))
    title = gaps[0].topic_title
    topic_words = title[0].lower() + title[1:] if title[1:2].islower() else title  # "LEP ..." keeps its capitals
    status = (f"{_plural(len(gaps), 'gap')} in {topic_words} found at {date_label(assessment.as_of)}.",)
    return Row(
        0,
        t.section_for(topic).id,
        State.ADDED,
        t.topic(topic).outcome,
        "",
        t.owner_for(topic),
        tuple(ordered),
        tuple(kpi(f, on) for f, on in zip(ordered, due, strict=True)),
        milestones,
        t.monitoring_for(topic),
        status,
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
    """One paragraph: what the plan holds, how its added rows were dated, and how its KPIs are measured."""
    actions = len(plan.assessment.improvement_actions)
    states = [State.OVERDUE, State.OPEN, State.DONE, State.NOT_ASSESSED]
    counted = ", ".join(f"{plan.count(s)} {STATE_WORDS[s].split(':')[0]}" for s in states if plan.count(s))
    mine = "The facts record no plan. "
    if actions:
        mine = f"The LEP's own plan has {_plural(actions, 'action')} ({counted}). "
    added = plan.count(State.ADDED)
    measured = f"{plan.template.re_assessment} The last column is left for the Area Lead's quarterly update."
    if not added:
        return f"{mine}No gap is left without an action. {measured}"
    months = [f"{_plural(n, 'month')} ({s} severity)" for s, n in plan.template.months_to_close.items()]
    return (
        f"{mine}{_plural(added, 'row')} {'is' if added == 1 else 'are'} added for the gaps no action addresses, "
        f"each led by a role; their milestones fall due {', '.join(months[:-1])} or {months[-1]} after "
        f"{date_label(plan.assessment.as_of)}. {measured}"
    )
