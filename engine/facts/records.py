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

FINANCIAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def _financial_year(value: str) -> str:
    match = FINANCIAL_YEAR.match(value)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{value!r} is not a financial year; write it as 2019-20 (April 2019 to March 2020)")
    return value


FinancialYear = Annotated[
    str,
    AfterValidator(_financial_year),
    WithJsonSchema({"type": "string", "pattern": FINANCIAL_YEAR.pattern, "description": "e.g. 2019-20"}),
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

    financial_year: FinancialYear | None = None


class YearlyDocument(Document, Yearly):
    """A document the LEP produces each year, for the financial year it covers."""


class GeneralMeeting(Yearly):
    """An annual general meeting."""

    held_on: EventDay | None = None
    notice_published_on: EventDay | None = None
    is_open_to_the_public: bool | None = None


class PerformanceReview(Yearly):
    """The yearly review with government (the Annual Conversation, from 2018-19 the Annual Performance Review)."""

    held_on: EventDay | None = None
    s151_statement_on: EventDay | None = None
    chair_and_chief_executive_statement_on: EventDay | None = None
    feedback_letter_on: EventDay | None = None
    feedback_published_on: EventDay | None = None
    governance_rating: Literal["exceptional", "good", "requires-improvement", "inadequate"] | None = None


class AnnualReporting(Fact):
    """What the LEP plans, reports and publishes each year, each item naming the year it covers."""

    delivery_plans: list[YearlyDocument] | None = None
    end_of_year_reports: list[YearlyDocument] | None = None
    annual_reports: list[YearlyDocument] | None = None
    accounts: list[YearlyDocument] | None = None
    financial_statements: list[YearlyDocument] | None = None
    governance_statements: list[YearlyDocument] | None = Field(
        default=None, description="the Chair and Chief Executive's statement on governance and transparency"
    )
    general_meetings: list[GeneralMeeting] | None = None
    performance_reviews: list[PerformanceReview] | None = None


class MonitoringReturn(Evidenced):
    """A financial and performance return to government, and its s151 sign-off."""

    period: str
    due_on: Day | None = None
    submitted_on: EventDay | None = None
    s151_signed_off_on: EventDay | None = None


class Project(Evidenced):
    """An application for funding, and the project if it went ahead: its assurance from bid to payment."""

    id: str
    name: str
    funding_stream: str | None = None
    value: int | None = Field(default=None, ge=0, description="pounds")
    received_on: Day | None = None
    is_published: bool | None = Field(default=None, description="the application appears in the published list")
    business_case_on: EventDay | None = None
    is_green_book_business_case: bool | None = None
    appraised_on: EventDay | None = None
    appraiser: str | None = None
    is_independent_appraisal: bool | None = None
    decided_on: Day | None = None
    decided_by: str | None = Field(default=None, description="the id of the body that decided")
    decision: Literal["approved", "rejected", "deferred"] | None = None
    applicant_notified_on: EventDay | None = None
    benefit_cost_ratio: float | None = None
    value_for_money_category: Literal["poor", "low", "medium", "high", "very-high"] | None = None
    has_monitoring_and_evaluation_plan: bool | None = None
    grant_agreement_approved_on: EventDay | None = None
    first_payment_on: EventDay | None = None


class ScrutinySession(Evidenced):
    """A meeting of a local authority overview and scrutiny committee that looked at the LEP."""

    committee: str | None = None
    held_on: Day
    has_lep_attended: bool | None = None


class Complaint(Evidenced):
    """A complaint received, with when it was acknowledged and answered."""

    id: str
    received_on: Day
    acknowledged_on: EventDay | None = None
    responded_on: EventDay | None = None
    is_anonymous: bool | None = None


class Concern(Evidenced):
    """A whistleblowing concern raised, and when the person raising it was written to."""

    id: str
    raised_on: Day
    acknowledged_on: EventDay | None = None


class Attestation(Evidenced):
    """A person's recorded judgement on a requirement facts alone cannot decide.

    It counts only with who judged, when and on what evidence (``evidence``), and
    only until ``valid_until``; ``is_met`` is the judgement itself.
    """

    judged_by: str | None = None
    role: str | None = None
    judged_on: Day | None = None
    valid_until: Day | None = None
    is_met: bool | None = None
    finding: str | None = Field(default=None, description="what was found, in a sentence or two")


Attestations = dict[AttestationSubject, Attestation]
