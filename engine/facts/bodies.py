"""The board and its bodies: quorum, make-up as counts, and statements about every member or meeting."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, ValidationInfo, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

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
from govcheck.engine.facts.written_forms import AlsoWritten, format_2_only, words


class Period(Fact):
    """The span of time a statement about every meeting covers."""

    from_: Day | None = Field(default=None, alias="from", description="the first day it covers, e.g. 2019-04-01")
    to: Day | None = Field(default=None, description="the last day it covers, e.g. 2020-03-31")


class MemberStatement(Evidenced):
    """What the evidence says of every member of a body, when it does not name them (format 2).

    A rule over each member reads it as one item, "every member": `register_of_interests:
    {published_on: found}` says every register is published (on days not known).
    """

    register_of_interests: RegisterOfInterests | None = Field(
        default=None, description="every member's register of interests, e.g. {published_on: found}"
    )
    induction: Induction | None = Field(
        default=None, description="every member's induction, e.g. {completed_on: found}"
    )
    code_of_conduct_signed_on: EventDay | None = Field(
        default=None, description="when every member signed the code of conduct, e.g. found"
    )
    governance_agreement_signed_on: EventDay | None = Field(
        default=None, description="when every member signed the governance agreement, e.g. found"
    )


class MeetingStatement(Evidenced):
    """What the evidence says of every meeting of a body over a period (format 2): a practice
    observed ("declarations of interest are a standing item") rather than each meeting transcribed."""

    period: Period | None = Field(
        default=None, description="the meetings it speaks of, e.g. {from: 2019-04-01, to: 2020-03-31}"
    )
    has_declarations_item: bool | None = Field(
        default=None, description="true if declarations of interest are a standing item on every agenda"
    )
    papers_published_on: EventDay | None = Field(
        default=None, description="when papers were published for every meeting, e.g. found or late"
    )
    draft_minutes_published_on: EventDay | None = Field(
        default=None, description="when draft minutes were published after every meeting, e.g. found"
    )
    final_minutes_published_on: EventDay | None = Field(
        default=None, description="when approved minutes were published for every meeting, e.g. found"
    )
    is_quorate: bool | None = Field(default=None, description="true if every meeting was quorate")


class QuorumRule(Evidenced):
    """A body's quorum as its terms of reference or articles set it.

    A quorum may be a head count, a share of the voting members, or both; it may
    also require a number of private-sector members present.
    """

    model_config = ConfigDict(
        # A quorum that is set names a number (the validator below says so in words).
        json_schema_extra={
            "if": {"required": ["is_set"], "properties": {"is_set": {"const": False}}},
            "else": {
                "anyOf": [
                    {"required": ["minimum_present"], "properties": {"minimum_present": {"type": "integer"}}},
                    {"required": ["minimum_share"], "properties": {"minimum_share": {"type": "number"}}},
                ]
            },
        }
    )

    minimum_present: int | None = Field(default=None, ge=1, description="how many members must be present, e.g. 6")
    minimum_share: float | None = Field(
        default=None, gt=0, le=1, description="the share of voting members who must be present, e.g. 0.5 for half"
    )
    minimum_private_sector: int | None = Field(
        default=None, ge=0, description="how many of those present must be private-sector members, e.g. 3"
    )
    # False where the evidence shows no quorum is set (written `quorum: not found`, format 2).
    is_set: bool = Field(default=True, description="false where the evidence shows no quorum is set")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        said = words(NOT_FOUND, meaning="not found: no quorum is set")  # see _not_found
        return {"anyOf": [handler(core_schema), format_2_only(said)]}

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

    members: int | None = Field(default=None, ge=0, description="how many members in all, e.g. 28")
    women: int | None = Field(default=None, ge=0, description="how many of them are women, e.g. 4")
    private_sector: int | None = Field(default=None, ge=0, description="how many come from the private sector, e.g. 10")
    local_authority: int | None = Field(
        default=None, ge=0, description="how many are local authority leaders or members, e.g. 6"
    )
    sme: int | None = Field(default=None, ge=0, description="how many represent small and medium businesses, e.g. 2")
    co_optees: int | None = Field(default=None, ge=0, description="how many are co-opted members, e.g. 2")
    diversity_champions: int | None = Field(
        default=None, ge=0, description="how many are named diversity champions, e.g. 1"
    )

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

    id: str = Field(description="a short name for it, used by meetings and seats, e.g. board or investment-panel")
    name: str = Field(description="its name as the LEP writes it, e.g. Investment Panel")
    kind: BodyKind = Field(description="board, committee, sub-group, panel, joint-committee or council-committee")
    decides_on_public_money: bool | None = Field(
        default=None, description="true if it takes decisions on spending public money"
    )
    has_delegated_authority: bool | None = Field(
        default=None, description="true if the board has delegated decisions to it"
    )
    terms_of_reference: Document | None = Field(
        default=None, description="its terms of reference, e.g. {url: https://..., adopted_on: 2019-04-01}"
    )
    quorum: Annotated[
        QuorumRule | None,
        BeforeValidator(_quorum),
        AlsoWritten((format_2_only(words(NOT_KNOWN, meaning="not known: the evidence does not say")),)),
    ] = Field(default=None, description="the quorum its terms of reference set; not found where none is set")
    composition: Composition | None = Field(
        default=None, description="its make-up as counts, when members are not named, e.g. {members: 28, women: 4}"
    )
    vacant_roles: list[RoleName] | None = Field(
        default=None, description="seats the evidence shows vacant, such as chair (format 2)"
    )
    allows_written_procedure: bool | None = Field(
        default=None,
        description="its articles or procedure rules allow decisions by written or urgent procedure outside a meeting",
    )
    has_audit_and_risk_remit: bool | None = Field(
        default=None, description="true if it oversees audit and risk (an audit and risk committee)"
    )
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
