"""Rule ids named outside the rule packs (waivers, a LEP's improvement plan): known, or misspelt.

An id that no edition has is a typing mistake, and is refused with the id that was probably
meant: a waiver of ``transparency.papers-5-clear-working-day-before`` would otherwise match
nothing and only be reported unused, leaving the gap it was written for standing. An id that
another edition has is not a mistake: a waiver file or a plan outlives an edition, and such a
waiver is still only unused for a LEP assessed against an edition without the rule.
"""

from __future__ import annotations

from govcheck.engine.core.errors import Problem
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.facts.loader import FactsFile
from govcheck.engine.packs.catalogue import Catalogue, load_catalogue
from govcheck.engine.packs.loading import REQUIREMENT_ID, RulePack, available_packs, load_pack


class KnownRuleIds:
    """The rule ids of one pack (if any), then (only when an id is not among them) of every bundled edition."""

    def __init__(self, pack: RulePack | None = None) -> None:
        self._pack = pack
        self._own = frozenset(rule.id for rule in pack.rules) if pack else frozenset()
        self._every: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        # Loaded only for an id the assessed pack lacks: most waivers and plans name its own rules.
        if self._every is None:
            found = dict.fromkeys(sorted(self._own))
            for name in available_packs():
                found.update(dict.fromkeys(rule.id for rule in load_pack(name).rules))
            self._every = tuple(found)
        return self._every

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._own or rule_id in self._all()

    def did_you_mean(self, rule_id: str) -> str:
        return did_you_mean(rule_id, self._all())

    def is_requirement(self, name: str) -> bool:
        """Whether ``name`` is a requirement id of the catalogue the pack was checked against."""
        return self._catalogue is not None and name in self._catalogue

    def requirement_hint(self, name: str) -> str:
        return "" if self._catalogue is None else did_you_mean(name, self._catalogue.ids)

    @property
    def _catalogue(self) -> Catalogue | None:
        # Without a pack (a facts file validated on its own), the bundled catalogue every edition uses.
        return self._pack.catalogue if self._pack else load_catalogue()


def unknown_rule(rule_id: str, known: KnownRuleIds, what: str) -> str | None:
    """The message for a rule id no edition has (``what`` says where it was named), or None if known."""
    if rule_id in known:
        return None
    return f"{what} names rule {rule_id!r}, which no edition has{known.did_you_mean(rule_id)}"


def plan_address_problems(facts_file: FactsFile, known: KnownRuleIds) -> list[Problem]:
    """A problem for each id in the improvement plan's ``addresses`` that is neither a rule nor a requirement."""
    plan = facts_file.facts.improvement_plan
    if plan is None:
        return []
    problems = []
    for a, action in enumerate(plan.actions):
        for n, name in enumerate(action.addresses):
            message = _unknown_address(name, known, f"action {action.id!r}")
            if message is None:
                continue
            at = ("improvement_plan", "actions", a, "addresses", n)
            line, column = facts_file.source.locate(at) or (None, None)
            hint = "an action addresses rule ids (`govcheck rules list`) or requirement ids of the catalogue"
            problems.append(Problem(facts_file.path, message, line, column, hint))
    return problems


def _unknown_address(name: str, known: KnownRuleIds, what: str) -> str | None:
    if REQUIREMENT_ID.fullmatch(name):
        if known.is_requirement(name):
            return None
        return f"{what} addresses requirement {name!r}, which the catalogue does not hold{known.requirement_hint(name)}"
    return unknown_rule(name, known, what)
