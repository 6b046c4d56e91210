"""Synthetic facts files for the benchmark: realistic LEPs, the same bytes for the same seed.

Each LEP has a board of 10 to 30 seats and two to four sub-groups, people who
come and go over the years (terms of three years, some reappointed), registers
of interests with their updates, senior staff, policies, documents, an
improvement plan, and 10 to 12 meetings a year of every body over a history of
1 to 10 years (papers, minutes, attendance, declarations, decisions, items
taken in private).
Most facts are on time; a share of them are late or missing, so that every
rule has met and failed items to report, as a real portfolio would.

LEP number ``i`` depends only on the seed and ``i``, so the first 38 LEPs of a
10,000-LEP set are the 38 LEPs of a 38-LEP set.

    python -m bench.generate --count 38 --out bench/out/sample
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

GENERATOR_VERSION = 3  # bump when the output changes, so cached sets are rebuilt

ONE_DAY = dt.timedelta(days=1)
SECTORS = ("private",) * 6 + ("public",) * 3 + ("he-fe", "vcs")
GENDERS = ("woman", "man", "woman", "man", "non-binary", "not-stated")
FIRST = (
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Elin",
    "Farid",
    "Grace",
    "Hamish",
    "Ines",
    "Jonah",
    "Kiran",
    "Leah",
    "Malik",
    "Nia",
    "Owen",
    "Priya",
    "Quentin",
    "Rhian",
    "Sanjay",
    "Tess",
    "Umar",
    "Vera",
    "Wyn",
    "Yusuf",
    "Zara",
    "Aled",
    "Bethan",
    "Cormac",
    "Dafydd",
    "Esme",
)
LAST = (
    "Ashdown",
    "Brightwell",
    "Carrow",
    "Dunmore",
    "Ellery",
    "Fairbank",
    "Greaves",
    "Holloway",
    "Ingram",
    "Jessop",
    "Kettering",
    "Lowther",
    "Marwood",
    "Northcote",
    "Oakley",
    "Penhale",
    "Quarrie",
    "Radley",
    "Stanway",
    "Thorne",
    "Underhill",
    "Vickery",
    "Whitlock",
    "Yardley",
)
SUB_GROUPS = (
    ("investment-panel", "Investment Panel", "panel", True, True),
    ("audit-risk", "Audit and Risk Committee", "committee", False, False),
    ("skills-board", "Employment and Skills Board", "sub-group", False, False),
    ("infrastructure", "Infrastructure Committee", "committee", True, True),
    ("growth-hub", "Growth Hub Steering Group", "sub-group", False, False),
)
SUBJECTS = (
    "roles-and-responsibilities",
    "decision-making",
    "accountable-body",
    "value-for-money",
    "funding-streams",
    "risk",
    "open-calls",
    "financial-transparency",
    "local-engagement",
    "scrutiny",
    "s151-role",
    "conflicts-of-interest",
    "project-pipeline",
    "quorum",
    "terms-of-office",
    "induction",
    "succession.board",
    "succession.notice-of-resignation",
    "succession.knowledge-handover",
    "succession.chair",
)
WHISTLEBLOWING = ("who-is-covered", "protection-from-reprisal", "confidentiality", "routes")
POLICIES = (
    "whistleblowing",
    "complaints",
    "confidential_reporting",
    "conflicts_of_interest",
    "gifts_and_hospitality",
    "code_of_conduct",
    "diversity_statement",
    "expenses",
)


# How many years of meetings a facts file records: most keep the current year or two, a few
# keep a long archive. The chance of k years is proportional to 1/k^2.5: 76% keep one year,
# 13% two, about 1 in 400 ten; the mean is 1.5 years.
YEARS = tuple(range(1, 11))
HISTORY_WEIGHTS = tuple(1 / years**2.5 for years in YEARS)


def working_days_after(day: dt.date, count: int) -> dt.date:
    """``count`` weekdays after ``day`` (bank holidays are ignored on purpose: some deadlines then slip)."""
    while count > 0:
        day += ONE_DAY
        if day.weekday() < 5:
            count -= 1
    return day


def working_days_before(day: dt.date, count: int) -> dt.date:
    while count > 0:
        day -= ONE_DAY
        if day.weekday() < 5:
            count -= 1
    return day


class _Person:
    def __init__(self, pid: str, name: str, sector: str, gender: str) -> None:
        self.id, self.name, self.sector, self.gender = pid, name, sector, gender
        self.roles: list[tuple[str, str, dt.date, dt.date, dt.date | None]] = []  # body, role, from, term end, left

    def first_appointed(self) -> dt.date:
        return min(role[2] for role in self.roles)

    def seat_on(self, body: str, day: dt.date) -> bool:
        return any(b == body and start <= day and (left is None or left > day) for b, _, start, _, left in self.roles)


class _Lep:
    """One synthetic LEP, built from its own random stream."""

    def __init__(self, seed: int, index: int, years: int | None = None) -> None:
        self.rng = random.Random(f"govcheck-bench-{seed}-{index}")
        rng = self.rng
        self.index = index
        self.slug = f"synthetic-lep-{index:05d}"
        self.name = f"Synthetic LEP {index:05d}"
        self.as_of = dt.date(2019, 9, 30) + dt.timedelta(days=rng.randrange(0, 4 * 365))
        self.years = rng.choices(YEARS, HISTORY_WEIGHTS)[0] if years is None else years
        self.start = self.as_of - dt.timedelta(days=365 * self.years)
        self.lateness = rng.choice((0.01, 0.03, 0.08, 0.2))  # how often a fact is late or missing
        self.people: list[_Person] = []
        self.meetings = 0  # written so far
        self.bodies = [("board", f"{self.name} Board", "board", True, False)]
        self.bodies += rng.sample(SUB_GROUPS, rng.randint(2, 4))
        self._seat_people()

    # -- people -----------------------------------------------------------------------------------

    def _new_person(self) -> _Person:
        rng = self.rng
        first, last = rng.choice(FIRST), rng.choice(LAST)
        number = len(self.people) + 1  # people of the same name get different ids
        person = _Person(
            f"{first[0].lower()}{last.lower()}-{number}", f"{first} {last}", rng.choice(SECTORS), rng.choice(GENDERS)
        )
        self.people.append(person)
        return person

    def _occupants(self) -> Iterator[tuple[dt.date, dt.date, dt.date | None]]:
        """The successive terms of one seat: appointed, term ends, left (None while still sitting)."""
        rng = self.rng
        appointed = self.start - dt.timedelta(days=rng.randrange(0, 4 * 365))
        while appointed <= self.as_of:
            terms = rng.choice((1, 1, 2, 2, 3))
            term_end = appointed + dt.timedelta(days=365 * 3 * terms - 1)
            left = term_end + ONE_DAY if rng.random() > 0.15 else appointed + dt.timedelta(days=rng.randrange(200, 900))
            if left > self.as_of:
                yield appointed, term_end, None
                return
            yield appointed, term_end, left
            appointed = left + dt.timedelta(days=rng.randrange(0, 90))

    def _seat_people(self) -> None:
        rng = self.rng
        board_seats: list[list[_Person]] = []
        for seat in range(rng.randint(10, 30)):
            role = "chair" if seat == 0 else "deputy-chair" if seat == 1 else "member"
            holders = []
            for appointed, term_end, left in self._occupants():
                person = self._new_person()
                person.roles.append(("board", role, appointed, term_end, left))
                holders.append(person)
            board_seats.append(holders)
        for body_id, *_ in self.bodies[1:]:
            for seat in range(rng.randint(4, 9)):
                role = "chair" if seat == 0 else "member"
                if seat < 3 or rng.random() < 0.6:  # most sub-group seats go to board members
                    for person in rng.choice(board_seats):
                        _, _, appointed, term_end, left = person.roles[0]
                        start = appointed + dt.timedelta(days=rng.randrange(0, 60))
                        if left is None or start < left:
                            person.roles.append((body_id, role, start, term_end, left))
                else:
                    for appointed, term_end, left in self._occupants():
                        person = self._new_person()
                        person.roles.append((body_id, "co-optee", appointed, term_end, left))

    # -- writing ----------------------------------------------------------------------------------

    def days_before_as_of(self, least: int, most: int) -> dt.date:
        return self.as_of - dt.timedelta(days=self.rng.randrange(least, most))

    def late(self) -> bool:
        return self.rng.random() < self.lateness

    def maybe(self, day: dt.date) -> str | None:
        """A date as written in the file, or None when the LEP did not record it."""
        return None if self.rng.random() < self.lateness / 2 else day.isoformat()

    def text(self) -> str:
        rng = self.rng
        out: list[str] = [
            f"# {self.name}: synthetic facts for the govcheck benchmark (seeded; not a real LEP).",
            "format_version: 1",
            f"as_of: {self.as_of}",
            "",
            "organisation:",
            f"  id: {self.slug}",
            f"  name: {self.name}",
            "  legal_form: company limited by guarantee",
            f"  website: https://www.{self.slug}.org.uk",
            "",
            "accountable_body:",
            f"  name: Synthetic County Council {self.index:05d}",
            "  s151_officer: Director of Finance",
            f"  agreement: {{title: Accountable Body Agreement, adopted_on: {self.start}, url: "
            f"https://www.{self.slug}.org.uk/governance/agreement}}",
            "  assurance_letters:",
        ]
        for year in range(self.start.year + 1, self.as_of.year + 1):
            out.append(
                f"    - {{year: {year}, sent_on: {dt.date(year, 2, 20) + dt.timedelta(days=rng.randrange(15))}}}"
            )
        adopted = self.as_of - dt.timedelta(days=rng.randrange(30, 500))
        out += [
            "",
            "assurance_framework:",
            "  title: Local Assurance Framework",
            f'  version: "{rng.randint(1, 6)}.{rng.randint(0, 3)}"',
            "  is_in_place: true",
            f"  adopted_on: {adopted}",
            f"  s151_signed_off_on: {adopted + dt.timedelta(days=rng.randrange(1, 20))}",
            f"  published_on: {adopted + dt.timedelta(days=rng.randrange(20, 40))}",
            f"  url: https://www.{self.slug}.org.uk/governance/assurance-framework",
            "  coverage:",
        ]
        out += [f'    {s}: "{n // 4 + 2}.{n % 4 + 1}"' for n, s in enumerate(SUBJECTS) if not self.late()]
        out += ["", "local_commitments:"]
        out.append(f"  register_days_after_appointment: {rng.choice((14, 21, 28))}")
        out += ["", "bodies:"]
        for body_id, name, kind, decides, delegated in self.bodies:
            out += [f"  - id: {body_id}", f"    name: {name}", f"    kind: {kind}"]
            out.append(f"    decides_on_public_money: {str(decides).lower()}")
            out.append(f"    has_delegated_authority: {str(delegated).lower()}")
            out.append(
                f"    terms_of_reference: {{adopted_on: {adopted}, url: https://www.{self.slug}.org.uk/{body_id}}}"
            )
            if not self.late():
                quorum = "minimum_share: 0.5" if kind == "board" else f"minimum_present: {rng.randint(2, 3)}"
                out.append(f"    quorum: {{{quorum}, minimum_private_sector: {rng.randint(1, 2)}}}")
        out += ["", "people:"]
        for person in self.people:
            out += self._person(person)
        out += ["", "senior_staff:"]
        for number, post in enumerate(("Chief Executive", "Director of Finance", "Head of Governance")):
            appointed = self.start - dt.timedelta(days=rng.randrange(0, 2000))
            out += [
                f"  - id: staff-{number + 1}",
                f"    name: {rng.choice(FIRST)} {rng.choice(LAST)}",
                f"    post: {post}",
                f"    appointed_on: {appointed}",
            ]
            published = self.maybe(appointed + dt.timedelta(days=rng.randrange(5, 25)))
            if published:
                out.append(f"    register_of_interests: {{published_on: {published}}}")
        out += ["", "meetings:"]
        for line in self._meetings():
            out.append(line)
        out += ["", "policies:"]
        for policy in POLICIES:
            reviewed = self.as_of - dt.timedelta(days=rng.randrange(10, 400 if not self.late() else 700))
            out += [
                f"  {policy}:",
                f"    title: {policy.replace('_', ' ').capitalize()} policy",
                "    is_in_place: true",
                f"    adopted_on: {self.start}",
                f"    reviewed_on: {reviewed}",
                f"    url: https://www.{self.slug}.org.uk/policies/{policy}",
            ]
            if policy == "whistleblowing":
                covered = [f"whistleblowing.{s}: '{n + 2}'" for n, s in enumerate(WHISTLEBLOWING) if not self.late()]
                out.append(f"    coverage: {{{', '.join(covered)}}}")
        out += [
            "",
            "documents:",
            "  induction_pack:",
            f"    reviewed_on: {self.as_of - dt.timedelta(days=rng.randrange(10, 300))}",
            "    coverage: {induction.board-objectives: '1', induction.assurance-framework: '2', "
            "induction.conflicts-and-ethics: '3', induction.expenses: '4', induction.training: '5'}",
            f"  succession_plan: {{is_in_place: true, reviewed_on: {self.days_before_as_of(10, 500)}}}",
            f"  scheme_of_delegation: {{adopted_on: {adopted}, url: https://www.{self.slug}.org.uk/delegation}}",
            f"  register_of_interests_page: {{url: https://www.{self.slug}.org.uk/registers}}",
            "",
            "improvement_plan:",
            f"  adopted_on: {adopted}",
            "  actions:",
        ]
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
                due = self.as_of + dt.timedelta(days=rng.randrange(-200, 300))
                out.append(f"        - {{description: Milestone {step + 1}, due_on: {due}}}")
        return "\n".join(out) + "\n"

    def _person(self, person: _Person) -> list[str]:
        rng = self.rng
        lines = [
            f"  - id: {person.id}",
            f"    name: {person.name}",
            f"    sector: {person.sector}",
            f"    gender: {person.gender}",
            "    roles:",
        ]
        for body, role, appointed, term_end, left in person.roles:
            left_text = f", left_on: {left}" if left else ""
            seat = f"body: {body}, role: {role}, appointed_on: {appointed}, term_ends_on: {term_end}{left_text}"
            lines.append(f"      - {{{seat}}}")
        first = person.first_appointed()
        published = self.maybe(first + dt.timedelta(days=rng.randrange(3, 60 if self.late() else 27)))
        reviewed = self.maybe(self.as_of - dt.timedelta(days=rng.randrange(5, 500 if self.late() else 360)))
        lines.append("    register_of_interests:")
        if published:
            lines.append(f"      published_on: {published}")
        if reviewed and reviewed > str(first):
            lines.append(f"      reviewed_on: {reviewed}")
        lines.append(f"      url: https://www.{self.slug}.org.uk/registers/{person.id}.pdf")
        updates = [first + dt.timedelta(days=rng.randrange(30, 2000)) for _ in range(rng.randint(0, 3))]
        updates = [day for day in updates if day < self.as_of]
        if updates:
            lines.append("      updates:")
            for changed in sorted(updates):
                updated = changed + dt.timedelta(days=rng.randrange(2, 45 if self.late() else 27))
                lines.append(f"        - {{changed_on: {changed}, updated_on: {updated}, description: New interest}}")
        completed = self.maybe(first + dt.timedelta(days=rng.randrange(10, 150 if self.late() else 85)))
        if completed:
            lines.append(f"    induction: {{started_on: {first + ONE_DAY}, completed_on: {completed}}}")
        return lines

    def _meetings(self) -> Iterator[str]:
        rng = self.rng
        by_body = {body[0]: [p for p in self.people if any(r[0] == body[0] for r in p.roles)] for body in self.bodies}
        for body_id, _, _, decides, _ in self.bodies:
            month = dt.date(self.start.year, self.start.month, 1)
            skipped = set(rng.sample(range(1, 13), 12 - rng.randint(10, 12)))
            while month <= self.as_of:
                if month.month not in skipped:
                    held = month + dt.timedelta(days=rng.randrange(0, 26))
                    if held.weekday() >= 5:
                        held -= dt.timedelta(days=held.weekday() - 3)
                    if self.start <= held <= self.as_of:
                        yield from self._meeting(body_id, decides, held, by_body[body_id])
                month = (month + dt.timedelta(days=32)).replace(day=1)

    def _meeting(self, body_id: str, decides: bool, held: dt.date, members: list[_Person]) -> Iterator[str]:
        rng = self.rng
        self.meetings += 1
        yield f"  - id: {body_id}-{held}"
        yield f"    body: {body_id}"
        yield f"    held_on: {held}"
        papers = working_days_before(held, rng.randint(3, 5) if self.late() else rng.randint(6, 8))
        draft = working_days_after(held, rng.randint(11, 15) if self.late() else rng.randint(3, 9))
        approved = held + dt.timedelta(days=rng.randrange(28, 70))
        final = working_days_after(approved, rng.randint(11, 15) if self.late() else rng.randint(2, 9))
        for key, day in (
            ("papers_published_on", papers),
            ("draft_minutes_published_on", draft),
            ("minutes_approved_on", approved),
            ("final_minutes_published_on", final),
        ):
            written = self.maybe(day)
            if written and day <= self.as_of:
                yield f"    {key}: {written}"
        yield "    has_declarations_item: true"
        present = [p.id for p in members if p.seat_on(body_id, held) and rng.random() < 0.85]
        yield f"    attendance: [{', '.join(present)}]"
        declared = rng.sample(present, min(len(present), rng.choice((0, 0, 0, 1, 1, 2))))
        if declared:
            yield "    declarations:"
            for person in declared:
                withdrew = str(rng.random() < 0.8).lower()
                updated = self.maybe(held + dt.timedelta(days=rng.randrange(1, 40 if self.late() else 27)))
                yield f"      - person: {person}"
                yield f"        item: '{rng.randint(4, 9)}'"
                yield "        interest: Director of a company applying for funding"
                yield "        is_minuted: true"
                yield f"        has_withdrawn: {withdrew}"
                if updated and updated <= str(self.as_of):
                    yield f"        register_updated_on: {updated}"
        if decides:
            yield "    decisions:"
            for item in range(rng.randint(1, 4)):
                yield f"      - {{item: '{item + 4}', summary: Approve project {rng.randint(100, 999)} funding}}"
        if rng.random() < 0.1:
            yield "    confidential_items:"
            yield "      - {item: '9', reason: 'Schedule 12A para 3 (financial or business affairs)'}"
        yield f"    evidence: {{url: 'https://www.{self.slug}.org.uk/meetings/{body_id}/{held}'}}"


def lep_text(seed: int, index: int, years: int | None = None) -> str:
    """The facts file of LEP number ``index`` of the set seeded with ``seed`` (its history ``years`` long)."""
    return _Lep(seed, index, years).text()


def generate(count: int, out: Path, seed: int = 1) -> list[tuple[Path, int]]:
    """Write LEPs 0 .. count-1 to ``out``, one file each; return each file's path and number of meetings."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        lep = _Lep(seed, index)
        path = out / f"lep-{index:05d}.yaml"
        path.write_text(lep.text(), encoding="utf-8")
        written.append((path, lep.meetings))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=38)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "sample")
    arguments = parser.parse_args()
    paths = generate(arguments.count, arguments.out, arguments.seed)
    print(f"wrote {len(paths)} facts files to {arguments.out}")


if __name__ == "__main__":
    main()
