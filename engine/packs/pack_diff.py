"""What changed between two editions: rules added, retired and changed, and whose verdicts move."""

from __future__ import annotations

from dataclasses import dataclass

from govcheck.engine.core.results import Assessment
from govcheck.engine.core.status import Status
from govcheck.engine.packs.catalogue import Catalogue
from govcheck.engine.packs.loading import RulePack

# Whether a rule replaces an inherited one says how it was written, not what it requires.
_IGNORED_FIELDS = frozenset({"override"})


@dataclass(frozen=True)
class RuleChange:
    rule_id: str
    fields: tuple[str, ...]  # the rule's fields that differ (title, check, severity, cite, examples ...)


@dataclass(frozen=True)
class PackDiff:
    old: str
    new: str
    added: tuple[str, ...]
    retired: tuple[str, ...]
    changed: tuple[RuleChange, ...]
    # Catalogue requirements that belong to one edition and not the other (empty when either names no edition).
    requirements_added: tuple[str, ...] = ()
    requirements_dropped: tuple[str, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.retired or self.changed)


def diff_packs(old: RulePack, new: RulePack, catalogue: Catalogue | None = None) -> PackDiff:
    """Rules of ``new`` that ``old`` lacks, rules of ``old`` that ``new`` lacks, and rules that differ."""
    old_rules = {rule.id: rule for rule in old.rules}
    new_rules = {rule.id: rule for rule in new.rules}
    changed = []
    for rule_id, rule in new_rules.items():
        before = old_rules.get(rule_id)
        if before is None:
            continue
        was, now = before.spec.model_dump(), rule.spec.model_dump()
        fields = tuple(name for name in now if name not in _IGNORED_FIELDS and was[name] != now[name])
        if fields:
            changed.append(RuleChange(rule_id, fields))
    added_requirements: tuple[str, ...] = ()
    dropped_requirements: tuple[str, ...] = ()
    old_edition, new_edition = old.spec.catalogue_edition, new.spec.catalogue_edition
    if catalogue is not None and old_edition is not None and new_edition is not None:
        before_ids = {r.id for r in catalogue.applying_in(old_edition)}
        after_ids = {r.id for r in catalogue.applying_in(new_edition)}
        added_requirements = tuple(i for i in catalogue.ids if i in after_ids - before_ids)
        dropped_requirements = tuple(i for i in catalogue.ids if i in before_ids - after_ids)
    return PackDiff(
        old.id,
        new.id,
        tuple(rule_id for rule_id in new_rules if rule_id not in old_rules),
        tuple(rule_id for rule_id in old_rules if rule_id not in new_rules),
        tuple(changed),
        added_requirements,
        dropped_requirements,
    )


@dataclass(frozen=True)
class VerdictChange:
    """One rule whose finding differs between the two editions, for one LEP at one date."""

    rule_id: str
    title: str
    old: Status | None  # None: the rule is not in that edition
    new: Status | None
    old_reason: str | None
    new_reason: str | None


def diff_verdicts(old: Assessment, new: Assessment) -> tuple[VerdictChange, ...]:
    """The findings whose status differs between two assessments of the same facts, in rule order."""
    before = {finding.rule_id: finding for finding in old.findings}
    after = {finding.rule_id: finding for finding in new.findings}
    order = [*after, *(rule_id for rule_id in before if rule_id not in after)]
    changes = []
    for rule_id in order:
        was, now = before.get(rule_id), after.get(rule_id)
        if was is not None and now is not None and was.status is now.status:
            continue
        either = now or was
        assert either is not None  # the rule id came from one of the two
        changes.append(
            VerdictChange(
                rule_id,
                either.title,
                was.status if was else None,
                now.status if now else None,
                was.reason if was else None,
                now.reason if now else None,
            )
        )
    return tuple(changes)
