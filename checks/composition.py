"""Counting a body's members from the counts the evidence gives (``bodies[].composition``, format 2).

Count and share rules over a body's members use the listed members when the list is
complete; when it is not (or nobody is listed), they use the counts, and say so. A rule
whose filter the counts do not cover stays missing evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcheck.checks.where import Where
from govcheck.engine.core.paths import PathKey
from govcheck.engine.facts.model import Body, Facts

# The views whose items are members of one body, and which body they count.
MEMBER_VIEWS = {"board_members": "board"}

# A `where:` filter (path, value) and the composition count that answers it.
FILTERS: dict[tuple[str, Any], str] = {
    ("person.gender", "woman"): "women",
    ("person.sector", "private"): "private_sector",
    ("person.is_local_authority_member", True): "local_authority",
    ("person.is_sme_representative", True): "sme",
    ("person.is_diversity_champion", True): "diversity_champions",
    ("role.role", "co-optee"): "co_optees",
}


@dataclass(frozen=True)
class Counted:
    """How many of a body's members there are, and how many meet a filter, from its composition.

    ``low`` and ``high`` bound the members that meet the filter: equal when the counts say,
    0 and all the members when they do not, so a bound the whole body keeps is still decided.
    """

    body: Body
    path: PathKey
    members: int
    low: int
    high: int

    @property
    def words(self) -> str:
        return f"{self.body.name}'s composition as the evidence gives it"

    @property
    def said(self) -> str:
        return str(self.low) if self.low == self.high else f"between {self.low} and {self.high}"


def counted(facts: Facts, view: str, where: Where | None) -> Counted | None:
    """The counts for ``view`` filtered by ``where``, or None where no composition answers it."""
    kind = MEMBER_VIEWS.get(view)
    found = [(b, body) for b, body in enumerate(facts.bodies) if body.kind == kind and body.composition is not None]
    if len(found) != 1:
        return None
    index, body = found[0]
    composition = body.composition
    assert composition is not None
    if composition.members is None:
        return None
    members = composition.members
    path: PathKey = ("bodies", index, "composition")
    if where is None:
        return Counted(body, path, members, members, members)
    conditions = list(where.root.items())
    if len(conditions) != 1:
        return Counted(body, path, members, 0, members)
    ((at, condition),) = conditions
    if at == "role.role" and condition.not_in == ["co-optee"]:
        if composition.co_optees is None:
            return Counted(body, path, members, 0, members)
        return Counted(body, path, members, members - composition.co_optees, members - composition.co_optees)
    field = FILTERS.get((at, condition.equals))
    value = getattr(composition, field) if field else None
    if value is None:
        return Counted(body, path, members, 0, members)
    return Counted(body, path, members, value, value)


def vacant(facts: Facts, view: str, where: Where | None) -> Body | None:
    """The body whose seat the filter asks for (``role.role: chair``) the evidence shows vacant, if any."""
    kind = MEMBER_VIEWS.get(view)
    if kind is None or where is None or len(where.root) != 1 or "role.role" not in where.root:
        return None
    role = where.root["role.role"].equals
    return next((b for b in facts.bodies if b.kind == kind and role in (b.vacant_roles or [])), None)
