"""What a LEP commits itself to: stricter numbers than the national framework's, and its own improvement plan."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from govcheck.engine.facts.blocks import Day, Evidenced, Fact


class Milestone(Evidenced):
    """A step of an improvement plan action, with its dates."""

    description: str = Field(description="what will be done, e.g. All registers online")
    due_on: Day | None = Field(default=None, description="the day it is due, e.g. 2020-06-30")
    completed_on: Day | None = Field(default=None, description="the day it was done, e.g. 2020-06-12")


class PlanAction(Evidenced):
    """One action of the LEP's own improvement plan."""

    id: str = Field(description="a short name for the action, e.g. act-1")
    summary: str = Field(description="what the action is, e.g. Publish all registers of interest")
    addresses: list[str] = Field(
        default_factory=list,
        description="the rule ids or requirement ids it answers, e.g. [registers.board-members-published]",
    )
    owner: str | None = Field(default=None, description="who is responsible, e.g. Board Secretary")
    status: Literal["planned", "in-progress", "done"] | None = Field(
        default=None, description="planned, in-progress or done"
    )
    milestones: list[Milestone] = Field(
        default_factory=list, description="its steps, e.g. [{description: All registers online, due_on: 2020-06-30}]"
    )


class ImprovementPlan(Evidenced):
    """The LEP's own improvement plan."""

    adopted_on: Day | None = Field(default=None, description="the day the board adopted the plan, e.g. 2020-01-30")
    actions: list[PlanAction] = Field(
        default_factory=list, description="its actions, e.g. [{id: act-1, summary: Publish all registers}]"
    )


class LocalCommitments(Fact):
    """Stricter numbers the LEP's own framework commits to.

    A rule checks the stricter of the national value and the local one: a local
    commitment can tighten a requirement, never loosen it.
    """

    papers_clear_working_days: int | None = Field(
        default=None, ge=0, description="clear working days before a meeting its papers are published, e.g. 7"
    )
    draft_minutes_clear_working_days: int | None = Field(
        default=None, ge=0, description="working days after a meeting its draft minutes are published, e.g. 5"
    )
    final_minutes_clear_working_days: int | None = Field(
        default=None, ge=0, description="working days after approval the final minutes are published, e.g. 5"
    )
    register_days_after_appointment: int | None = Field(
        default=None, ge=0, description="days after appointment a register of interests is published, e.g. 14"
    )
    register_days_after_change: int | None = Field(
        default=None, ge=0, description="days after a change of interests the register shows it, e.g. 14"
    )
    register_review_months: int | None = Field(
        default=None, ge=1, description="months between reviews of each register of interests, e.g. 12"
    )
    induction_months: int | None = Field(
        default=None, ge=0, description="months after appointment a new member's induction is completed, e.g. 3"
    )
    policy_review_months: int | None = Field(
        default=None, ge=1, description="months between reviews of each policy, e.g. 12"
    )
    board_members_maximum: int | None = Field(
        default=None, ge=1, description="the most members the board may have, e.g. 20"
    )
    co_optees_maximum: int | None = Field(
        default=None, ge=0, description="the most co-opted members the board may have, e.g. 5"
    )
    concern_acknowledgement_working_days: int | None = Field(
        default=None, ge=0, description="working days to acknowledge a whistleblowing concern, e.g. 5"
    )
    complaint_acknowledgement_working_days: int | None = Field(
        default=None, ge=0, description="working days to acknowledge a complaint, e.g. 5"
    )
    complaint_response_working_days: int | None = Field(
        default=None, ge=0, description="working days to answer a complaint in full, e.g. 20"
    )
    applicant_notification_working_days: int | None = Field(
        default=None, ge=0, description="working days to tell an applicant the decision, e.g. 10"
    )
    risk_register_review_months: int | None = Field(
        default=None, ge=1, description="months between reviews of the risk register, e.g. 3"
    )
    project_schedule_update_months: int | None = Field(
        default=None, ge=1, description="months between updates of the published project list, e.g. 3"
    )
    gifts_register_update_months: int | None = Field(
        default=None, ge=1, description="months between updates of the gifts and hospitality register, e.g. 3"
    )
