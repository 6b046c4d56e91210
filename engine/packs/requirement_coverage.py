"""Requirement coverage: for an edition, every catalogue requirement with the rules that encode it, or why none does."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from govcheck.engine.packs.catalogue import Catalogue, Requirement
from govcheck.engine.packs.loading import Rule, RulePack


class Coverage(StrEnum):
    ENCODED = "encoded"
    EXPLAINED = "explained"  # the pack's not_encoded says why no rule encodes it
    NOT_COVERED = "not_covered"


@dataclass(frozen=True)
class RequirementCoverage:
    requirement: Requirement
    rules: tuple[str, ...]
    reason: str | None  # the not_encoded reason, when no rule encodes it

    @property
    def status(self) -> Coverage:
        if self.rules:
            return Coverage.ENCODED
        return Coverage.EXPLAINED if self.reason else Coverage.NOT_COVERED


@dataclass(frozen=True)
class PackCoverage:
    """One edition's coverage of the catalogue, and the rules that encode nothing of that edition."""

    pack_id: str
    edition: int | None  # None: the pack names no edition, so every catalogue id is listed
    requirements: tuple[RequirementCoverage, ...]
    # Rules none of whose requirements belong to this edition (an extending pack should retire them).
    foreign_rules: tuple[str, ...]
    # not_encoded entries for ids a rule does encode: one of the two is out of date.
    contradictions: tuple[str, ...]

    def count(self, status: Coverage) -> int:
        return sum(entry.status is status for entry in self.requirements)

    @property
    def uncovered(self) -> tuple[RequirementCoverage, ...]:
        return tuple(entry for entry in self.requirements if entry.status is Coverage.NOT_COVERED)

    @property
    def complete(self) -> bool:
        """Every requirement of the edition is encoded or explained, and every rule belongs to the edition."""
        return not self.uncovered and not self.foreign_rules


def rules_outside_edition(pack: RulePack, catalogue: Catalogue, edition: int | None) -> list[Rule]:
    """The pack's rules none of whose requirements belong to ``edition``."""
    found = []
    for rule in pack.rules:
        requirements = [catalogue.get(requirement) for requirement in rule.spec.requirements]
        if not any(r is not None and r.applies_in(edition) for r in requirements):
            found.append(rule)
    return found


def pack_coverage(pack: RulePack, catalogue: Catalogue) -> PackCoverage:
    edition = pack.spec.catalogue_edition
    encoders: dict[str, list[str]] = {}
    for rule in pack.rules:
        for requirement in rule.spec.requirements:
            encoders.setdefault(requirement, []).append(rule.id)
    entries = tuple(
        RequirementCoverage(
            requirement,
            tuple(encoders.get(requirement.id, ())),
            None if requirement.id in encoders else pack.not_encoded.get(requirement.id),
        )
        for requirement in catalogue.applying_in(edition)
    )
    contradictions = tuple(sorted(key for key in pack.spec.not_encoded if key in encoders))
    foreign = tuple(rule.id for rule in rules_outside_edition(pack, catalogue, edition))
    return PackCoverage(pack.id, edition, entries, foreign, contradictions)
