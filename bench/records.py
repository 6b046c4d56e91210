"""A synthetic LEP's records: policies, documents, its plan, the yearly cycle, projects, cases, attestations."""

from __future__ import annotations

import datetime as dt

from bench.governance import coverage
from bench.lep import LAST, Lep, words

POLICY_SUBJECTS = {
    "whistleblowing": "whistleblowing.who-is-covered whistleblowing.protection-from-reprisal "
    "whistleblowing.confidentiality whistleblowing.routes",
    "complaints": "complaints.response-times complaints.anonymous code-of-conduct.complaints-procedure",
    "confidential_reporting": "",
    "conflicts_of_interest": "conflicts.personal-responsibility conflicts.perceived-conflicts "
    "conflicts.public-sector-members",
    "gifts_and_hospitality": "gifts.thresholds gifts.register",
    "code_of_conduct": "code-of-conduct.nolan-principles code-of-conduct.staff",
    "diversity_statement": "",
    "expenses": "",
    "public_access": "",
}
INDUCTION_SUBJECTS = words(
    "induction.board-objectives induction.assurance-framework induction.conflicts-and-ethics induction.expenses "
    "induction.training"
)
REGISTER_SUBJECTS = words(
    "register.employment register.directorships register.other-appointments register.memberships "
    "register.shareholdings register.land-and-property register.family-interests"
)
# Documents kept current by review, and those that are only published.
REVIEWED_DOCUMENTS = words(
    "succession_plan scheme_of_delegation meeting_calendar project_schedule project_finance project_pipeline "
    "pay_and_expenses gifts_and_hospitality_register risk_register"
)
PUBLISHED_DOCUMENTS = words(
    "register_of_interests_page economic_strategy role_descriptions membership_list "
    "decision_log engagement_strategy monitoring_and_evaluation_framework"
)
YEARLY_DOCUMENTS = {  # what is published each financial year, and how many days after 1 April
    "delivery_plans": (20, 40),
    "end_of_year_reports": (100, 130),
    "annual_reports": (160, 190),
    "accounts": (160, 190),
    "financial_statements": (100, 130),
    "governance_statements": (160, 190),
}
ATTESTATIONS = words(
    "assurance-framework.clear-to-the-public board.reflects-the-area conflicts.roles-kept-separate "
    "s151.cipfa-principles accountable-body.transparency-code engagement.role-publicised"
)
SCHEMES = ("business park", "skills centre", "road scheme", "innovation hub")
FUNDS = ("Local Growth Fund", "Growing Places Fund", "Getting Building Fund", "Enterprise Zone retained rates")


def policies_and_documents(lep: Lep) -> list[str]:
    rng = lep.rng
    out = ["policies:"]
    for policy, subjects in POLICY_SUBJECTS.items():
        out += [
            f"  {policy}:",
            f"    title: {policy.replace('_', ' ').capitalize()} policy",
            "    is_in_place: true",
            f"    adopted_on: {lep.start}",
            f"    reviewed_on: {lep.days_before_as_of(10, 700 if lep.late() else 360)}",
            f"    url: {lep.site}/policies/{policy}",
            *coverage(lep, subjects.split(), "    "),
        ]
    out += [
        "",
        "documents:",
        "  induction_pack:",
        f"    reviewed_on: {lep.days_before_as_of(10, 300)}",
        *coverage(lep, INDUCTION_SUBJECTS, "    "),
        "  register_of_interests_template:",
        "    is_national_template: true",
        *coverage(lep, REGISTER_SUBJECTS, "    "),
    ]
    for document in REVIEWED_DOCUMENTS:
        if not lep.late():
            reviewed = lep.days_before_as_of(5, 500 if lep.late() else 300)
            out.append(f"  {document}: {{is_in_place: true, reviewed_on: {reviewed}, url: {lep.site}/{document}}}")
    for document in PUBLISHED_DOCUMENTS:
        if not lep.late():
            published = lep.after(lep.start, 0, 200)
            out.append(f"  {document}: {{is_in_place: true, published_on: {published}, url: {lep.site}/{document}}}")
    out += ["", "improvement_plan:", f"  adopted_on: {lep.adopted}", "  actions:"]
    for number in range(rng.randint(2, 6)):
        out += [
            f"    - id: action-{number + 1}",
            f"      summary: Improvement action {number + 1} of the annual governance review",
            "      addresses: [transparency.papers-5-clear-working-days-before]",
            "      owner: Head of Governance",
            f"      status: {rng.choice(('planned', 'in-progress', 'done'))}",
            "      milestones:",
        ]
        for step in range(rng.randint(1, 3)):
            out.append(f"        - {{description: Milestone {step + 1}, due_on: {lep.after(lep.as_of, -200, 300)}}}")
    return out


