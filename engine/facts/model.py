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

from pydantic import Field, GetJsonSchemaHandler, ModelWrapValidatorHandler, PrivateAttr, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

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
from govcheck.engine.facts.commitments import ImprovementPlan, LocalCommitments, Milestone, PlanAction
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
    "ImprovementPlan",
    "Induction",
    "LocalCommitments",
    "MeetingStatement",
    "MemberStatement",
    "Milestone",
    "Period",
    "Person",
    "PlanAction",
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
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="a short slug, e.g. lancashire-lep",
        json_schema_extra={"patternErrorMessage": "write small letters, digits and hyphens, e.g. lancashire-lep"},
    )
    name: str = Field(description="the LEP's name as it writes it, e.g. Lancashire Enterprise Partnership")
    legal_form: str | None = Field(default=None, description="e.g. company limited by guarantee")
    company_number: str | None = Field(
        default=None, description='its Companies House number, in quotes, e.g. "01234567"'
    )
    incorporated_on: Day | None = Field(default=None, description="the day the company was formed, e.g. 2011-06-01")
    local_authorities: list[str] | None = Field(
        default=None, description="the councils in its area, e.g. [Blackburn with Darwen, Blackpool, Lancashire]"
    )
    website: str | None = Field(default=None, description="its website, e.g. https://www.example-lep.org.uk")
    is_in_combined_authority: bool | None = Field(
        default=None,
        description="true if the LEP is part of a mayoral combined authority, which gives it legal personality",
    )
    has_area_overlapping_another_lep: bool | None = Field(
        default=None, description="true if part of its area is also in another LEP's area"
    )


class AssuranceLetter(Evidenced):
    """The s151 officer's yearly letter certifying that the framework is implemented."""

    year: int = Field(description="the year the letter is for, e.g. 2019")
    sent_on: EventDay | None = Field(default=None, description="the day it was sent to government, e.g. 2019-02-28")


class AccountableBody(Evidenced):
    """The council that holds and accounts for the LEP's public money."""

    name: str | None = Field(default=None, description="the council's name, e.g. Example County Council")
    s151_officer: str | None = Field(
        default=None, description="its chief finance (section 151) officer, e.g. Director of Finance"
    )
    agreement: Document | None = Field(
        default=None,
        description="the agreement between the LEP and its accountable body, e.g. {url: https://...}",
    )
    assurance_letters: list[AssuranceLetter] | None = Field(
        default=None,
        description="the s151 officer's yearly assurance letters, e.g. [{year: 2019, sent_on: 2019-02-28}]",
    )


class AssuranceFramework(Document):
    """The LEP's local assurance framework, the document everything else hangs on."""

    board_approved_on: EventDay | None = Field(
        default=None, description="the day the board approved it, e.g. 2019-03-20"
    )
    s151_signed_off_on: EventDay | None = Field(
        default=None, description="the day the s151 officer signed it off, e.g. 2019-03-22"
    )
    has_chair_and_chief_executive_signatures: bool | None = Field(
        default=None, description="true if the Chair and Chief Executive signed it"
    )


class Declaration(Evidenced):
    """An interest declared at a meeting."""

    person: str = Field(description="the id of the person who declared it, as written under people, e.g. jsmith")
    item: str | None = Field(default=None, description='the agenda item it concerned, in quotes, e.g. "5"')
    interest: str | None = Field(default=None, description="what the interest is, e.g. director of the applicant")
    is_minuted: bool | None = Field(default=None, description="true if the minutes record the declaration")
    has_withdrawn: bool | None = Field(default=None, description="true if the person left the room for the item")
    register_updated_on: EventDay | None = Field(
        default=None, description="the day their register of interests was updated to show it, e.g. 2019-07-01"
    )


class Decision(Evidenced):
    """A decision taken at a meeting."""

    item: str | None = Field(default=None, description='the agenda item, in quotes, e.g. "5"')
    summary: str | None = Field(default=None, description="what was decided, e.g. Approve Growth Deal project X")
    is_by_written_procedure: bool | None = Field(
        default=None, description="true if taken by written or urgent procedure rather than at the meeting"
    )


class ConfidentialItem(Evidenced):
    """An item taken in private, and the access-to-information ground for it."""

    item: str = Field(description='the agenda item, in quotes, e.g. "9"')
    title: str | None = Field(default=None, description="its title, e.g. Land acquisition")
    reason: str | None = Field(
        default=None, description="the legal ground for taking it in private, e.g. Schedule 12A para 3"
    )


ReportSubject = Literal["diversity", "risk-register", "performance", "finance", "assurance-framework"]


