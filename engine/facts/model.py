"""The facts model: what a facts file may say about one LEP at one date.

Strict structure, lenient presence: every model forbids unknown keys, and nearly
every fact is optional, because an absent fact is a finding (``missing_evidence``)
rather than a schema error. Dates end in ``_on``, booleans start with ``is_`` or
``has_``, and the vocabulary is the framework's own. The building blocks (dates,
evidence, documents) are in ``blocks``; the yearly cycle and the records kept
over time (reports, returns, projects, logs, attestations) in ``records``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from govcheck.engine.facts.blocks import (
    DATE_FORM_HINT,
    NOT_FOUND,
    NOT_KNOWN,
    BodyKind,
    Coverage,
    CoverageRef,
    Day,
    Document,
    EventDay,
    Evidence,
    Evidenced,
    Fact,
    Gender,
    RoleName,
    Sector,
    Subject,
    _format_2_only,
)
from govcheck.engine.facts.documents import Documents, Policies
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
    "Coverage",
    "CoverageRef",
    "Day",
    "Document",
    "Evidence",
    "Evidenced",
    "Fact",
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


class QuorumRule(Evidenced):
    """A body's quorum as its terms of reference or articles set it.

    A quorum may be a head count, a share of the voting members, or both; it may
    also require a number of private-sector members present.
    """

    minimum_present: int | None = Field(default=None, ge=1)
    minimum_share: float | None = Field(default=None, gt=0, le=1)
    minimum_private_sector: int | None = Field(default=None, ge=0)
    # False where the evidence shows no quorum is set (written `quorum: not found`, format 2).
    is_set: bool = True

    @model_validator(mode="before")
    @classmethod
    def _not_found(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and value.strip() == NOT_FOUND:
            _format_2_only(info, value)
            return {"is_set": False}
        return value

    @model_validator(mode="after")
    def _sets_a_number(self) -> QuorumRule:
        # `quorum: {}` would read as a quorum set, yet it sets nothing: never a pass.
        if self.is_set and self.minimum_present is None and self.minimum_share is None:
            raise ValueError("a quorum sets minimum_present or minimum_share (write `not found` where none is set)")
        return self


def _quorum(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str) and value.strip() == NOT_KNOWN:
        _format_2_only(info, value)
        return None
    return value


class Composition(Evidenced):
    """A body's make-up as counts, for evidence that gives numbers rather than names (format 2).

    Count and share rules use the listed members when the list is complete, these counts otherwise.
    """

    members: int | None = Field(default=None, ge=0, description="how many members in all")
    women: int | None = Field(default=None, ge=0)
    private_sector: int | None = Field(default=None, ge=0)
    local_authority: int | None = Field(default=None, ge=0, description="local authority leaders or members")
    sme: int | None = Field(default=None, ge=0, description="members representing small and medium businesses")
    co_optees: int | None = Field(default=None, ge=0)
    diversity_champions: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _parts_within_the_whole(self) -> Composition:
        if self.members is not None:
            for name in COMPOSITION_PARTS:
                part = getattr(self, name)
                if part is not None and part > self.members:
                    raise ValueError(f"{name} ({part}) is more than the members in all ({self.members})")
        return self


COMPOSITION_PARTS = ("women", "private_sector", "local_authority", "sme", "co_optees", "diversity_champions")


class Body(Evidenced):
    """The board, or a committee, sub-group or panel of it."""

    id: str
    name: str
    kind: BodyKind
    decides_on_public_money: bool | None = None
    has_delegated_authority: bool | None = None
    terms_of_reference: Document | None = None
    quorum: Annotated[QuorumRule | None, BeforeValidator(_quorum)] = Field(
        default=None, description="the quorum its terms of reference set; not found where none is set"
    )
    composition: Composition | None = None
    has_audit_and_risk_remit: bool | None = None
    is_membership_complete: bool | None = Field(
        default=None, description="false where the facts list only some of this body's members"
    )
    every_member: MemberStatement | None = Field(
        default=None, description="what the evidence says of every member, when the members are not listed"
    )
    every_meeting: MeetingStatement | None = Field(
        default=None, description="what the evidence says of every meeting over a period, when they are not listed"
    )
    has_s151_officer_attendance: bool | None = Field(
        default=None, description="the s151 officer or their deputy has a seat or a right to attend"
    )


class Recruitment(Evidenced):
    """How a seat was filled: the advert, the selection and the board's approval."""

    advertised_on: EventDay | None = None
    advert_url: str | None = None
    is_open_competition: bool | None = None
    has_role_description: bool | None = None
    selection_panel: list[str] | None = None
    has_business_consultation: bool | None = Field(
        default=None, description="for a Chair: the local business community was consulted"
    )
    board_approved_on: EventDay | None = None


