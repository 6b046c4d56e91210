"""The LEP's policies and the other documents it keeps or publishes, by name."""

from __future__ import annotations

from pydantic import Field

from govcheck.engine.facts.blocks import Document, Fact


class Policies(Fact):
    whistleblowing: Document | None = None
    complaints: Document | None = None
    confidential_reporting: Document | None = None
    conflicts_of_interest: Document | None = None
    gifts_and_hospitality: Document | None = None
    code_of_conduct: Document | None = None
    diversity_statement: Document | None = None
    expenses: Document | None = None
    public_access: Document | None = Field(
        default=None, description="the public's access to meetings and how to ask a question"
    )


class RegisterTemplate(Document):
    """The form on which registers of interest are completed."""

    is_national_template: bool | None = Field(default=None, description="the Best Practice Guidance template")


class Documents(Fact):
    induction_pack: Document | None = None
    succession_plan: Document | None = None
    scheme_of_delegation: Document | None = None
    register_of_interests_page: Document | None = None
    register_of_interests_template: RegisterTemplate | None = None
    economic_strategy: Document | None = Field(
        default=None, description="the Local Industrial Strategy, or earlier the Strategic Economic Plan"
    )
    role_descriptions: Document | None = None
    meeting_calendar: Document | None = None
    membership_list: Document | None = None
    decision_log: Document | None = None
    project_schedule: Document | None = None
    project_finance: Document | None = None
    project_pipeline: Document | None = None
    pay_and_expenses: Document | None = None
    gifts_and_hospitality_register: Document | None = None
    engagement_strategy: Document | None = None
    monitoring_and_evaluation_framework: Document | None = None
    risk_register: Document | None = None
