"""The people of a LEP's bodies and staff: their seats, registers of interests and induction."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from govcheck.engine.facts.blocks import Day, EventDay, Evidenced, Gender, RoleName, Sector


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
