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
    """How many of a body's members there are, and how many meet a filter, from its composition."""

    body: Body
    path: PathKey
    members: int
    matching: int | None  # None: the counts do not say

    @property
    def words(self) -> str:
        return f"{self.body.name}'s composition as the evidence gives it"


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
    path: PathKey = ("bodies", index, "composition")
    if where is None:
        return Counted(body, path, composition.members, composition.members)
    conditions = list(where.root.items())
    if len(conditions) != 1:
        return Counted(body, path, composition.members, None)
    ((at, condition),) = conditions
    if at == "role.role" and condition.not_in == ["co-optee"] and composition.co_optees is not None:
        return Counted(body, path, composition.members, composition.members - composition.co_optees)
    field = FILTERS.get((at, condition.equals))
    value = getattr(composition, field) if field else None
    return Counted(body, path, composition.members, value)
