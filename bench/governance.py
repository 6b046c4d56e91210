"""The governance sections of a synthetic LEP's facts: the organisation, its framework, its bodies and its people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bench.lep import FIRST, LAST, ONE_DAY, Lep, Person, words

# What a local assurance framework says where; as the bundled exemplar covers them.
FRAMEWORK_SUBJECTS = words(
    "roles-and-responsibilities accountable-body s151-role decision-making quorum terms-of-office attendance "
    "induction conflicts-of-interest financial-transparency local-engagement scrutiny scrutiny.call-in "
    "succession.board succession.notice-of-resignation succession.knowledge-handover succession.chair "
    "value-for-money value-for-money.minimum-category project-pipeline open-calls funding-streams risk "
    "access-to-information policies.code-of-conduct policies.gifts-and-hospitality policies.expenses "
    "policies.engagement-strategy policies.complaints policies.whistleblowing policies.data-protection "
    "policies.diversity policies.terms-of-reference policies.articles"
)
AGREEMENT_SUBJECTS = words(
    "accountable-body.holds-funds accountable-body.propriety-and-value-for-money accountable-body.decision-records "
    "accountable-body.advice accountable-body.escalation accountable-body.s151-delegation"
)


def coverage(lep: Lep, subjects: Sequence[str], indent: str) -> list[str]:
    """A coverage map naming a section for each subject, a few of them left out."""
    lines = [f"{indent}coverage:"]
    lines += [
        f'{indent}  {subject}: "{n // 4 + 2}.{n % 4 + 1}"' for n, subject in enumerate(subjects) if not lep.late()
    ]
    return lines if len(lines) > 1 else []


def organisation(lep: Lep) -> list[str]:
    rng = lep.rng
    councils = [
        f"{rng.choice(LAST)} {kind} Council" for kind in rng.sample(("County", "City", "Borough", "District"), 3)
    ]
    out = [
        "organisation:",
        f"  id: {lep.slug}",
        f"  name: {lep.name}",
        "  legal_form: company limited by guarantee",
        f'  company_number: "0{7_000_000 + lep.index}"',
        f"  incorporated_on: {dt.date(2011, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))}",
        f"  local_authorities: [{', '.join(councils)}]",
        f"  website: {lep.site}",
        f"  is_in_combined_authority: {str(rng.random() < 0.2).lower()}",
        "  has_area_overlapping_another_lep: false",
        "",
        "accountable_body:",
        f"  name: {councils[0]}",
        f"  s151_officer: Director of Finance, {councils[0]}",
        "  agreement:",
        "    title: Accountable Body Agreement",
        f"    adopted_on: {lep.start}",
        f"    reviewed_on: {lep.days_before_as_of(10, 400)}",
        f"    url: {lep.site}/governance/accountable-body-agreement",
        *coverage(lep, AGREEMENT_SUBJECTS, "    "),
        "  assurance_letters:",
    ]
    for year in range(lep.start.year + 1, lep.as_of.year + 1):
        if dt.date(year, 2, 28) <= lep.as_of and not lep.late():
            out.append(
                f"    - {{year: {year}, sent_on: {dt.date(year, 2, 14) + dt.timedelta(days=rng.randrange(14))}}}"
            )
    adopted = lep.adopted
    out += [
        "",
        "assurance_framework:",
        "  title: Local Assurance Framework",
        f'  version: "{rng.randint(1, 6)}.{rng.randint(0, 3)}"',
        "  is_in_place: true",
        f"  adopted_on: {adopted}",
        f"  board_approved_on: {adopted}",
        f"  s151_signed_off_on: {lep.after(adopted, 1, 20)}",
        f"  has_chair_and_chief_executive_signatures: {str(not lep.late()).lower()}",
        f"  published_on: {lep.after(adopted, 20, 40)}",
        f"  url: {lep.site}/governance/assurance-framework",
        *coverage(lep, FRAMEWORK_SUBJECTS, "  "),
        "",
        "local_commitments:",
        f"  register_days_after_appointment: {rng.choice((14, 21, 28))}",
    ]
    return out


def bodies(lep: Lep) -> list[str]:
    rng = lep.rng
    out = ["bodies:"]
    for body_id, name, kind, decides, delegated in lep.bodies:
        out += [
            f"  - id: {body_id}",
            f"    name: {name}",
            f"    kind: {kind}",
            f"    decides_on_public_money: {str(decides).lower()}",
            f"    has_delegated_authority: {str(delegated).lower()}",
            f"    terms_of_reference: {{adopted_on: {lep.adopted}, url: {lep.site}/governance/{body_id}}}",
            f"    has_s151_officer_attendance: {str(decides and not lep.late()).lower()}",
            f"    has_audit_and_risk_remit: {str(body_id == 'audit-risk').lower()}",
        ]
        if not lep.late():
            quorum = "minimum_share: 0.5" if kind == "board" else f"minimum_present: {rng.randint(2, 3)}"
            out.append(f"    quorum: {{{quorum}, minimum_private_sector: {rng.randint(1, 2)}}}")
    return out


def people(lep: Lep) -> list[str]:
    out = ["people:"]
    for person in lep.people:
        out += _person(lep, person)
    out += ["", "senior_staff:"]
    rng = lep.rng
    for number, post in enumerate(("Chief Executive", "Director of Finance", "Head of Governance")):
        appointed = lep.start - dt.timedelta(days=rng.randrange(0, 2000))
        out += [
            f"  - id: staff-{number + 1}",
            f"    name: {rng.choice(FIRST)} {rng.choice(LAST)}",
            f"    post: {post}",
            f"    appointed_on: {appointed}",
        ]
        published = lep.maybe(appointed + dt.timedelta(days=rng.randrange(5, 25)))
        if published:
            reviewed = lep.days_before_as_of(5, 360)
            out.append(f"    register_of_interests: {{published_on: {published}, reviewed_on: {reviewed}}}")
    return out


def _person(lep: Lep, person: Person) -> list[str]:
    rng = lep.rng
    lines = [
        f"  - id: {person.id}",
        f"    name: {person.name}",
        f"    sector: {person.sector}",
        f"    gender: {person.gender}",
        f"    organisation: {rng.choice(LAST)} {rng.choice(('Ltd', 'plc', 'LLP', 'Council', 'University'))}",
    ]
    board_member = person.roles[0][0] == "board"
    if board_member and person.sector == "private" and rng.random() < 0.15:
        lines.append("    is_sme_representative: true")
    if board_member and rng.random() < 0.08:
        lines.append("    is_diversity_champion: true")
    if person.sector == "public":
        lines.append("    is_local_authority_member: true")
    lines.append("    roles:")
    for body, role, appointed, term_end, left in person.roles:
        left_text = f", left_on: {left}" if left else ""
        seat = f"body: {body}, role: {role}, appointed_on: {appointed}, term_ends_on: {term_end}{left_text}"
        if body == "board" and not lep.late():
            advertised = appointed - dt.timedelta(days=rng.randrange(60, 120))
            approved = appointed - dt.timedelta(days=rng.randrange(5, 30))
            seat += (
                f", recruitment: {{advertised_on: {advertised}, is_open_competition: {str(not lep.late()).lower()},"
                f" has_role_description: true, has_business_consultation: {str(role == 'chair').lower()},"
                f" board_approved_on: {approved}}}"
            )
        lines.append(f"      - {{{seat}}}")
    first = person.first_appointed()
    published = lep.maybe(first + dt.timedelta(days=rng.randrange(3, 60 if lep.late() else 27)))
    reviewed = lep.maybe(lep.as_of - dt.timedelta(days=rng.randrange(5, 500 if lep.late() else 360)))
    lines.append("    register_of_interests:")
    if published:
        lines.append(f"      published_on: {published}")
    if reviewed and reviewed > str(first):
        lines.append(f"      reviewed_on: {reviewed}")
    lines.append(f"      url: {lep.site}/registers/{person.id}.pdf")
    updates = [first + dt.timedelta(days=rng.randrange(30, 2000)) for _ in range(rng.randint(0, 3))]
    updates = [day for day in updates if day < lep.as_of]
    if updates:
        lines.append("      updates:")
        for changed in sorted(updates):
            updated = changed + dt.timedelta(days=rng.randrange(2, 45 if lep.late() else 27))
            lines.append(f"        - {{changed_on: {changed}, updated_on: {updated}, description: New interest}}")
    completed = lep.maybe(first + dt.timedelta(days=rng.randrange(10, 150 if lep.late() else 85)))
    if completed:
        lines.append(f"    induction: {{started_on: {first + ONE_DAY}, completed_on: {completed}}}")
    signed = lep.maybe(first + dt.timedelta(days=rng.randrange(0, 20)))
    if signed:
        lines += [f"    code_of_conduct_signed_on: {signed}", f"    governance_agreement_signed_on: {signed}"]
    return lines
