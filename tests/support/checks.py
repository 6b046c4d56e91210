"""What the check-kind tests share: running one kind on a few lines of facts, and a small board."""

from __future__ import annotations

import datetime as dt
from typing import Any

from govcheck.checks import REGISTRY
from govcheck.checks.base import CheckContext
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.status import Status
from tests.support.facts import facts_from

CALENDAR = WorkingCalendar()


def run(kind: str, params: dict[str, Any], facts_yaml: str, value: Any = None, as_of: str | None = None):  # type: ignore[no-untyped-def]
    facts = facts_from(facts_yaml).facts
    check = REGISTRY[kind]
    ctx = CheckContext(dt.date.fromisoformat(as_of) if as_of else facts.as_of, CALENDAR, facts)
    return check.function(facts if value is None else value(facts), check.params.model_validate(params), ctx)


BOARD = """
as_of: 2020-03-31
bodies: [{id: board, name: Board, kind: board, quorum: {minimum_present: 2, minimum_share: 0.5}}]
people:
  - {id: a, name: A, sector: private, gender: woman, roles: [{body: board, role: chair, appointed_on: 2018-01-01}]}
  - {id: b, name: B, sector: private, roles: [{body: board, appointed_on: 2018-01-01}]}
  - {id: c, name: C, sector: public, gender: man, roles: [{body: board, appointed_on: 2018-01-01}]}
  - {id: d, name: D, roles: [{body: board, appointed_on: 2018-01-01, left_on: 2019-01-01}]}
"""


MEETING = """
as_of: 2019-12-31
bodies: [{{id: b, name: B, kind: board}}]
meetings: [{{id: m, body: b, held_on: {held}, papers_published_on: {papers}}}]
"""


ATTESTATION = """
as_of: 2020-03-31
attestations:
  board.reflects-the-area: {attestation}
"""


MISSING = Status.MISSING_EVIDENCE


GOOD = "{judged_by: J. Judge, role: Monitoring Officer, judged_on: 2019-10-01, is_met: true, evidence: {document: d}}"


PLANS = "annual_reporting: {{delivery_plans: [{plans}]}}"


LETTERS = "as_of: {as_of}\naccountable_body: {{assurance_letters: [{letters}]}}"


SESSIONS = "as_of: 2020-03-31\nscrutiny_sessions: [{sessions}]"
