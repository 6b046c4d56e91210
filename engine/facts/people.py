"""The people of a LEP's bodies and staff: their seats, registers of interests and induction."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from govcheck.engine.facts.blocks import Day, EventDay, Evidenced, Gender, RoleName, Sector


class Recruitment(Evidenced):
    """How a seat was filled: the advert, the selection and the board's approval."""

    advertised_on: EventDay | None = Field(default=None, description="the day the seat was advertised, e.g. 2018-02-01")
    advert_url: str | None = Field(default=None, description="where the advert was published, e.g. https://...")
    is_open_competition: bool | None = Field(
        default=None, description="true if anyone could apply (an open and transparent recruitment)"
    )
    has_role_description: bool | None = Field(
        default=None, description="true if the advert came with a description of the role"
    )
    selection_panel: list[str] | None = Field(
        default=None, description="who chose the candidate, e.g. [Chair, Chief Executive]"
    )
    has_business_consultation: bool | None = Field(
        default=None, description="for a Chair: the local business community was consulted"
    )
    board_approved_on: EventDay | None = Field(
        default=None, description="the day the board approved the appointment, e.g. 2018-04-19"
    )


class Role(Evidenced):
    """A person's seat on a body, with its dates."""

    body: str = Field(description="the id of the body the seat is on, as written under bodies, e.g. board")
    role: RoleName = Field(
        default="member", description="chair, deputy-chair, member (the default), co-optee, substitute or observer"
    )
    appointed_on: Day | None = Field(default=None, description="the day the person took the seat, e.g. 2018-05-01")
    term_ends_on: Day | None = Field(default=None, description="the day the term of office ends, e.g. 2021-04-30")
    recruitment: Recruitment | None = Field(
        default=None, description="how the seat was filled, e.g. {advertised_on: 2018-02-01, is_open_competition: true}"
    )
    left_on: Day | None = Field(
        default=None, description="the day the person left the seat, if they have, e.g. 2020-01-31"
    )

    def is_current(self, on: dt.date) -> bool:
        if self.appointed_on is not None and self.appointed_on > on:
            return False
        return self.left_on is None or self.left_on > on


class RegisterUpdate(Evidenced):
    """A change to someone's interests and when the register caught up with it."""

    changed_on: Day | None = Field(default=None, description="the day the person's interests changed, e.g. 2019-07-01")
    updated_on: EventDay | None = Field(
        default=None, description="the day the published register showed the change, e.g. 2019-07-20"
    )
    description: str | None = Field(default=None, description="what changed, e.g. new directorship of Acme Ltd")


class RegisterOfInterests(Evidenced):
    """A person's register of interests: when it was filled in, published and reviewed."""

    completed_on: EventDay | None = Field(default=None, description="the day the person filled it in, e.g. 2018-05-10")
    published_on: EventDay | None = Field(default=None, description="the day it went on the website, e.g. 2018-05-20")
    url: str | None = Field(default=None, description="where it is published, e.g. https://...")
    reviewed_on: EventDay | None = Field(
        default=None, description="the day the person last checked it was up to date, e.g. 2019-05-01"
    )
    updates: list[RegisterUpdate] | None = Field(
        default=None, description="changes of interests, e.g. [{changed_on: 2019-07-01, updated_on: 2019-07-20}]"
    )


class Induction(Evidenced):
    """A new member's induction."""

    started_on: EventDay | None = Field(default=None, description="the day the induction began, e.g. 2018-05-15")
    completed_on: EventDay | None = Field(default=None, description="the day it was completed, e.g. 2018-06-15")


class Person(Evidenced):
    """Someone who sits on the board or one of its bodies."""

    id: str = Field(description="a short name for the person, used by meetings, e.g. jsmith")
    name: str = Field(description="the person's name as published, e.g. J. Smith")
    sector: Sector | None = Field(default=None, description="private, public, he-fe, vcs (voluntary) or other")
    gender: Gender | None = Field(default=None, description="woman, man, non-binary or not-stated")
    organisation: str | None = Field(default=None, description="the organisation they come from, e.g. Acme Ltd")
    is_sme_representative: bool | None = Field(
        default=None, description="true if they represent small and medium businesses"
    )
    is_diversity_champion: bool | None = Field(
        default=None, description="true if the board named them its diversity champion"
    )
    is_local_authority_member: bool | None = Field(
        default=None, description="true if they sit as a local authority leader or member"
    )
    roles: list[Role] = Field(
        default_factory=list,
        description="their seats, e.g. [{body: board, role: chair, appointed_on: 2018-05-01}]",
    )
    register_of_interests: RegisterOfInterests | None = Field(
        default=None, description="their register of interests, e.g. {published_on: 2018-05-20}"
    )
    induction: Induction | None = Field(default=None, description="their induction, e.g. {completed_on: 2018-06-15}")
    code_of_conduct_signed_on: EventDay | None = Field(
        default=None, description="the day they signed the code of conduct, e.g. 2018-05-01"
    )
    governance_agreement_signed_on: EventDay | None = Field(
        default=None, description="the day they signed the governance or members' agreement, e.g. 2018-05-01"
    )


class StaffMember(Evidenced):
    """A senior officer: the chief executive and those who advise on decisions."""

    id: str = Field(description="a short name for the officer, e.g. ceo")
    name: str = Field(description="the officer's name, e.g. A. Officer")
    post: str | None = Field(default=None, description="their job title, e.g. Chief Executive")
    appointed_on: Day | None = Field(default=None, description="the day they took up the post, e.g. 2017-09-01")
    left_on: Day | None = Field(default=None, description="the day they left, if they have, e.g. 2020-06-30")
    register_of_interests: RegisterOfInterests | None = Field(
        default=None, description="their register of interests, e.g. {published_on: 2019-01-10}"
    )
