"""The facts model: what a facts file may say about one LEP at one date.

Strict structure, lenient presence: every model forbids unknown keys, and nearly
every fact is optional, because an absent fact is a finding (``missing_evidence``)
rather than a schema error. Dates end in ``_on``, booleans start with ``is_`` or
``has_``, and the vocabulary is the framework's own. The building blocks (dates,
evidence, documents) are in ``blocks``; the yearly cycle and the records kept
over time (reports, returns, projects, logs, attestations) in ``records``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ModelWrapValidatorHandler, PrivateAttr, model_validator

from govcheck.engine.facts.blocks import (
    DATE_FORM_HINT,
    Coverage,
    CoverageRef,
    Day,
    Document,
    EventDay,
    Evidence,
    Evidenced,
    Fact,
    Subject,
)
from govcheck.engine.facts.bodies import (
    Body,
    Composition,
    MeetingStatement,
    MemberStatement,
    Period,
    QuorumRule,
)
from govcheck.engine.facts.documents import Documents, Policies
from govcheck.engine.facts.people import (
    Induction,
    Person,
    Recruitment,
    RegisterOfInterests,
    RegisterUpdate,
    Role,
    StaffMember,
)
from govcheck.engine.facts.records import (
    AnnualReporting,
    Attestations,
    Complaint,
    Concern,
    MonitoringReturn,
    Project,
    ScrutinySession,
)

__all__ = [
    "DATE_FORM_HINT",
    "Body",
    "Composition",
    "Coverage",
    "CoverageRef",
    "Day",
    "Document",
    "Evidence",
    "Evidenced",
    "Fact",
    "Induction",
    "MeetingStatement",
    "MemberStatement",
    "Period",
    "Person",
    "QuorumRule",
    "Recruitment",
    "RegisterOfInterests",
    "RegisterUpdate",
    "Role",
    "StaffMember",
    "Subject",
]

# Format 2 says what an auditor found as well as what is recorded: not found, not known, partly,
# dates as precise as the evidence, a body's make-up as counts. Format 1 files are read as written.
FACTS_FORMAT_VERSION = 2
FACTS_FORMAT_VERSIONS = (1, 2)


class Organisation(Evidenced):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="a short slug, e.g. lancashire-lep")
    name: str
    legal_form: str | None = None
    company_number: str | None = None
    incorporated_on: Day | None = None
    local_authorities: list[str] | None = None
    website: str | None = None
    is_in_combined_authority: bool | None = Field(
        default=None, description="the LEP is part of a mayoral combined authority, which gives it legal personality"
    )
    has_area_overlapping_another_lep: bool | None = None


class AssuranceLetter(Evidenced):
    """The s151 officer's yearly letter certifying that the framework is implemented."""

    year: int
    sent_on: EventDay | None = None


class AccountableBody(Evidenced):
    name: str | None = None
    s151_officer: str | None = None
    agreement: Document | None = None
    assurance_letters: list[AssuranceLetter] | None = None


class AssuranceFramework(Document):
    """The LEP's local assurance framework, the document everything else hangs on."""

    board_approved_on: EventDay | None = None
    s151_signed_off_on: EventDay | None = None
    has_chair_and_chief_executive_signatures: bool | None = None


class Declaration(Evidenced):
    """An interest declared at a meeting."""

    person: str
    item: str | None = None
    interest: str | None = None
    is_minuted: bool | None = None
    has_withdrawn: bool | None = None
    register_updated_on: EventDay | None = None


class Decision(Evidenced):
    item: str | None = None
    summary: str | None = None
    is_by_written_procedure: bool | None = None


class ConfidentialItem(Evidenced):
    """An item taken in private, and the access-to-information ground for it."""

    item: str
    title: str | None = None
    reason: str | None = None


ReportSubject = Literal["diversity", "risk-register", "performance", "finance", "assurance-framework"]


class Meeting(Evidenced):
    id: str
    body: str
    held_on: Day
    is_scheduled: bool | None = Field(default=None, description="a meeting after the as-of date, not yet held")
    is_quorate: bool | None = Field(default=None, description="whether the minutes record the meeting as quorate")
    apologies: list[str] | None = Field(default=None, description="members who sent apologies (not present)")
    papers_published_on: EventDay | None = None
    draft_minutes_published_on: EventDay | None = None
    minutes_approved_on: EventDay | None = None
    final_minutes_published_on: EventDay | None = None
    has_declarations_item: bool | None = None
    attendance: list[str] | None = None
    in_attendance: list[str] | None = Field(
        default=None,
        description="others present who are not members (officers, advisers, guests), by name; not counted present",
    )
    declarations: list[Declaration] | None = None
    decisions: list[Decision] | None = None
    confidential_items: list[ConfidentialItem] | None = None
    reports: list[ReportSubject] | None = Field(default=None, description="standing reports the meeting received")


