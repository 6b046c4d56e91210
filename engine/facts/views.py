"""Named views of the facts that rules quantify over: ``each: board_members``.

A view turns the facts, as of the assessment date, into the items a requirement
is about (the current board members, the meetings held so far, every interest
declared at a meeting), each with a label a reader recognises and the facts
path it came from. Items that join two facts (a person and their seat on a body)
are small models of their own, so rule paths into them are checked against the
schema like any other path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.model import (
    Body,
    ConfidentialItem,
    Declaration,
    Facts,
    Meeting,
    Person,
    PlanAction,
    RegisterUpdate,
    Role,
    StaffMember,
)
from govcheck.engine.facts.record_views import RECORD_VIEWS
from govcheck.engine.facts.view_base import Item, Joined, View

__all__ = ["MEMBER_ROLES", "VIEWS", "Item", "View", "date_label", "is_decision_body"]

# Seats that make someone a member of a body; observers and substitutes are not.
MEMBER_ROLES = frozenset({"chair", "deputy-chair", "member", "co-optee"})
ROLE_WORDS = {
    "chair": "chair",
    "deputy-chair": "deputy chair",
    "member": "member",
    "co-optee": "co-optee",
    "substitute": "substitute",
    "observer": "observer",
}


class Membership(Joined):
    """A person's current seat on a body."""

    person: Person
    role: Role
    body: Body


class MeetingDeclaration(Joined):
    """An interest declared at a meeting, with the meeting and the person who declared it."""

    meeting: Meeting
    declaration: Declaration
    person: Person | None


class RegisterChange(Joined):
    """A change to a person's interests, and when their register caught up with it."""

    person: Person
    update: RegisterUpdate


class MeetingConfidentialItem(Joined):
    """An item a meeting took in private."""

    meeting: Meeting
    confidential_item: ConfidentialItem


def _bodies(facts: Facts) -> dict[str, Body]:
    return {body.id: body for body in facts.bodies}


def is_decision_body(body: Body) -> bool:
    """The board, and every body that decides on, or has delegated authority over, public money.

    A body whose powers the facts do not state counts as deciding: the transparency and
    quorum requirements apply until the facts say otherwise, so an unstated power shows
    up as findings to answer rather than silently taking the body out of scope.
    """
    if body.decides_on_public_money or body.has_delegated_authority:
        return True
    if body.kind == "board":
        # A board takes the LEP's decisions unless the facts say it does not: where a joint committee
        # of the councils decides, that body is the one recorded as deciding, and must publish.
        return body.decides_on_public_money is not False
    return body.decides_on_public_money is None and body.has_delegated_authority is None


def is_lapsed(role: Role, on: dt.date) -> bool:
    """A seat whose term ended before ``on`` with no record of the member leaving or being reappointed:
    whether the member still sits is not known, so it is neither counted nor taken as gone."""
    return role.left_on is None and role.term_ends_on is not None and role.term_ends_on < on


def _memberships(facts: Facts, on: dt.date, include: Callable[[Body], bool]) -> list[Item]:
    bodies = _bodies(facts)
    body_paths: dict[str, PathKey] = {body.id: ("bodies", b) for b, body in enumerate(facts.bodies)}
    items: list[Item] = []
    for p, person in enumerate(facts.people):
        for r, role in enumerate(person.roles):
            body = bodies.get(role.body)
            current = role.is_current(on) and not is_lapsed(role, on)
            if body and include(body) and role.role in MEMBER_ROLES and current:
                title = ROLE_WORDS[role.role]
                items.append(
                    Item(
                        Membership(person=person, role=role, body=body),
                        ("people", p, "roles", r),
                        f"{person.name} ({body.name} {title})",
                        {"person": ("people", p), "role": ("people", p, "roles", r), "body": body_paths[body.id]},
                    )
                )
                break  # one seat per person and view: two seats on one body is one member
    return items


def _partly_listed(include: Callable[[Body], bool]) -> Callable[[Facts, dt.date], str | None]:
    def reason(facts: Facts, on: dt.date) -> str | None:
        bodies = {body.id: body for body in facts.bodies if include(body)}
        partial = [body.name for body in bodies.values() if body.is_membership_complete is False]
        lapsed = [
            f"{person.name}'s term on {bodies[role.body].name} ended {date_label(role.term_ends_on)}"
            for person in facts.people
            for role in person.roles
            if role.body in bodies
            and role.role in MEMBER_ROLES
            and role.term_ends_on
            and is_lapsed(role, on)
            and (role.appointed_on is None or role.appointed_on <= on)
        ]
        reasons = [f"the facts list only some of the members of {', '.join(partial)}"] if partial else []
        if lapsed:
            reasons.append(f"{'; '.join(lapsed)}, with no record of leaving or reappointment")
        return "; ".join(reasons) or None

    return reason


