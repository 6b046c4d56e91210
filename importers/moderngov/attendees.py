"""Who was at a meeting, as facts: members present, apologies and others in attendance kept apart, people by name.

An attendee is one of the people already in the facts when their names are the same once
titles, dots and Unicode look-alikes are set aside ("Cllr J. Smith" is "J Smith"); never
on a guess ("J. Smith" is not "Jane Smith"). Anyone else is added as a new person with
what the service tells: their name and their seat on the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from govcheck.engine.core.identity import identity
from govcheck.importers.moderngov.parse import Attendee

# Titles that are not part of whom a name picks out.
TITLES = frozenset(
    {"councillor", "cllr", "county", "borough", "city", "district", "mr", "mrs", "ms", "miss", "mx", "dr"}
    | {"professor", "prof", "sir", "dame", "lord", "lady", "rev", "revd"}
)
# Roles of people at a meeting who are not members of the body.
_NOT_MEMBERS = ("officer", "guest", "adviser", "advisor", "observer", "in attendance", "clerk", "secretary", "speaker")

Presence = Literal["present", "apologies", "absent", "in_attendance", "expected", "unknown"]


def presence(attendee: Attendee) -> Presence:
    """How the service records an attendee: a member present, sending apologies, absent; or someone else present."""
    said = attendee.attendance.lower()
    role = attendee.role.lower()
    is_member = not any(word in role for word in _NOT_MEMBERS)
    if said.startswith("apolog"):
        return "apologies" if is_member else "absent"
    if "absent" in said or said.startswith(("not present", "did not attend")):
        return "absent"
    if said.startswith(("in attendance", "also")):
        return "in_attendance"
    if said.startswith(("present", "attended", "attending")):
        return "present" if is_member else "in_attendance"
    if said.startswith("expected"):
        return "expected"
    return "unknown"


def seat(attendee: Attendee) -> str:
    """The facts' role name for an attendee's seat: chair, deputy-chair, substitute, co-optee or member."""
    role = f"{attendee.role} {attendee.attendance}".lower()
    if re.search(r"\b(vice|deputy)[- ]?chair", role):
        return "deputy-chair"
    if re.search(r"\bchair", role):
        return "chair"
    if "substitute" in role:
        return "substitute"
    if "co-opt" in role or "coopt" in role:
        return "co-optee"
    return "member"


def bare_name(name: str) -> str:
    """A name without the titles in front of it: "Councillor Jane Smith" -> "Jane Smith"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """What two names are compared by: no titles, no dots or commas, as ``identity`` reads the rest."""
    words = [word for word in re.split(r"[\s.,]+", bare_name(name)) if word]
    return identity(" ".join(words))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", identity(bare_name(name))).strip("-") or "person"


@dataclass
class People:
    """The people the facts know, found by name; new people added as met."""

    known: dict[str, str] = field(default_factory=dict)  # name key -> person id
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # name key -> the ids that share it
    ids: set[str] = field(default_factory=set)
    added: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, people: list[tuple[str, str]]) -> People:
        """From (id, name) pairs already in the facts."""
        book = cls()
        for person_id, name in people:
            book.ids.add(person_id)
            key = name_key(name)
            if key in book.ambiguous:
                book.ambiguous[key].append(person_id)
            elif key in book.known:
                book.ambiguous[key] = [book.known.pop(key), person_id]
            else:
                book.known[key] = person_id
        return book

    def find(self, attendee: Attendee, body: str, evidence_url: str) -> str | None:
        """The id of the person ``attendee`` is, adding them if new; None when the name fits several people."""
        key = name_key(attendee.name)
        if not key or key in self.ambiguous:
            return None
        if key in self.known:
            return self.known[key]
        person_id = base = slug(attendee.name)
        number = 2
        while person_id in self.ids:
            person_id, number = f"{base}-{number}", number + 1
        self.ids.add(person_id)
        self.known[key] = person_id
        self.added.append(
            {
                "id": person_id,
                "name": bare_name(attendee.name),
                "roles": [{"body": body, "role": seat(attendee)}],
                "evidence": {"url": evidence_url, "note": f"listed by ModernGov as {attendee.role or 'a member'}"},
            }
        )
        return person_id