class Milestone(Evidenced):
    description: str
    due_on: Day | None = None
    completed_on: Day | None = None


class PlanAction(Evidenced):
    """One action of the LEP's own improvement plan."""

    id: str
    summary: str
    addresses: list[str] = Field(default_factory=list, description="rule ids or requirement ids")
    owner: str | None = None
    status: Literal["planned", "in-progress", "done"] | None = None
    milestones: list[Milestone] = Field(default_factory=list)


class ImprovementPlan(Evidenced):
    adopted_on: Day | None = None
    actions: list[PlanAction] = Field(default_factory=list)


class LocalCommitments(Fact):
    """Stricter numbers the LEP's own framework commits to.

    A rule checks the stricter of the national value and the local one: a local
    commitment can tighten a requirement, never loosen it.
    """

    papers_clear_working_days: int | None = Field(default=None, ge=0)
    draft_minutes_clear_working_days: int | None = Field(default=None, ge=0)
    final_minutes_clear_working_days: int | None = Field(default=None, ge=0)
    register_days_after_appointment: int | None = Field(default=None, ge=0)
    register_days_after_change: int | None = Field(default=None, ge=0)
    register_review_months: int | None = Field(default=None, ge=1)
    induction_months: int | None = Field(default=None, ge=0)
    policy_review_months: int | None = Field(default=None, ge=1)
    board_members_maximum: int | None = Field(default=None, ge=1)
    co_optees_maximum: int | None = Field(default=None, ge=0)
    concern_acknowledgement_working_days: int | None = Field(default=None, ge=0)
    complaint_acknowledgement_working_days: int | None = Field(default=None, ge=0)
    complaint_response_working_days: int | None = Field(default=None, ge=0)
    applicant_notification_working_days: int | None = Field(default=None, ge=0)
    risk_register_review_months: int | None = Field(default=None, ge=1)
    project_schedule_update_months: int | None = Field(default=None, ge=1)
    gifts_register_update_months: int | None = Field(default=None, ge=1)


class Facts(Fact):
    """One LEP's local assurance framework as facts, as of a date."""

    format_version: Literal[1, 2] = Field(description="the facts format version this file is written in")
    as_of: Day
    organisation: Organisation
    accountable_body: AccountableBody | None = None
    assurance_framework: AssuranceFramework | None = None
    local_commitments: LocalCommitments = Field(default_factory=LocalCommitments)
    bodies: list[Body] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    senior_staff: list[StaffMember] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    policies: Policies = Field(default_factory=Policies)
    documents: Documents = Field(default_factory=Documents)
    improvement_plan: ImprovementPlan | None = None
    annual_reporting: AnnualReporting = Field(default_factory=AnnualReporting)
    monitoring_returns: list[MonitoringReturn] = Field(default_factory=list)
    # Absent means not recorded; an empty list means there were none.
    projects: list[Project] | None = None
    scrutiny_sessions: list[ScrutinySession] = Field(default_factory=list)
    complaints: list[Complaint] | None = None
    whistleblowing_concerns: list[Concern] | None = None
    attestations: Attestations = Field(default_factory=dict)

    # Format 2 tells "no meetings" (`meetings: []`) from meetings not recorded (the key left out).
    _meetings_recorded: bool = PrivateAttr(default=True)

    @model_validator(mode="wrap")
    @classmethod
    def _note_what_is_recorded(cls, data: Any, handler: ModelWrapValidatorHandler[Facts]) -> Facts:
        facts = handler(data)
        if isinstance(data, dict) and data.get("format_version") != 1:
            facts._meetings_recorded = data.get("meetings") is not None
        return facts

    @property
    def meetings_recorded(self) -> bool:
        """Whether the facts record the meetings held (an empty list: none were); always so in format 1."""
        return self._meetings_recorded

    @model_validator(mode="before")
    @classmethod
    def _empty_sections_are_defaults(cls, data: Any) -> Any:
        # A section written with nothing under it (`policies:` followed only by comments,
        # as `govcheck init` writes) reads as null; it means "nothing recorded yet".
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if not (value is None and key in _SECTIONS)}
        return data


_SECTIONS = frozenset(
    {
        "local_commitments",
        "bodies",
        "people",
        "senior_staff",
        "meetings",
        "policies",
        "documents",
        "annual_reporting",
        "monitoring_returns",
        "projects",
        "scrutiny_sessions",
        "complaints",
        "whistleblowing_concerns",
        "attestations",
    }
)