class Role(Evidenced):
    """A person's seat on a body, with its dates."""

    body: str
    role: RoleName = "member"
    appointed_on: Day | None = None
    term_ends_on: Day | None = None
    recruitment: Recruitment | None = None
    left_on: Day | None = None

    def is_current(self, on: dt.date) -> bool:
        if self.appointed_on is not None and self.appointed_on > on:
            return False
        return self.left_on is None or self.left_on > on


class RegisterUpdate(Evidenced):
    """A change to someone's interests and when the register caught up with it."""

    changed_on: Day | None = None
    updated_on: EventDay | None = None
    description: str | None = None


class RegisterOfInterests(Evidenced):
    completed_on: EventDay | None = None
    published_on: EventDay | None = None
    url: str | None = None
    reviewed_on: EventDay | None = None
    updates: list[RegisterUpdate] | None = None


class Induction(Evidenced):
    started_on: EventDay | None = None
    completed_on: EventDay | None = None


class Person(Evidenced):
    """Someone who sits on the board or one of its bodies."""

    id: str
    name: str
    sector: Sector | None = None
    gender: Gender | None = None
    organisation: str | None = None
    is_sme_representative: bool | None = None
    is_diversity_champion: bool | None = None
    is_local_authority_member: bool | None = None
    roles: list[Role] = Field(default_factory=list)
    register_of_interests: RegisterOfInterests | None = None
    induction: Induction | None = None
    code_of_conduct_signed_on: EventDay | None = None
    governance_agreement_signed_on: EventDay | None = None


class StaffMember(Evidenced):
    """A senior officer: the chief executive and those who advise on decisions."""

    id: str
    name: str
    post: str | None = None
    appointed_on: Day | None = None
    left_on: Day | None = None
    register_of_interests: RegisterOfInterests | None = None


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
    declarations: list[Declaration] | None = None
    decisions: list[Decision] | None = None
    confidential_items: list[ConfidentialItem] | None = None
    reports: list[ReportSubject] | None = Field(default=None, description="standing reports the meeting received")


class Period(Fact):
    """The span of time a statement about every meeting covers."""

    from_: Day | None = Field(default=None, alias="from")
    to: Day | None = None


class MemberStatement(Evidenced):
    """What the evidence says of every member of a body, when it does not name them (format 2).

    A rule over each member reads it as one item, "every member": `register_of_interests:
    {published_on: found}` says every register is published (on days not known).
    """

    register_of_interests: RegisterOfInterests | None = None
    induction: Induction | None = None
    code_of_conduct_signed_on: EventDay | None = None
    governance_agreement_signed_on: EventDay | None = None


class MeetingStatement(Evidenced):
    """What the evidence says of every meeting of a body over a period (format 2): a practice
    observed ("declarations of interest are a standing item") rather than each meeting transcribed."""

    period: Period | None = None
    has_declarations_item: bool | None = None
    papers_published_on: EventDay | None = None
    draft_minutes_published_on: EventDay | None = None
    final_minutes_published_on: EventDay | None = None
    is_quorate: bool | None = None


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
