"""The meetings of a synthetic LEP: 10 to 12 a year of every body, with papers, minutes, attendance and decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from bench.lep import Lep, Person, working_days_after, working_days_before

# The standing reports a board takes once a year, in the month it takes them.
BOARD_REPORTS = {3: "risk-register", 6: "performance", 9: "diversity", 11: "finance", 1: "assurance-framework"}


def meetings(lep: Lep) -> Iterator[str]:
    rng = lep.rng
    yield "meetings:"
    members = {body[0]: [p for p in lep.people if any(r[0] == body[0] for r in p.roles)] for body in lep.bodies}
    for body_id, _, _, decides, _ in lep.bodies:
        month = dt.date(lep.start.year, lep.start.month, 1)
        skipped = set(rng.sample(range(1, 13), 12 - rng.randint(10, 12)))
        while month <= lep.as_of:
            if month.month not in skipped:
                held = month + dt.timedelta(days=rng.randrange(0, 26))
                if held.weekday() >= 5:  # to the Monday after: still in the same month, so one meeting a month
                    held += dt.timedelta(days=7 - held.weekday())
                if lep.start <= held <= lep.as_of:
                    yield from _meeting(lep, body_id, decides, held, members[body_id])
            month = (month + dt.timedelta(days=32)).replace(day=1)


def _meeting(lep: Lep, body_id: str, decides: bool, held: dt.date, members: list[Person]) -> Iterator[str]:
    rng = lep.rng
    lep.meetings += 1
    yield f"  - id: {body_id}-{held}"
    yield f"    body: {body_id}"
    yield f"    held_on: {held}"
    papers = working_days_before(held, rng.randint(3, 5) if lep.late() else rng.randint(6, 8))
    draft = working_days_after(held, rng.randint(11, 15) if lep.late() else rng.randint(3, 9))
    approved = held + dt.timedelta(days=rng.randrange(28, 70))
    final = working_days_after(approved, rng.randint(11, 15) if lep.late() else rng.randint(2, 9))
    for key, day in (
        ("papers_published_on", papers),
        ("draft_minutes_published_on", draft),
        ("minutes_approved_on", approved),
        ("final_minutes_published_on", final),
    ):
        written = lep.maybe(day)
        if written and day <= lep.as_of:
            yield f"    {key}: {written}"
    yield "    has_declarations_item: true"
    present = [p.id for p in members if p.seat_on(body_id, held) and rng.random() < 0.85]
    yield f"    attendance: [{', '.join(present)}]"
    declared = rng.sample(present, min(len(present), rng.choice((0, 0, 0, 1, 1, 2))))
    yield "    declarations:" + ("" if declared else " []")
    for person in declared:
        updated = lep.maybe(held + dt.timedelta(days=rng.randrange(1, 40 if lep.late() else 27)))
        yield f"      - person: {person}"
        yield f"        item: '{rng.randint(4, 9)}'"
        yield "        interest: Director of a company applying for funding"
        yield "        is_minuted: true"
        yield f"        has_withdrawn: {str(rng.random() < 0.8).lower()}"
        if updated and updated <= str(lep.as_of):
            yield f"        register_updated_on: {updated}"
    if decides:
        yield "    decisions:"
        for item in range(rng.randint(1, 4)):
            yield f"      - {{item: '{item + 4}', summary: Approve project {rng.randint(100, 999)} funding}}"
    if rng.random() < 0.1:
        yield "    confidential_items:"
        yield "      - {item: '9', reason: 'Schedule 12A para 3 (financial or business affairs)'}"
    if body_id == "board" and held.month in BOARD_REPORTS and not lep.late():
        yield f"    reports: [{BOARD_REPORTS[held.month]}]"
    yield f"    evidence: {{url: '{lep.site}/meetings/{body_id}/{held}'}}"
