"""The board and its bodies: quorum, make-up as counts, and statements about every member or meeting."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from govcheck.engine.facts.blocks import (
    NOT_FOUND,
    NOT_KNOWN,
    BodyKind,
    Day,
    Document,
    EventDay,
    Evidenced,
    Fact,
    RoleName,
    _format_2_only,
)
from govcheck.engine.facts.people import Induction, RegisterOfInterests


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
    vacant_roles: list[RoleName] | None = Field(
        default=None, description="seats the evidence shows vacant, such as chair (format 2)"
    )
    allows_written_procedure: bool | None = Field(
        default=None,
        description="its articles or procedure rules allow decisions by written or urgent procedure outside a meeting",
    )
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