def yearly_cycle(lep: Lep) -> list[str]:
    """Plans, reports and accounts each financial year, general meetings, reviews and quarterly returns."""
    rng = lep.rng
    years = lep.financial_years()
    out = ["annual_reporting:"]
    for kind, (least, most) in YEARLY_DOCUMENTS.items():
        out.append(f"  {kind}:")
        for year in years:
            published = dt.date(year, 4, 1) + dt.timedelta(days=rng.randrange(least, most + (60 if lep.late() else 0)))
            if published <= lep.as_of:
                label = f"{year}-{(year + 1) % 100:02d}"
                out.append(
                    f"    - {{financial_year: {label}, published_on: {published}, url: {lep.site}/{kind}/{label}}}"
                )
    meetings, reviews = ["  general_meetings:"], ["  performance_reviews:"]
    for year in years:
        label = f"{year}-{(year + 1) % 100:02d}"
        held = dt.date(year, 9, 20) + dt.timedelta(days=rng.randrange(0, 10))
        if held <= lep.as_of:
            notice = held - dt.timedelta(days=rng.randrange(14 if lep.late() else 21, 35))
            meetings.append(
                f"    - {{financial_year: {label}, held_on: {held}, notice_published_on: {notice},"
                " is_open_to_the_public: true}"
            )
        review = dt.date(year + 1, 1, 15) + dt.timedelta(days=rng.randrange(0, 14))
        if review <= lep.as_of:
            statement = review - dt.timedelta(days=rng.randrange(5, 15))
            feedback = lep.after(review, 30, 60)
            written = [f"financial_year: {label}", f"held_on: {review}", f"s151_statement_on: {statement}"]
            if feedback <= lep.as_of:
                written.append(f"feedback_letter_on: {feedback}")
                written.append(f"governance_rating: {rng.choice(('good', 'good', 'requires-improvement'))}")
                published = lep.after(feedback, 5, 40 if lep.late() else 20)
                if published <= lep.as_of:
                    written.append(f"feedback_published_on: {published}")
            reviews.append(f"    - {{{', '.join(written)}}}")
    out += meetings + reviews
    out.append("")
    out.append("monitoring_returns:")
    for year in years:
        for quarter, (month, day) in enumerate(((7, 31), (10, 31), (1, 31), (4, 30)), start=1):
            due = dt.date(year + (1 if month < 4 or quarter == 4 else 0), month, day)
            if due <= lep.as_of:
                signed = due - dt.timedelta(days=rng.randrange(2, 8))
                submitted = due + dt.timedelta(days=rng.randrange(-3, 10 if lep.late() else 1))
                out.append(
                    f"  - {{period: {year}-{(year + 1) % 100:02d} Q{quarter}, due_on: {due},"
                    f" s151_signed_off_on: {signed}, submitted_on: {submitted}}}"
                )
    return out


def projects_and_cases(lep: Lep) -> list[str]:
    """Projects appraised and decided, scrutiny sessions, complaints and concerns, and the attestations."""
    rng = lep.rng
    out = ["projects:"]
    deciders = [body[0] for body in lep.bodies if body[3]]
    for number in range(rng.randint(3, 8) * lep.years):
        received = lep.after(lep.start, 0, max((lep.as_of - lep.start).days - 150, 1))
        appraised = lep.after(received, 40, 120)
        decided = lep.after(appraised, 5, 40)
        ratio = round(rng.uniform(0.8, 5.0), 1)
        category = "low" if ratio < 1.5 else "medium" if ratio < 2 else "high" if ratio < 4 else "very-high"
        out += [
            f"  - id: project-{number + 1}",
            f"    name: {rng.choice(LAST)} {rng.choice(SCHEMES)}",
            f"    funding_stream: {rng.choice(FUNDS)}",
            f"    value: {rng.randrange(200, 8000) * 1000}",
            f"    received_on: {received}",
            "    is_published: true",
            f"    business_case_on: {lep.after(received, 10, 40)}",
            f"    is_green_book_business_case: {str(not lep.late()).lower()}",
            f"    appraised_on: {appraised}",
            "    appraiser: Independent technical evaluator",
            f"    is_independent_appraisal: {str(not lep.late()).lower()}",
            f"    decided_on: {decided}",
            f"    decided_by: {rng.choice(deciders)}",
            "    decision: approved",
            f"    applicant_notified_on: {lep.after(decided, 1, 20)}",
            f"    benefit_cost_ratio: {ratio}",
            f"    value_for_money_category: {category}",
            f"    has_monitoring_and_evaluation_plan: {str(not lep.late()).lower()}",
        ]
    out += ["", "scrutiny_sessions:"]
    for year in range(lep.start.year, lep.as_of.year + 1):
        held = dt.date(year, 11, 5) + dt.timedelta(days=rng.randrange(0, 20))
        if lep.start <= held <= lep.as_of:
            out.append(
                f"  - {{committee: Joint Overview and Scrutiny Committee, held_on: {held}, has_lep_attended: true}}"
            )
    received_complaints = rng.randint(0, 3) * lep.years
    out += ["", "complaints:" if received_complaints else "complaints: []"]
    for number in range(received_complaints):
        received = lep.after(lep.start, 0, max((lep.as_of - lep.start).days - 30, 1))
        out.append(
            f"  - {{id: 'c-{number + 1}', received_on: {received}, acknowledged_on: {lep.after(received, 1, 5)},"
            f" responded_on: {lep.after(received, 5, 40 if lep.late() else 20)}}}"
        )
    out.append("whistleblowing_concerns: []" if rng.random() < 0.8 else "whistleblowing_concerns:")
    if out[-1] == "whistleblowing_concerns:":
        raised = lep.after(lep.start, 0, max((lep.as_of - lep.start).days - 30, 1))
        out.append(f"  - {{id: 'w-1', raised_on: {raised}, acknowledged_on: {lep.after(raised, 1, 10)}}}")
    out += ["", "attestations:"]
    for subject in ATTESTATIONS:
        if not lep.late():
            judged = lep.days_before_as_of(20, 400)
            out += [
                f"  {subject}:",
                "    judged_by: Head of Internal Audit",
                "    role: internal audit of the accountable body",
                f"    judged_on: {judged}",
                f"    valid_until: {judged + dt.timedelta(days=364)}",
                f"    is_met: {str(not lep.late()).lower()}",
                "    evidence: {document: Internal audit report on LEP governance}",
            ]
    return out
