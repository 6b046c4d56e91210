"""Facts about the LEP's yearly cycle and the records it keeps over time.

Yearly documents (delivery plan, end-of-year report, accounts...) name the
financial year they cover; returns, projects, complaints and concerns are
records with their own dates; attestations record a person's judgement where
facts alone cannot decide a requirement. Same conventions as the rest of the
facts model: unknown keys are errors, nearly everything is optional.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

from govcheck.engine.facts.attestation_subjects import ATTESTATION_SUBJECTS
from govcheck.engine.facts.blocks import Day, Document, EventDay, Evidenced, Fact
from govcheck.engine.facts.written_forms import FINANCIAL_YEAR_PATTERN, KeyedBy

FINANCIAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def _financial_year(value: str) -> str:
    match = FINANCIAL_YEAR.match(value)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{value!r} is not a financial year; write it as 2019-20 (April 2019 to March 2020)")
    return value


FinancialYear = Annotated[
    str,
    AfterValidator(_financial_year),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": FINANCIAL_YEAR_PATTERN,
            "patternErrorMessage": "write a financial year as 2019-20 (April 2019 to March 2020)",
        }
    ),
]


def year_starts_on(financial_year: str) -> dt.date:
    """1 April of the year a financial year such as 2019-20 starts in."""
    return dt.date(int(financial_year[:4]), 4, 1)


def financial_year_of(day: dt.date) -> str:
    """The financial year (April to March) a date falls in: 2020-03-31 is in 2019-20."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _known_attestation(value: str) -> str:
    if value not in ATTESTATION_SUBJECTS:
        from govcheck.engine.core.suggest import did_you_mean

        raise ValueError(f"unknown attestation subject {value!r}{did_you_mean(value, ATTESTATION_SUBJECTS)}")
    return value


AttestationSubject = Annotated[
    str,
    AfterValidator(_known_attestation),
    WithJsonSchema({"type": "string", "enum": sorted(ATTESTATION_SUBJECTS)}),
]


class Yearly(Evidenced):
    """Something the LEP does once a financial year, naming the year it belongs to."""

    financial_year: FinancialYear | None = Field(
        default=None, description="the financial year it belongs to, April to March, e.g. 2019-20"
    )


class YearlyDocument(Document, Yearly):
    """A document the LEP produces each year, for the financial year it covers."""


class GeneralMeeting(Yearly):
    """An annual general meeting."""

    held_on: EventDay | None = Field(default=None, description="the day it was held, e.g. 2019-09-26")
    notice_published_on: EventDay | None = Field(
        default=None, description="the day its notice was published, e.g. 2019-09-05"
    )
    is_open_to_the_public: bool | None = Field(default=None, description="true if the public could attend")


class PerformanceReview(Yearly):
    """The yearly review with government (the Annual Conversation, from 2018-19 the Annual Performance Review)."""

    held_on: EventDay | None = Field(default=None, description="the day of the review meeting, e.g. 2020-01-21")
    s151_statement_on: EventDay | None = Field(
        default=None, description="the day the s151 officer's statement for the review was given, e.g. 2020-01-10"
    )
    chair_and_chief_executive_statement_on: EventDay | None = Field(
        default=None, description="the day the Chair and Chief Executive's statement was given, e.g. 2020-01-10"
    )
    feedback_letter_on: EventDay | None = Field(
        default=None, description="the day government's feedback letter was sent, e.g. 2020-03-02"
    )
    feedback_published_on: EventDay | None = Field(
        default=None, description="the day the LEP published that feedback, e.g. 2020-03-20"
    )
    governance_rating: Literal["exceptional", "good", "requires-improvement", "inadequate"] | None = Field(
        default=None, description="the rating for governance: exceptional, good, requires-improvement or inadequate"
    )


class AnnualReporting(Fact):
    """What the LEP plans, reports and publishes each year, each item naming the year it covers."""

    delivery_plans: list[YearlyDocument] | None = Field(
        default=None,
        description="the yearly delivery plans, e.g. [{financial_year: 2019-20, published_on: 2019-04-30}]",
    )
    end_of_year_reports: list[YearlyDocument] | None = Field(
        default=None,
        description="the reports on each year's delivery, e.g. [{financial_year: 2018-19, published_on: 2019-06-28}]",
    )
    annual_reports: list[YearlyDocument] | None = Field(
        default=None, description="the annual reports, e.g. [{financial_year: 2018-19, published_on: 2019-09-26}]"
    )
    accounts: list[YearlyDocument] | None = Field(
        default=None, description="the yearly accounts, e.g. [{financial_year: 2018-19, published_on: 2019-12-20}]"
    )
    financial_statements: list[YearlyDocument] | None = Field(
        default=None, description="the yearly financial statements, e.g. [{financial_year: 2018-19, url: https://...}]"
    )
    governance_statements: list[YearlyDocument] | None = Field(
        default=None,
        description="the Chair and Chief Executive's yearly statement on governance and transparency, e.g. "
        "[{financial_year: 2019-20, published_on: 2020-02-28}]",
    )
    general_meetings: list[GeneralMeeting] | None = Field(
        default=None, description="annual general meetings, e.g. [{held_on: 2019-09-26, is_open_to_the_public: true}]"
    )
    performance_reviews: list[PerformanceReview] | None = Field(
        default=None,
        description="the yearly reviews with government, e.g. [{financial_year: 2019-20, held_on: 2020-01-21}]",
    )


