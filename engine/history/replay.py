"""Replaying a saved result: the same edition and date again, and whether the verdicts are the same.

A verdict is a rule's status, its reason and the status of each of its items; line
numbers are not verdicts. When verdicts differ, the manifest says why: which facts,
rule or waiver file changed since, or which govcheck version wrote the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govcheck import __version__
from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.assess.manifest import changed_inputs
from govcheck.engine.assess.waivers import load_waivers
from govcheck.engine.core.days import FIRST_DAY, LAST_DAY, RANGE_WORDS
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment, Finding


@dataclass(frozen=True)
class Replay:
    identical: bool
    differences: tuple[str, ...]  # verdicts that differ, one sentence each
    changed_inputs: tuple[str, ...]  # inputs that differ, one sentence each
    version_then: str
    file: str = ""  # the saved result replayed
    dates: tuple[dt.date, ...] = ()  # the dates it was assessed at
    lep_count: int = 0  # how many LEPs the re-run assessed


def verdict(finding: Finding) -> tuple[object, ...]:
    return (
        finding.status,
        finding.reason,
        tuple((item.label, item.status, item.reason) for item in finding.items),
    )


def compare(old: Sequence[Assessment], new: Sequence[Assessment], version_then: str) -> Replay:
    """Compare the assessments of a saved result with those of its re-run, LEP by LEP and rule by rule."""
    differences: list[str] = []
    changes: list[str] = []
    now_by_key = {(a.organisation_id, a.facts_file): a for a in new}
    for before in old:
        after = now_by_key.get((before.organisation_id, before.facts_file))
        if after is None:
            differences.append(f"{before.organisation_id}: not assessed by the re-run")
            continue
        findings_now = {f.rule_id: f for f in after.findings}
        for finding in before.findings:
            current = findings_now.pop(finding.rule_id, None)
            if current is None:
                differences.append(f"{before.organisation_id} {finding.rule_id}: no longer a rule of the pack")
            elif verdict(current) != verdict(finding):
                differences.append(
                    f"{before.organisation_id} {finding.rule_id}: was {finding.status.value} "
                    f"({finding.reason}), now {current.status.value} ({current.reason})"
                )
        differences += [f"{before.organisation_id} {rule_id}: a new rule" for rule_id in findings_now]
        changes += [c for c in changed_inputs(before.inputs, after.inputs) if c not in changes]
        if not before.inputs and before.facts_sha256 != after.facts_sha256:
            changes.append(f"facts file {before.facts_file} changed")
    if version_then != __version__:
        changes.append(f"the result was written by govcheck {version_then}; this is govcheck {__version__}")
    return Replay(not differences, tuple(differences), tuple(changes), version_then)


def replay(saved: Sequence[Assessment], version_then: str, file: str = "") -> tuple[Replay, list[Assessment]]:
    """Re-run the assessments of a saved result with their own editions, dates and waiver file, and
    compare: the comparison, and the assessments of the re-run."""
    for before in saved:  # a saved result is an input too: its dates are held to the range facts are
        if not FIRST_DAY <= before.as_of <= LAST_DAY:
            raise InputError.single(
                file or before.facts_file,
                f"assesses {before.organisation_id} at {before.as_of}, outside the dates govcheck works with "
                f"({RANGE_WORDS})",
                hint="replay a result govcheck saved, or correct its as_of",
            )
    waiver_files = sorted({i.path for a in saved for i in a.inputs if i.role == "waivers"})
    waivers = load_waivers(waiver_files[0]) if waiver_files else None
    assessors: dict[tuple[str, dt.date], Assessor] = {}
    assessments = []
    for before in saved:
        pack = before.pack.source or before.pack.id
        key = (pack, before.as_of)
        if key not in assessors:
            assessors[key] = Assessor(pack, before.as_of, waivers)
        assessments.append(assessors[key].assess(before.facts_file))
    outcome = compare(saved, assessments, version_then)
    dates = tuple(sorted({a.as_of for a in saved}))
    return replace(outcome, file=file, dates=dates, lep_count=len(assessments)), assessments