def _member_statements(include: Callable[[Body], bool]) -> Callable[[Facts, dt.date], list[Item]]:
    """One item, "every member", for each body whose members the evidence speaks of as a whole."""

    def items(facts: Facts, on: dt.date) -> list[Item]:
        found = []
        for b, body in enumerate(facts.bodies):
            statement = body.every_member
            if statement is None or not include(body):
                continue
            listed = any(
                role.body == body.id and role.role in MEMBER_ROLES and role.is_current(on)
                for person in facts.people
                for role in person.roles
            )
            if listed and body.is_membership_complete is not False:
                continue  # every member is listed: the rules read them one by one
            at: PathKey = ("bodies", b, "every_member")
            person = Person.model_construct(
                id=f"every-member-of-{body.id}",
                name=f"every member of {body.name}",
                roles=[],
                register_of_interests=statement.register_of_interests,
                induction=statement.induction,
                code_of_conduct_signed_on=statement.code_of_conduct_signed_on,
                governance_agreement_signed_on=statement.governance_agreement_signed_on,
                evidence=statement.evidence,
            )
            role = Role.model_construct(body=body.id, role="member")
            label = f"every member of {body.name} (as the evidence states)"
            roots = {"person": at, "role": at, "body": ("bodies", b)}
            found.append(Item(Membership.model_construct(person=person, role=role, body=body), at, label, roots))
        return found

    return items


def _meeting_statements(include: Callable[[Body], bool]) -> Callable[[Facts, dt.date], list[Item]]:
    """One item, "every meeting", for each body whose meetings over a period the evidence speaks of as a whole."""

    def items(facts: Facts, on: dt.date) -> list[Item]:
        found = []
        for b, body in enumerate(facts.bodies):
            statement = body.every_meeting
            if statement is None or not include(body):
                continue
            period = statement.period
            start = period.from_ if period else None
            end = min(period.to, on) if period and period.to else on
            if start is not None and start > on:
                continue
            meeting = Meeting.model_construct(
                id=f"every-meeting-of-{body.id}",
                body=body.id,
                held_on=end,
                has_declarations_item=statement.has_declarations_item,
                papers_published_on=statement.papers_published_on,
                draft_minutes_published_on=statement.draft_minutes_published_on,
                final_minutes_published_on=statement.final_minutes_published_on,
                is_quorate=statement.is_quorate,
                evidence=statement.evidence,
            )
            span = f"from {date_label(start)} to {date_label(end)}" if start else f"to {date_label(end)}"
            label = f"every meeting of {body.name} {span} (as the evidence states)"
            found.append(Item(meeting, ("bodies", b, "every_meeting"), label))
        return found

    return items


def _meetings(facts: Facts, on: dt.date, include: Callable[[Body], bool]) -> list[Item]:
    bodies = _bodies(facts)
    return [
        Item(meeting, ("meetings", m), f"{bodies[meeting.body].name}, {date_label(meeting.held_on)}")
        for m, meeting in enumerate(facts.meetings)
        if meeting.held_on <= on and meeting.body in bodies and include(bodies[meeting.body])
    ]


def _declarations(facts: Facts, on: dt.date) -> list[Item]:
    people = {person.id: person for person in facts.people}
    person_paths: dict[str, PathKey] = {person.id: ("people", p) for p, person in enumerate(facts.people)}
    items: list[Item] = []
    for meeting_item in _meetings(facts, on, lambda body: True):
        meeting: Meeting = meeting_item.value
        for d, declaration in enumerate(meeting.declarations or []):
            person = people.get(declaration.person)
            who = person.name if person else declaration.person
            items.append(
                Item(
                    MeetingDeclaration(meeting=meeting, declaration=declaration, person=person),
                    (*meeting_item.path, "declarations", d),
                    f"{who} at {meeting_item.label}",
                    {
                        "meeting": meeting_item.path,
                        "declaration": (*meeting_item.path, "declarations", d),
                        **({"person": person_paths[declaration.person]} if person else {}),
                    },
                )
            )
    return items


def _confidential_items(facts: Facts, on: dt.date) -> list[Item]:
    items: list[Item] = []
    for meeting_item in _meetings(facts, on, lambda body: True):
        meeting: Meeting = meeting_item.value
        for c, confidential in enumerate(meeting.confidential_items or []):
            items.append(
                Item(
                    MeetingConfidentialItem(meeting=meeting, confidential_item=confidential),
                    (*meeting_item.path, "confidential_items", c),
                    f"item {confidential.item} at {meeting_item.label}",
                    {"meeting": meeting_item.path, "confidential_item": (*meeting_item.path, "confidential_items", c)},
                )
            )
    return items


