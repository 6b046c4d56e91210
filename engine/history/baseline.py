"""Comparing two results: which gaps are new, fixed, persisting, or changed in status.

A gap is keyed by LEP, rule and item (the failing item's label; none when the rule
as a whole is the gap), never by line number, so moving facts around a file changes
nothing. Statuses are ordered from better to worse:

    met = not_applicable = waived  <  missing_evidence  <  partial  <  not_met  <  error

A persisting gap whose status moved right is *worse*; moved left, *better*. A build
run against a baseline fails only on new gaps and worse statuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govcheck.engine.assess.organisations import shared_ids
from govcheck.engine.core.results import Assessment
from govcheck.engine.core.status import BADNESS, SEVERITIES, Status

# The order of statuses used to call a change worse or better (see the module docstring).
STATUS_RANK = BADNESS


@dataclass(frozen=True, order=True)
class GapKey:
    lep: str
    rule_id: str
    item: str | None  # None: the rule as a whole

    def __str__(self) -> str:
        return f"{self.lep} {self.rule_id}" + (f" [{self.item}]" if self.item else "")


@dataclass(frozen=True)
class Gap:
    """One gap of one result: a failing item of a rule, or a rule that fails with no items to name."""

    key: GapKey
    status: Status
    severity: str
    title: str
    reason: str
    facts_file: str
    line: int | None
    as_of: str


@dataclass(frozen=True)
class Change:
    key: GapKey
    old: Gap
    new: Gap

    @property
    def worse(self) -> bool:
        return STATUS_RANK[self.new.status] > STATUS_RANK[self.old.status]


@dataclass(frozen=True)
class Diff:
    new: tuple[Gap, ...]
    fixed: tuple[Gap, ...]
    persisting: tuple[Gap, ...]  # in both, same status
    changed: tuple[Change, ...]  # in both, status changed
    # What each fixed gap is now (met, waived, ...); absent when the item is no longer in the facts.
    fixed_now: dict[GapKey, Status] = field(default_factory=dict)
    # LEPs in the older result that the newer one did not assess: their gaps are neither fixed nor kept.
    not_reassessed: tuple[str, ...] = ()

    @property
    def worse(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changed if c.worse)

    def failures(self, at_or_above: str = "low") -> tuple[Gap, ...]:
        """New gaps and worse statuses whose severity is at least ``at_or_above``: what fails a build."""
        if at_or_above == "never":
            return ()
        allowed = SEVERITIES[: SEVERITIES.index(at_or_above) + 1]
        found = [gap for gap in self.new if gap.severity in allowed]
        found += [change.new for change in self.worse if change.new.severity in allowed]
        return tuple(found)


def gaps_of(assessments: Iterable[Assessment]) -> dict[GapKey, Gap]:
    """Every gap of the assessments, keyed by LEP, rule and item."""
    found: dict[GapKey, Gap] = {}
    for assessment in assessments:
        for finding in assessment.findings:
            if not finding.is_gap:
                continue
            failing = finding.failing_items
            entries: list[tuple[str | None, Status, str, int | None]] = [
                (item.label, item.status, item.reason, line) for item, line in failing
            ] or [(None, finding.status, finding.reason, finding.line)]
            for label, status, reason, line in entries:
                key = GapKey(assessment.organisation_id, finding.rule_id, label)
                gap = Gap(
                    key,
                    status,
                    finding.severity,
                    finding.title,
                    reason,
                    assessment.facts_file,
                    line,
                    assessment.as_of.isoformat(),
                )
                # Two items with one label (two people of one name) count once, at the worse status.
                if key not in found or STATUS_RANK[status] > STATUS_RANK[found[key].status]:
                    found[key] = gap
    return found


def diff(old: Iterable[Assessment], new: Iterable[Assessment]) -> Diff:
    """What changed from ``old`` to ``new``; an InputError when either holds two facts files of one LEP id."""
    old, new = list(old), list(new)
    for assessments, what in ((old, "the older result"), (new, "the newer result")):
        clash = shared_ids(assessments, what)
        if clash is not None:
            raise clash
    before, after = gaps_of(old), gaps_of(new)
    assessed_now = {a.organisation_id for a in new}
    not_reassessed = sorted({a.organisation_id for a in old} - assessed_now)
    status_now: dict[GapKey, Status] = {}
    for assessment in new:
        for finding in assessment.findings:
            status_now[GapKey(assessment.organisation_id, finding.rule_id, None)] = finding.status
            for item in finding.items:
                status_now[GapKey(assessment.organisation_id, finding.rule_id, item.label)] = item.status
    new_gaps = tuple(after[k] for k in sorted(after.keys() - before.keys()))
    fixed = tuple(before[k] for k in sorted(before.keys() - after.keys()) if k.lep in assessed_now)
    persisting: list[Gap] = []
    changed: list[Change] = []
    for key in sorted(before.keys() & after.keys()):
        if before[key].status is after[key].status:
            persisting.append(after[key])
        else:
            changed.append(Change(key, before[key], after[key]))
    fixed_now = {gap.key: status_now[gap.key] for gap in fixed if gap.key in status_now}
    return Diff(new_gaps, fixed, tuple(persisting), tuple(changed), fixed_now, tuple(not_reassessed))
