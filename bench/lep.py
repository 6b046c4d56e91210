"""One synthetic LEP: its dates, its own random stream, its bodies, and the people who sit on them over the years."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

ONE_DAY = dt.timedelta(days=1)


def words(text: str) -> tuple[str, ...]:
    """A vocabulary written as one text, as it reads best."""
    return tuple(text.split())


SECTORS = ("private",) * 6 + ("public",) * 3 + ("he-fe", "vcs")
GENDERS = ("woman", "man", "woman", "man", "non-binary", "not-stated")
FIRST = words(
    "Amara Ben Chloe Dev Elin Farid Grace Hamish Ines Jonah Kiran Leah Malik Nia Owen Priya Quentin Rhian Sanjay "
    "Tess Umar Vera Wyn Yusuf Zara Aled Bethan Cormac Dafydd Esme"
)
LAST = words(
    "Ashdown Brightwell Carrow Dunmore Ellery Fairbank Greaves Holloway Ingram Jessop Kettering Lowther Marwood "
    "Northcote Oakley Penhale Quarrie Radley Stanway Thorne Underhill Vickery Whitlock Yardley"
)
# id, name, kind, decides on public money, has delegated authority
SUB_GROUPS = (
    ("investment-panel", "Investment Panel", "panel", True, True),
    ("audit-risk", "Audit and Risk Committee", "committee", False, False),
    ("skills-board", "Employment and Skills Board", "sub-group", False, False),
    ("infrastructure", "Infrastructure Committee", "committee", True, True),
    ("growth-hub", "Growth Hub Steering Group", "sub-group", False, False),
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


class Person:
    def __init__(self, pid: str, name: str, sector: str, gender: str) -> None:
        self.id, self.name, self.sector, self.gender = pid, name, sector, gender
        self.roles: list[tuple[str, str, dt.date, dt.date, dt.date | None]] = []  # body, role, from, term end, left

    def first_appointed(self) -> dt.date:
        return min(role[2] for role in self.roles)

    def seat_on(self, body: str, day: dt.date) -> bool:
        return any(b == body and start <= day and (left is None or left > day) for b, _, start, _, left in self.roles)


class Lep:
    """One synthetic LEP, built from its own random stream: LEP ``index`` of ``seed`` is always the same."""

    def __init__(self, seed: int, index: int, years: int | None = None) -> None:
        self.rng = rng = random.Random(f"govcheck-bench-{seed}-{index}")
        self.index = index
        self.slug = f"synthetic-lep-{index:05d}"
        self.name = f"Synthetic LEP {index:05d}"
        self.site = f"https://www.{self.slug}.org.uk"
        self.as_of = dt.date(2019, 9, 30) + dt.timedelta(days=rng.randrange(0, 4 * 365))
        self.years = rng.choices(YEARS, HISTORY_WEIGHTS)[0] if years is None else years
        self.start = self.as_of - dt.timedelta(days=365 * self.years)
        self.lateness = rng.choice((0.01, 0.03, 0.08, 0.2))  # how often a fact is late or missing
        self.adopted = self.as_of - dt.timedelta(days=rng.randrange(30, 500))  # the framework in force
        self.people: list[Person] = []
        self.meetings = 0  # written so far
        self.bodies = [("board", f"{self.name} Board", "board", True, False)]
        self.bodies += rng.sample(SUB_GROUPS, rng.randint(2, 4))
        self._seat_people()

    # -- chance -----------------------------------------------------------------------------------

    def late(self) -> bool:
        """Whether this fact is the one that is late, missing or wrong."""
        return self.rng.random() < self.lateness

    def maybe(self, day: dt.date) -> str | None:
        """A date as written in the file, or None when the LEP did not record it."""
        return None if self.rng.random() < self.lateness / 2 else day.isoformat()

    def days_before_as_of(self, least: int, most: int) -> dt.date:
        return self.as_of - dt.timedelta(days=self.rng.randrange(least, most))

    def after(self, day: dt.date, least: int, most: int) -> dt.date:
        return day + dt.timedelta(days=self.rng.randrange(least, most))

    def financial_years(self) -> list[int]:
        """The first calendar year of each financial year (April to March) the history touches, and the one before,
        whose reports fall in the history."""
        first = (self.start.year if self.start.month >= 4 else self.start.year - 1) - 1
        last = self.as_of.year if self.as_of.month >= 4 else self.as_of.year - 1
        return list(range(first, last + 1))

    # -- people -----------------------------------------------------------------------------------

    def _new_person(self) -> Person:
        rng = self.rng
        first, last = rng.choice(FIRST), rng.choice(LAST)
        number = len(self.people) + 1  # people of the same name get different ids
        person = Person(
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
        board_seats: list[list[Person]] = []
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
