"""The LEP's policies and the other documents it keeps or publishes, by name."""

from __future__ import annotations

from pydantic import Field

from govcheck.engine.facts.blocks import Document, Fact


class Policies(Fact):
    """The LEP's governance policies, each a document with its dates and the subjects it covers."""

    whistleblowing: Document | None = Field(
        default=None,
        description="the whistleblowing policy, e.g. {url: https://..., adopted_on: 2019-04-01}",
    )
    complaints: Document | None = Field(
        default=None, description="the complaints policy, e.g. {url: https://..., adopted_on: 2019-04-01}"
    )
    confidential_reporting: Document | None = Field(
        default=None, description="the policy for reporting concerns in confidence, where separate from whistleblowing"
    )
    conflicts_of_interest: Document | None = Field(
        default=None, description="the conflicts of interest policy, e.g. {url: https://..., reviewed_on: 2020-03-01}"
    )
    gifts_and_hospitality: Document | None = Field(
        default=None, description="the gifts and hospitality policy, e.g. {url: https://..., adopted_on: 2019-04-01}"
    )
    code_of_conduct: Document | None = Field(
        default=None,
        description="the code of conduct for board members and staff, e.g. {url: https://..., adopted_on: 2019-04-01}",
    )
    diversity_statement: Document | None = Field(
        default=None, description="the diversity statement or policy, e.g. {url: https://..., published_on: 2019-04-10}"
    )
    expenses: Document | None = Field(
        default=None,
        description="the expenses policy for board members and staff, e.g. {url: https://..., adopted_on: 2019-04-01}",
    )
    public_access: Document | None = Field(
        default=None, description="the public's access to meetings and how to ask a question, e.g. {url: https://...}"
    )


class RegisterTemplate(Document):
    """The form on which registers of interest are completed."""

    is_national_template: bool | None = Field(
        default=None, description="true if it is the national template from the Best Practice Guidance"
    )


class Documents(Fact):
    """The other documents the LEP keeps or publishes, by name."""

    induction_pack: Document | None = Field(
        default=None, description='the pack new board members are given, e.g. {coverage: {induction.training: "5"}}'
    )
    succession_plan: Document | None = Field(
        default=None, description="the board's succession plan, e.g. {reviewed_on: 2019-10-01}"
    )
    scheme_of_delegation: Document | None = Field(
        default=None, description="what the board delegates to whom, e.g. {url: https://..., adopted_on: 2019-04-01}"
    )
    register_of_interests_page: Document | None = Field(
        default=None, description="the web page where registers of interests are published, e.g. {url: https://...}"
    )
    register_of_interests_template: RegisterTemplate | None = Field(
        default=None, description="the form members fill in to declare interests, e.g. {is_national_template: true}"
    )
    economic_strategy: Document | None = Field(
        default=None,
        description="the Local Industrial Strategy, or earlier the Strategic Economic Plan, e.g. {url: https://...}",
    )
    role_descriptions: Document | None = Field(
        default=None, description="the role descriptions for the chair and board members, e.g. {url: https://...}"
    )
    meeting_calendar: Document | None = Field(
        default=None,
        description="the published dates of forthcoming meetings, e.g. {url: https://..., published_on: 2019-04-01}",
    )
    membership_list: Document | None = Field(
        default=None, description="the published list of board members, e.g. {url: https://...}"
    )
    decision_log: Document | None = Field(
        default=None,
        description="the published record of decisions taken, e.g. {url: https://..., reviewed_on: 2020-01-31}",
    )
    project_schedule: Document | None = Field(
        default=None,
        description="the published list of projects and the funding for each, e.g. {reviewed_on: 2020-01-31}",
    )
    project_finance: Document | None = Field(
        default=None, description="published financial information on projects, e.g. {url: https://...}"
    )
    project_pipeline: Document | None = Field(
        default=None, description="the published pipeline of projects seeking funding, e.g. {url: https://...}"
    )
    pay_and_expenses: Document | None = Field(
        default=None,
        description="the published pay of senior staff and expenses of board members, e.g. {url: https://...}",
    )
    gifts_and_hospitality_register: Document | None = Field(
        default=None, description="the published register of gifts and hospitality, e.g. {reviewed_on: 2020-02-01}"
    )
    engagement_strategy: Document | None = Field(
        default=None,
        description="how the LEP engages partners and the public, e.g. {url: https://..., adopted_on: 2019-04-01}",
    )
    monitoring_and_evaluation_framework: Document | None = Field(
        default=None, description="how projects and programmes are monitored and evaluated, e.g. {url: https://...}"
    )
    risk_register: Document | None = Field(
        default=None, description="the LEP's risk register, e.g. {reviewed_on: 2020-02-20}"
    )