class Meeting(Evidenced):
    """A meeting of the board or of one of its bodies."""

    id: str = Field(description="a short name for the meeting, e.g. board-2019-06-20")
    body: str = Field(description="the id of the body that met, as written under bodies, e.g. board")
    held_on: Day = Field(description="the day it was held, e.g. 2019-06-20")
    is_scheduled: bool | None = Field(default=None, description="true for a meeting after the as-of date, not yet held")
    is_quorate: bool | None = Field(default=None, description="true if the minutes record the meeting as quorate")
    apologies: list[str] | None = Field(
        default=None, description="the ids of members who sent apologies (not present), e.g. [jsmith]"
    )
    papers_published_on: EventDay | None = Field(
        default=None, description="the day the agenda and papers were published, e.g. 2019-06-12"
    )
    draft_minutes_published_on: EventDay | None = Field(
        default=None, description="the day the draft minutes were published, e.g. 2019-07-01"
    )
    minutes_approved_on: EventDay | None = Field(
        default=None, description="the day the minutes were approved, usually at the next meeting, e.g. 2019-09-19"
    )
    final_minutes_published_on: EventDay | None = Field(
        default=None, description="the day the approved minutes were published, e.g. 2019-09-24"
    )
    has_declarations_item: bool | None = Field(
        default=None, description="true if the agenda had an item for declarations of interest"
    )
    attendance: list[str] | None = Field(
        default=None, description="the ids of the members present, as written under people, e.g. [jsmith, apatel]"
    )
    in_attendance: list[str] | None = Field(
        default=None,
        description="others present who are not members (officers, advisers, guests), by name; not counted present",
    )
    declarations: list[Declaration] | None = Field(
        default=None, description='interests declared, e.g. [{person: jsmith, item: "5", is_minuted: true}]'
    )
    decisions: list[Decision] | None = Field(
        default=None, description='decisions taken, e.g. [{item: "5", summary: Approve Growth Deal project X}]'
    )
    confidential_items: list[ConfidentialItem] | None = Field(
        default=None, description='items taken in private, e.g. [{item: "9", reason: Schedule 12A para 3}]'
    )
    reports: list[ReportSubject] | None = Field(
        default=None,
        description="standing reports the meeting received: diversity, risk-register, performance, finance, "
        "assurance-framework",
    )


class Facts(Fact):
    """One LEP's local assurance framework as facts, as of a date."""

    format_version: Literal[1, 2] = Field(
        description="the facts format this file is written in: 2 (files in format 1 are still read)"
    )
    as_of: Day = Field(description="the date these facts describe, e.g. 2020-03-31")
    organisation: Organisation = Field(description="the LEP itself, e.g. {id: example-lep, name: Example LEP}")
    accountable_body: AccountableBody | None = Field(
        default=None, description="the council that holds the LEP's money, e.g. {name: Example County Council}"
    )
    assurance_framework: AssuranceFramework | None = Field(
        default=None,
        description='the local assurance framework document, e.g. {version: "3.0", adopted_on: 2019-03-20}',
    )
    local_commitments: LocalCommitments = Field(
        default_factory=LocalCommitments,
        description="stricter numbers the LEP's own framework commits to, e.g. {papers_clear_working_days: 7}",
    )
    bodies: list[Body] = Field(
        default_factory=list, description="the board and every committee, sub-group or panel, e.g. [{id: board, ...}]"
    )
    people: list[Person] = Field(
        default_factory=list, description="everyone who sits on a body, with their seats, e.g. [{id: jsmith, ...}]"
    )
    senior_staff: list[StaffMember] = Field(
        default_factory=list, description="the chief executive and officers who advise on decisions"
    )
    meetings: list[Meeting] = Field(
        default_factory=list,
        description="meetings of the board and its bodies; leave out if not recorded, [] if none were held",
    )
    policies: Policies = Field(
        default_factory=Policies, description="the governance policies, e.g. {whistleblowing: {url: https://...}}"
    )
    documents: Documents = Field(
        default_factory=Documents, description="other documents kept or published, e.g. {risk_register: {...}}"
    )
    improvement_plan: ImprovementPlan | None = Field(
        default=None, description="the LEP's own improvement plan, e.g. {actions: [...]}"
    )
    annual_reporting: AnnualReporting = Field(
        default_factory=AnnualReporting,
        description="what is planned, reported and published each year, e.g. {delivery_plans: [...]}",
    )
    monitoring_returns: list[MonitoringReturn] = Field(
        default_factory=list, description="returns to government, e.g. [{period: 2019-20 Q3, due_on: 2020-01-31}]"
    )
    # Absent means not recorded; an empty list means there were none.
    projects: list[Project] | None = Field(
        default=None, description="applications and projects; leave out if not recorded, [] if there were none"
    )
    scrutiny_sessions: list[ScrutinySession] = Field(
        default_factory=list, description="council scrutiny meetings that looked at the LEP"
    )
    complaints: list[Complaint] | None = Field(
        default=None, description="complaints received; leave out if not recorded, [] if there were none"
    )
    whistleblowing_concerns: list[Concern] | None = Field(
        default=None, description="whistleblowing concerns raised; leave out if not recorded, [] if there were none"
    )
    attestations: Attestations = Field(
        default_factory=dict,
        description="judgements facts cannot show, by subject, e.g. {board.reflects-the-area: {judged_by: ...}}",
    )

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

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        for name in _SECTIONS:  # a section may be written with nothing under it (_empty_sections_are_defaults)
            section = schema["properties"][name]
            described = {key: section.pop(key) for key in ("description", "default") if key in section}
            schema["properties"][name] = {"anyOf": [section, {"type": "null"}], **described}
        return schema

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
