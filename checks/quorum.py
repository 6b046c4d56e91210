"""Check kind ``quorate``: a meeting had its body's quorum present.

The quorum rule is the body's own (``bodies[].quorum``): no national number
exists, so the check applies whatever the LEP's articles or terms of reference
set. Only voting members count: a person with a current member seat on the
meeting's body on the day of the meeting. With ``after_withdrawals`` the quorum
must also hold for each item after members who declared an interest withdrew.
"""

from __future__ import annotations

import datetime as dt
import math

from govcheck.checks.base import CheckContext, Params, check_kind
from govcheck.checks.sentences import Code
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.status import Status
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.model import Body, Meeting, Person
from govcheck.engine.facts.views import MEMBER_ROLES


class QuorateParams(Params):
    after_withdrawals: bool = False

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        text = "the meeting had its body's quorum of voting members present (the body's own quorum rule)"
        if self.after_withdrawals:
            text += ", and kept it for every item after members who declared an interest withdrew"
        return text


def _member_seats(people: list[Person], body: Body) -> list[tuple[Person, dt.date, dt.date | None]]:
    """Every member seat anyone has held on ``body``: who, from when, and until when (None: still held)."""
    return [
        (person, role.appointed_on or dt.date.min, role.left_on)
        for person in people
        for role in person.roles
        if role.body == body.id and role.role in MEMBER_ROLES
    ]


def _voting_members(seats: list[tuple[Person, dt.date, dt.date | None]], meeting: Meeting) -> dict[str, Person]:
    # A seat counts from its appointment up to the day before the member left (Role.is_current).
    day = meeting.held_on
    return {person.id: person for person, start, left in seats if start <= day and (left is None or left > day)}


def _shortfall(body: Body, members: dict[str, Person], present: list[str]) -> tuple[str | None, str]:
    """Why ``present`` is not a quorum of ``body`` (None if it is one), and the arithmetic."""
    rule = body.quorum
    assert rule is not None
    voting = [members[p] for p in present if p in members]
    needed: list[int] = []
    if rule.minimum_present is not None:
        needed.append(rule.minimum_present)
    if rule.minimum_share is not None:
        needed.append(math.ceil(rule.minimum_share * len(members) - 1e-9))
    need = max(needed, default=0)
    sums = f"{len(voting)} voting members present of {len(members)}; quorum {need}"
    if len(voting) < need:
        return f"{len(voting)} voting members present; quorum is {need}", sums
    if rule.minimum_private_sector is not None:
        private = sum(person.sector == "private" for person in voting)
        sums += f"; private sector present {private}, required {rule.minimum_private_sector}"
        if private < rule.minimum_private_sector:
            return f"{private} private-sector members present; {rule.minimum_private_sector} required", sums
    return None, sums


@check_kind("quorate")
def quorate(value: Meeting, params: QuorateParams, ctx: CheckContext) -> Outcome:
    """The meeting had the quorum its body's rule sets (and kept it after withdrawals)."""
    meeting = value
    body = next((b for b in ctx.facts.bodies if b.id == meeting.body), None)
    decisions = meeting.decisions or []
    written = [d for d in decisions if d.is_by_written_procedure]
    if written and len(written) == len(decisions):
        # Business done by written procedure is not a decision of the meeting, quorate or not; the
        # meeting itself is still reported as the minutes record it. It stands only where the body's
        # rules allow it.
        recorded = {True: "recorded as quorate", False: "recorded as inquorate", None: "its quorum not recorded"}
        said = f"{recorded[meeting.is_quorate]}; its {len(written)} decision(s) were taken by written procedure"
        facts = (ctx.path(("decisions",)),)
        allowed = body.allows_written_procedure if body is not None else None
        if allowed is None:
            index = next((i for i, b in enumerate(ctx.facts.bodies) if b.id == meeting.body), None)
            rule = (("bodies", index, "allows_written_procedure"),) if index is not None else ()
            return missing(
                f"{said}, and it is not recorded whether {meeting.body}'s rules allow that", facts=facts, needed=rule
            )
        if not allowed:
            return not_met(f"{said}, which the body's rules do not allow", facts=facts)
        return Outcome(Status.NOT_APPLICABLE, f"{said}, as the body's rules allow", facts=facts)
    if body is None or body.quorum is None:
        name = body.name if body else meeting.body
        index = next((i for i, b in enumerate(ctx.facts.bodies) if b.id == meeting.body), None)
        where = (("bodies", index, "quorum"),) if index is not None else ()
        if meeting.is_quorate is False:
            return not_met(f"recorded as inquorate ({name} has no quorum rule recorded)", facts=where)
        return missing(f"no quorum rule recorded for {name}", facts=where)
    if not body.quorum.is_set:
        index = next(i for i, b in enumerate(ctx.facts.bodies) if b.id == meeting.body)
        return not_met(f"{body.name} has no quorum set", facts=(("bodies", index, "quorum"),))
    if meeting.is_quorate is False:
        return not_met(
            f"the minutes record the meeting of {date_label(meeting.held_on)} as inquorate",
            facts=(ctx.path(("is_quorate",)),),
        )
    if meeting.attendance is None:
        if meeting.is_quorate:
            return met("the minutes record the meeting as quorate", facts=(ctx.path(("is_quorate",)),))
        return missing(f"no attendance recorded for {date_label(meeting.held_on)}", facts=(ctx.path(("attendance",)),))
    # Who sits on the body is the same for all its meetings: work it out once per assessment.
    seats = ctx.cached(("member seats", body.id), lambda: _member_seats(ctx.facts.people, body))
    members = _voting_members(seats, meeting)
    facts = (ctx.path(("attendance",)),)
    why, sums = _shortfall(body, members, meeting.attendance)
    if why:
        return not_met(why, facts=facts, detail=(sums,))
    detail = [sums]
    if params.after_withdrawals:
        withdrawn: dict[str, set[str]] = {}
        for declaration in meeting.declarations or []:
            if declaration.has_withdrawn:
                withdrawn.setdefault(declaration.item or "?", set()).add(declaration.person)
        for item, people in sorted(withdrawn.items()):
            remaining = [p for p in meeting.attendance if p not in people]
            why, sums = _shortfall(body, members, remaining)
            detail.append(f"item {item}, after {len(people)} withdrew: {sums}")
            if why:
                return not_met(f"inquorate for item {item} after withdrawals: {why}", facts=facts, detail=tuple(detail))
    return met(f"quorate: {sums}", facts=facts, detail=tuple(detail))
