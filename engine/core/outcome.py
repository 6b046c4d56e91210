"""What a check concludes: an outcome, and the verdict on each item behind it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.status import Status


@dataclass(frozen=True)
class ItemResult:
    """The verdict on one item a rule covers (a person, a meeting, a subject)."""

    label: str
    status: Status
    reason: str
    path: PathKey = ()


@dataclass(frozen=True)
class Outcome:
    """What one check concluded, with the items behind it and how it got there.

    ``facts`` are the facts paths the check read (so a finding can point at the
    lines of evidence); ``detail`` are the steps shown by ``govcheck explain``;
    ``children`` are the outcomes of nested checks. ``needed``, on a
    ``missing_evidence`` outcome, are the facts paths whose absence left it
    undecided, where they are more than (or other than) the paths read: what the
    facts file should say for the check to decide.
    """

    status: Status
    reason: str
    items: tuple[ItemResult, ...] = ()
    passed: int | None = None
    total: int | None = None
    facts: tuple[PathKey, ...] = ()
    detail: tuple[str, ...] = ()
    children: tuple[Outcome, ...] = ()
    label: str = ""
    needed: tuple[PathKey, ...] = ()


def met(reason: str, **kw: Any) -> Outcome:
    return Outcome(Status.MET, reason, **kw)


def not_met(reason: str, **kw: Any) -> Outcome:
    return Outcome(Status.NOT_MET, reason, **kw)


def missing(reason: str, **kw: Any) -> Outcome:
    return Outcome(Status.MISSING_EVIDENCE, reason, **kw)
