"""What a view is: a named list of items drawn from the facts, each with its label and facts path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from govcheck.engine.core.paths import PathKey
from govcheck.engine.facts.model import Facts


class Joined(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)


@dataclass(frozen=True)
class Item:
    value: Any
    path: PathKey
    label: str
    # Where each part of a joined item stands in the facts: {"person": ("people", 2), ...},
    # so a path into the item (person.register_of_interests) is reported where it really is.
    roots: dict[str, PathKey] = field(default_factory=dict)


@dataclass(frozen=True)
class View:
    name: str
    item_model: type[BaseModel]
    description: str
    items: Callable[[Facts, dt.date], list[Item]]
    # Where the items come from lists inside other facts (declarations inside meetings),
    # the parents whose list is absent: "none declared" and "not recorded" differ.
    unrecorded: Callable[[Facts, dt.date], list[Item]] | None = None
    # Why the items are known to be only some of those that exist (None: no reason to think so),
    # so that a count or share over them is not taken as the whole.
    incomplete: Callable[[Facts, dt.date], str | None] | None = None
    # Items that stand for every member, or every meeting, of a body the evidence speaks of as a
    # whole (facts format 2): rules over each item read them; counts never do.
    statements: Callable[[Facts, dt.date], list[Item]] | None = None

    def partly_listed(self, facts: Facts, on: dt.date) -> str | None:
        """Why the facts list only some of this view's items on ``on``, or None."""
        return self.incomplete(facts, on) if self.incomplete is not None else None
