"""The facts model: what a facts file may say about one LEP at one date.

Strict structure, lenient presence: every model forbids unknown keys, and nearly
every fact is optional, because an absent fact is a finding (``missing_evidence``)
rather than a schema error. Dates end in ``_on``, booleans start with ``is_`` or
``has_``, and the vocabulary is the framework's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from govcheck.engine.subjects import SUBJECTS
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

FACTS_FORMAT_VERSION = 1

DATE_FORM_HINT = "write dates as YYYY-MM-DD, for example 2019-06-20"


def _to_date(value: Any) -> Any:
    """Accept a date, a timestamp (its day is what counts) or an ISO text date; refuse the rest.

    YAML already reads an unquoted 2019-06-20 as a date. Everything else that is not
    ISO (20/06/2019, "June 2019", 20190620) is refused with the form to use, because
    day/month order is ambiguous and a guess would silently move a deadline.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; {DATE_FORM_HINT}")


Day = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def _known_subject(value: str) -> str:
    if value not in SUBJECTS:
        from govcheck.engine.suggest import did_you_mean

        raise ValueError(f"unknown subject {value!r}{did_you_mean(value, SUBJECTS)}")
    return value


Subject = Annotated[
    str,
    AfterValidator(_known_subject),
    WithJsonSchema({"type": "string", "enum": sorted(SUBJECTS)}),
]

Sector = Literal["private", "public", "he-fe", "vcs", "other"]
Gender = Literal["woman", "man", "non-binary", "not-stated"]
RoleName = Literal["chair", "deputy-chair", "member", "co-optee", "substitute", "observer"]
BodyKind = Literal["board", "committee", "sub-group", "panel"]


class Fact(BaseModel):
    """Base of every facts model: unknown keys are errors, values never change, and types are not guessed.

    Strict: `yes`, `1` or `"true"` is not a boolean, and 6.0 is not a whole number;
    each is an error that says what to write, rather than a value read by guesswork.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Evidence(Fact):
    """Where a fact can be checked: a web page, or a document and its section."""

    url: str | None = None
    document: str | None = None
    section: str | None = None
    note: str | None = None


class Evidenced(Fact):
    """A fact that may carry the evidence for it."""

    evidence: Evidence | None = None


def _coverage_ref(value: Any) -> Any:
    # `subject: "5.3"` is shorthand for `subject: {section: "5.3"}`: most coverage maps
    # only name the section, and the long form stays available for pages and notes.
    if isinstance(value, (str, int, float)):
        return {"section": str(value)}
    return value


class CoverageRef(Evidenced):
    """The part of a document that covers a subject."""

    section: str
    page: int | None = None


Coverage = dict[Subject, Annotated[CoverageRef, BeforeValidator(_coverage_ref)]]


class Document(Evidenced):
    """A policy, plan or other document the LEP keeps, and its publication history."""

    title: str | None = None
    version: str | None = None
    is_in_place: bool | None = None
    adopted_on: Day | None = None
    published_on: Day | None = None
    url: str | None = None
    reviewed_on: Day | None = None
    coverage: Coverage | None = None


class Organisation(Evidenced):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="a short slug, e.g. lancashire-lep")
    name: str
    legal_form: str | None = None
    company_number: str | None = None
    incorporated_on: Day | None = None
    local_authorities: list[str] | None = None
    website: str | None = None


class AssuranceLetter(Evidenced):
    """The s151 officer's yearly letter certifying that the framework is implemented."""

    year: int
    sent_on: Day | None = None


class AccountableBody(Evidenced):
    name: str | None = None
    s151_officer: str | None = None
    agreement: Document | None = None
    assurance_letters: list[AssuranceLetter] | None = None


class AssuranceFramework(Document):
    """The LEP's local assurance framework, the document everything else hangs on."""

    board_approved_on: Day | None = None
    s151_signed_off_on: Day | None = None