def _register_changes(facts: Facts, on: dt.date) -> list[Item]:
    items: list[Item] = []
    for p, person in enumerate(facts.people):
        register = person.register_of_interests
        for u, update in enumerate(register.updates or [] if register else []):
            if update.changed_on is None or update.changed_on <= on:
                when = f" of {date_label(update.changed_on)}" if update.changed_on else ""
                items.append(
                    Item(
                        RegisterChange(person=person, update=update),
                        ("people", p, "register_of_interests", "updates", u),
                        f"{person.name}: change{when}",
                        {"person": ("people", p), "update": ("people", p, "register_of_interests", "updates", u)},
                    )
                )
    return items


def _meetings_without(key: str) -> Callable[[Facts, dt.date], list[Item]]:
    def unrecorded(facts: Facts, on: dt.date) -> list[Item]:
        listed = [item for item in _meetings(facts, on, is_decision_body) if getattr(item.value, key) is None]
        return _meetings_not_recorded(facts, on) + listed

    return unrecorded


def _meetings_not_recorded(facts: Facts, on: dt.date) -> list[Item]:
    """The meetings themselves, where the facts (format 2) leave them out rather than list none."""
    return [] if facts.meetings_recorded else [Item(facts, ("meetings",), "meetings")]


def _senior_staff(facts: Facts, on: dt.date) -> list[Item]:
    return [
        Item(staff, ("senior_staff", s), f"{staff.name}" + (f" ({staff.post})" if staff.post else ""))
        for s, staff in enumerate(facts.senior_staff)
        if (staff.appointed_on is None or staff.appointed_on <= on) and (staff.left_on is None or staff.left_on > on)
    ]


def _plain(collection: str, label: Callable[[Any], str]) -> Callable[[Facts, dt.date], list[Item]]:
    def items(facts: Facts, on: dt.date) -> list[Item]:
        return [Item(value, (collection, i), label(value)) for i, value in enumerate(getattr(facts, collection))]

    return items


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View(
            "board_members",
            Membership,
            "current members of the board (chair, deputy, members, co-optees)",
            lambda facts, on: _memberships(facts, on, lambda body: body.kind == "board"),
            incomplete=_partly_listed(lambda body: body.kind == "board"),
            statements=_member_statements(lambda body: body.kind == "board"),
        ),
        View(
            "committee_members",
            Membership,
            "current members of sub-boards and committees that decide on or have delegated authority over public money",
            lambda facts, on: _memberships(facts, on, lambda body: body.kind != "board" and is_decision_body(body)),
            incomplete=_partly_listed(lambda body: body.kind != "board" and is_decision_body(body)),
            statements=_member_statements(lambda body: body.kind != "board" and is_decision_body(body)),
        ),
        View(
            "decision_makers",
            Membership,
            "everyone with a current seat on the board or a decision-making body",
            lambda facts, on: _memberships(facts, on, is_decision_body),
            incomplete=_partly_listed(is_decision_body),
            statements=_member_statements(is_decision_body),
        ),
        View("senior_staff", StaffMember, "senior officers in post", _senior_staff),
        View("bodies", Body, "the board and all its sub-groups", _plain("bodies", lambda body: body.name)),
        View(
            "decision_bodies",
            Body,
            "the board and every body deciding on or with delegated authority over public money",
            lambda facts, on: [
                item for item in _plain("bodies", lambda body: body.name)(facts, on) if is_decision_body(item.value)
            ],
        ),
        View(
            "meetings",
            Meeting,
            "meetings of any body held on or before the assessment date",
            lambda facts, on: _meetings(facts, on, lambda body: True),
            unrecorded=_meetings_not_recorded,
            statements=_meeting_statements(lambda body: True),
        ),
        View(
            "decision_meetings",
            Meeting,
            "meetings held so far of the board and of decision-making bodies",
            lambda facts, on: _meetings(facts, on, is_decision_body),
            unrecorded=_meetings_not_recorded,
            statements=_meeting_statements(is_decision_body),
        ),
        View(
            "declarations",
            MeetingDeclaration,
            "interests declared at meetings held so far",
            _declarations,
            _meetings_without("declarations"),
        ),
        View("register_changes", RegisterChange, "changes to people's interests recorded so far", _register_changes),
        View(
            "confidential_items",
            MeetingConfidentialItem,
            "items taken in private at meetings held so far",
            _confidential_items,
            unrecorded=_meetings_not_recorded,
        ),
        View("people", Person, "everyone the facts name", _plain("people", lambda person: person.name)),
        View(
            "board_meetings",
            Meeting,
            "meetings of the board held on or before the assessment date",
            lambda facts, on: _meetings(facts, on, lambda body: body.kind == "board"),
            unrecorded=_meetings_not_recorded,
            statements=_meeting_statements(lambda body: body.kind == "board"),
        ),
        View(
            "plan_actions",
            PlanAction,
            "actions of the LEP's own improvement plan",
            lambda facts, on: [
                Item(a, ("improvement_plan", "actions", i), a.summary)
                for i, a in enumerate(facts.improvement_plan.actions if facts.improvement_plan else [])
            ],
        ),
        *RECORD_VIEWS,
    )
}