class MonitoringReturn(Evidenced):
    """A financial and performance return to government, and its s151 sign-off."""

    period: str = Field(description="the period it reports on, e.g. 2019-20 Q3")
    due_on: Day | None = Field(default=None, description="the day it was due with government, e.g. 2020-01-31")
    submitted_on: EventDay | None = Field(default=None, description="the day it was sent, e.g. 2020-01-29")
    s151_signed_off_on: EventDay | None = Field(
        default=None, description="the day the s151 officer signed it off, e.g. 2020-01-27"
    )


class Project(Evidenced):
    """An application for funding, and the project if it went ahead: its assurance from bid to payment."""

    id: str = Field(description="a short name for the project, e.g. link-road")
    name: str = Field(description="its name as the LEP writes it, e.g. Link Road")
    funding_stream: str | None = Field(default=None, description="the fund it applied to, e.g. Local Growth Fund")
    value: int | None = Field(default=None, ge=0, description="the funding sought, in whole pounds, e.g. 2500000")
    received_on: Day | None = Field(default=None, description="the day the application was received, e.g. 2019-01-14")
    is_published: bool | None = Field(default=None, description="true if the application appears in the published list")
    business_case_on: EventDay | None = Field(
        default=None, description="the day the business case was submitted, e.g. 2019-03-01"
    )
    is_green_book_business_case: bool | None = Field(
        default=None, description="true if the business case follows the Treasury's Green Book"
    )
    appraised_on: EventDay | None = Field(
        default=None, description="the day the appraisal was completed, e.g. 2019-04-26"
    )
    appraiser: str | None = Field(default=None, description="who appraised it, e.g. Example Consulting Ltd")
    is_independent_appraisal: bool | None = Field(
        default=None, description="true if the appraiser was independent of the project's promoter"
    )
    decided_on: Day | None = Field(default=None, description="the day funding was decided, e.g. 2019-05-28")
    decided_by: str | None = Field(default=None, description="the id of the body that decided, e.g. investment-panel")
    decision: Literal["approved", "rejected", "deferred"] | None = Field(
        default=None, description="approved, rejected or deferred"
    )
    applicant_notified_on: EventDay | None = Field(
        default=None, description="the day the applicant was told the decision, e.g. 2019-05-31"
    )
    benefit_cost_ratio: float | None = Field(
        default=None, description="the benefit-cost ratio the appraisal found, e.g. 2.4"
    )
    value_for_money_category: Literal["poor", "low", "medium", "high", "very-high"] | None = Field(
        default=None, description="the value-for-money category: poor, low, medium, high or very-high"
    )
    has_monitoring_and_evaluation_plan: bool | None = Field(
        default=None, description="true if the project has a plan for monitoring and evaluating it"
    )
    grant_agreement_approved_on: EventDay | None = Field(
        default=None, description="the day its grant agreement was approved, e.g. 2019-07-01"
    )
    first_payment_on: EventDay | None = Field(default=None, description="the day of the first payment, e.g. 2019-08-15")


class ScrutinySession(Evidenced):
    """A meeting of a local authority overview and scrutiny committee that looked at the LEP."""

    committee: str | None = Field(default=None, description="the committee's name, e.g. Joint Scrutiny Committee")
    held_on: Day = Field(description="the day it met, e.g. 2019-11-12")
    has_lep_attended: bool | None = Field(default=None, description="true if the LEP attended to answer questions")


class Complaint(Evidenced):
    """A complaint received, with when it was acknowledged and answered."""

    id: str = Field(description="the LEP's reference for it, e.g. C-1")
    received_on: Day = Field(description="the day it was received, e.g. 2019-08-05")
    acknowledged_on: EventDay | None = Field(
        default=None, description="the day the complainant was told it was received, e.g. 2019-08-07"
    )
    responded_on: EventDay | None = Field(default=None, description="the day of the full answer, e.g. 2019-08-29")
    is_anonymous: bool | None = Field(default=None, description="true if the complainant did not give a name")


class Concern(Evidenced):
    """A whistleblowing concern raised, and when the person raising it was written to."""

    id: str = Field(description="the LEP's reference for it, e.g. W-1")
    raised_on: Day = Field(description="the day it was raised, e.g. 2019-10-02")
    acknowledged_on: EventDay | None = Field(
        default=None, description="the day the person raising it was written to, e.g. 2019-10-04"
    )


class Attestation(Evidenced):
    """A person's recorded judgement on a requirement facts alone cannot decide.

    It counts only with who judged, when and on what evidence (``evidence``), and
    only until ``valid_until``; ``is_met`` is the judgement itself.
    """

    judged_by: str | None = Field(default=None, description="who judged, e.g. Nominations Committee")
    role: str | None = Field(default=None, description="the judge's role, e.g. Board Secretary")
    judged_on: Day | None = Field(default=None, description="the day of the judgement, e.g. 2019-09-19")
    valid_until: Day | None = Field(default=None, description="the last day it counts, e.g. 2020-09-18")
    is_met: bool | None = Field(default=None, description="the judgement: true if the requirement is met")
    finding: str | None = Field(default=None, description="what was found, in a sentence or two")


Attestations = Annotated[dict[AttestationSubject, Attestation], KeyedBy(ATTESTATION_SUBJECTS)]
