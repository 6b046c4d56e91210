"""Comparing two editions on real facts: the rules that changed, and whose verdicts move."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.assess.organisations import OrganisationIds
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import load_facts
from govcheck.engine.packs.catalogue import load_catalogue
from govcheck.engine.packs.loading import RulePack, load_pack
from govcheck.engine.packs.pack_diff import PackDiff, VerdictChange, diff_packs, diff_verdicts


@dataclass(frozen=True)
class EditionComparison:
    before: RulePack
    after: RulePack
    changes: PackDiff
    # Each facts file assessed under the newer edition, with the findings whose status differs.
    verdicts: tuple[tuple[Assessment, tuple[VerdictChange, ...]], ...]
    # Facts files that could not be read: each is reported and the others compared.
    broken: tuple[InputError, ...] = ()


def compare_editions(
    old: str | Path, new: str | Path, facts: Iterable[str | Path] = (), as_of: dt.date | None = None
) -> EditionComparison:
    """Rules added, retired and changed from ``old`` to ``new``; and for each facts file, the
    verdicts that differ when it is assessed under both (at ``as_of``, or at its own date)."""
    before, after = load_pack(old), load_pack(new)
    changes = diff_packs(before, after, after.catalogue or load_catalogue())
    verdicts: list[tuple[Assessment, tuple[VerdictChange, ...]]] = []
    broken: list[InputError] = []
    context = Context(as_of)
    ids = OrganisationIds()
    for path in facts:
        try:
            facts_file = load_facts(path)
        except InputError as error:
            broken.append(error)
            continue
        clash = ids.claim(facts_file.facts.organisation.id, facts_file.path, facts_file.source)
        if clash is not None:
            broken.append(clash)
            continue
        then, now = evaluate(before, facts_file, context), evaluate(after, facts_file, context)
        verdicts.append((now, diff_verdicts(then, now)))
    return EditionComparison(before, after, changes, tuple(verdicts), tuple(broken))