class QuorumRule(Evidenced):
    """A body's quorum as its terms of reference or articles set it.

    A quorum may be a head count, a share of the voting members, or both; it may
    also require a number of private-sector members present.
    """

    minimum_present: int | None = Field(default=None, ge=1)
    minimum_share: float | None = Field(default=None, gt=0, le=1)
    minimum_private_sector: int | None = Field(default=None, ge=0)


class Body(Evidenced):
    """The board, or a committee, sub-group or panel of it."""

    id: str
    name: str
    kind: BodyKind
    decides_on_public_money: bool | None = None
    has_delegated_authority: bool | None = None
    terms_of_reference: Document | None = None
    quorum: QuorumRule | None = None


class Role(Evidenced):
    """A person's seat on a body, with its dates."""

    body: str
    role: RoleName = "member"
    appointed_on: Day | None = None
    term_ends_on: Day | None = None
    left_on: Day | None = None

    def is_current(self, on: dt.date) -> bool:
        if self.appointed_on is not None and self.appointed_on > on:
            return False
        return self.left_on is None or self.left_on > on


class RegisterUpdate(Evidenced):
    """A change to someone's interests and when the register caught up with it."""

    changed_on: Day | None = None
    updated_on: Day | None = None
    description: str | None = None


class RegisterOfInterests(Evidenced):
    completed_on: Day | None = None
    published_on: Day | None = None
    url: str | None = None
    reviewed_on: Day | None = None
    updates: list[RegisterUpdate] | None = None


class Induction(Evidenced):
    started_on: Day | None = None
    completed_on: Day | None = None


class Person(Evidenced):
    """Someone who sits on the board or one of its bodies."""

    id: str
    name: str
    sector: Sector | None = None
    gender: Gender | None = None
    organisation: str | None = None
    is_sme_representative: bool | None = None
    is_diversity_champion: bool | None = None
    roles: list[Role] = Field(default_factory=list)
    register_of_interests: RegisterOfInterests | None = None
    induction: Induction | None = None
    code_of_conduct_signed_on: Day | None = None


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
    register_updated_on: Day | None = None


class Decision(Evidenced):
    item: str | None = None
    summary: str | None = None
    is_by_written_procedure: bool | None = None


class ConfidentialItem(Evidenced):
    """An item taken in private, and the access-to-information ground for it."""

    item: str
    title: str | None = None
    reason: str | None = None


class Meeting(Evidenced):
    id: str
    body: str
    held_on: Day
    papers_published_on: Day | None = None
    draft_minutes_published_on: Day | None = None
    minutes_approved_on: Day | None = None
    final_minutes_published_on: Day | None = None
    has_declarations_item: bool | None = None
    attendance: list[str] | None = None
    declarations: list[Declaration] | None = None
    decisions: list[Decision] | None = None
    confidential_items: list[ConfidentialItem] | None = None


class Policies(Fact):
    whistleblowing: Document | None = None
    complaints: Document | None = None
    confidential_reporting: Document | None = None
    conflicts_of_interest: Document | None = None
    gifts_and_hospitality: Document | None = None
    code_of_conduct: Document | None = None
    diversity_statement: Document | None = None
    expenses: Document | None = None


class Documents(Fact):
    induction_pack: Document | None = None
    succession_plan: Document | None = None
    scheme_of_delegation: Document | None = None
    register_of_interests_page: Document | None = None


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


class Facts(Fact):
    """One LEP's local assurance framework as facts, as of a date."""

    format_version: Literal[1] = Field(description="the facts format version this file is written in")
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

    @model_validator(mode="before")
    @classmethod
    def _empty_sections_are_defaults(cls, data: Any) -> Any:
        # A section written with nothing under it (`policies:` followed only by comments,
        # as `govcheck init` writes) reads as null; it means "nothing recorded yet".
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if not (value is None and key in _SECTIONS)}
        return data


_SECTIONS = frozenset({"local_commitments", "bodies", "people", "senior_staff", "meetings", "policies", "documents"})
