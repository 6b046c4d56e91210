"""Acceptance from real public records: govcheck's verdicts against those a reader of the sources reaches.

Each case under ``real_records/`` is a folder holding facts files written only from public
sources (every fact citing its page and a passage copied from it) and ``CASE.expected.yaml``:
the sources, and for each facts file the verdicts a reader of those sources reaches, written
from the sources and the rules' texts before govcheck was run (see ``real_records/README.md``).

A verdict the reader and govcheck disagree on, where the reader is right, stays as the reader
wrote it and is marked ``known_disagreement`` with what govcheck says (``govcheck_says``): the
test then holds govcheck to that wrong answer, so a fix shows up as a failing test whose
expectation can at last be made plain.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import Status
from govcheck.engine.packs.editions import pack_specs

RECORDS = Path(__file__).resolve().parent / "real_records"
EXPECTED = "*.expected.yaml"
# A verdict that the rule is not in the edition assessed (a requirement not yet made, or retired).
NOT_IN_PACK = "not_in_pack"
STATUSES = frozenset({status.value for status in Status} | {NOT_IN_PACK})
CASE_KEYS = frozenset({"case", "title", "sources", "notes", "common", "assessments"})
ASSESSMENT_KEYS = frozenset({"facts", "in_force", "verdicts"})
VERDICT_KEYS = frozenset({"rule", "status", "because", "pack", "reason", "known_disagreement", "govcheck_says"})


@dataclass(frozen=True)
class Verdict:
    """One verdict a reader of the sources reached, on one rule, for one facts file."""

    case: str
    facts: Path
    rule: str
    status: str
    because: str
    pack: str | None = None  # None: the edition in force on the facts' as_of
    reason: str | None = None  # words govcheck's reason (or one item's) must contain
    known_disagreement: str | None = None  # why govcheck is wrong here
    govcheck_says: str | None = None  # what it says meanwhile

    @property
    def id(self) -> str:
        return f"{self.case}/{self.facts.stem}/{self.rule}" + (f"@{self.pack}" if self.pack else "")


def case_files() -> list[Path]:
    return sorted(RECORDS.glob(f"*/{EXPECTED}"))


def read_case(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        case: dict[str, Any] = yaml.safe_load(stream)
    return case


def verdicts() -> Iterator[Verdict]:
    for path in case_files():
        case = read_case(path)
        for assessment in case["assessments"]:
            for verdict in assessment["verdicts"]:
                yield Verdict(case["case"], path.parent / assessment["facts"], **verdict)


def assessments() -> Iterator[tuple[str, Path, str]]:
    """Each facts file with the edition the case says is in force on its date."""
    for path in case_files():
        case = read_case(path)
        for assessment in case["assessments"]:
            if "in_force" in assessment:
                yield case["case"], path.parent / assessment["facts"], assessment["in_force"]


@functools.cache
def assessor(pack: str | None) -> Assessor:
    return Assessor(pack=pack)


@functools.cache
def assessed(facts: Path, pack: str | None) -> Assessment:
    return assessor(pack).assess(facts)


def finding_for(assessment: Assessment, rule: str) -> Finding | None:
    return next((finding for finding in assessment.findings if finding.rule_id == rule), None)


def said(finding: Finding) -> str:
    return f"{finding.status.value}: {finding.reason}"


@pytest.mark.parametrize("verdict", [pytest.param(v, id=v.id) for v in verdicts()])
def test_govcheck_reaches_the_readers_verdict(verdict: Verdict) -> None:
    assessment = assessed(verdict.facts, verdict.pack)
    finding = finding_for(assessment, verdict.rule)
    if verdict.status == NOT_IN_PACK:
        assert finding is None, f"{verdict.rule} is in {assessment.pack.id}; the reader expected it not to be"
        return
    assert finding is not None, f"{verdict.rule} is not a rule of {assessment.pack.id}"
    if verdict.known_disagreement:
        assert finding.status.value == verdict.govcheck_says, (
            f"govcheck now says {said(finding)}; it used to say {verdict.govcheck_says}, and the source says "
            f"{verdict.status} ({verdict.because}). If govcheck now agrees with the source, remove "
            "known_disagreement and govcheck_says from the expectation."
        )
        return
    assert finding.status.value == verdict.status, (
        f"govcheck says {said(finding)}; the source says {verdict.status}: {verdict.because}"
    )
    if verdict.reason is not None:
        reasons = [finding.reason, *(item.reason for item in finding.items)]
        assert any(verdict.reason in reason for reason in reasons), (
            f"expected {verdict.reason!r} in govcheck's reasons: {reasons}"
        )


@pytest.mark.parametrize(("facts", "edition"), [pytest.param(f, e, id=f"{c}/{f.stem}") for c, f, e in assessments()])
def test_the_edition_in_force_is_the_one_the_case_names(facts: Path, edition: str) -> None:
    assert assessed(facts, None).pack.id == edition


@pytest.mark.parametrize("path", case_files(), ids=[path.parent.name for path in case_files()])
def test_expectations_are_well_formed(path: Path) -> None:
    case = read_case(path)
    assert set(case) <= CASE_KEYS, f"unknown keys: {set(case) - CASE_KEYS}"
    assert case["case"] == path.parent.name == path.name.removesuffix(".expected.yaml")
    assert case["sources"], "a case names its sources"
    assert all(source.get("url") for source in case["sources"]), "every source has its address"
    named = [assessment["facts"] for assessment in case["assessments"]]
    on_disk = sorted(p.name for p in path.parent.glob("*.yaml") if not p.name.endswith(".expected.yaml"))
    assert sorted(named) == on_disk, "every facts file of the case is assessed once, and every one named exists"
    packs = set(pack_specs())
    for assessment in case["assessments"]:
        assert set(assessment) <= ASSESSMENT_KEYS, f"unknown keys: {set(assessment) - ASSESSMENT_KEYS}"
        assert assessment.get("in_force", "naf-2019") in packs
        seen: set[tuple[str, str | None]] = set()
        for verdict in assessment["verdicts"]:
            where = f"{assessment['facts']}: {verdict.get('rule')}"
            assert set(verdict) <= VERDICT_KEYS, f"{where}: unknown keys {set(verdict) - VERDICT_KEYS}"
            assert verdict["status"] in STATUSES, f"{where}: unknown status {verdict['status']!r}"
            assert verdict.get("pack", "naf-2019") in packs, f"{where}: unknown pack"
            assert isinstance(verdict.get("because"), str), f"{where}: no because"
            assert verdict["because"].strip(), f"{where}: an empty because"
            key = (verdict["rule"], verdict.get("pack"))
            assert key not in seen, f"{where}: listed twice"
            seen.add(key)
            if "known_disagreement" in verdict or "govcheck_says" in verdict:
                assert verdict.get("known_disagreement"), f"{where}: govcheck_says without known_disagreement"
                assert verdict.get("govcheck_says") in STATUSES - {NOT_IN_PACK}, f"{where}: govcheck_says"
                assert verdict["govcheck_says"] != verdict["status"], f"{where}: not a disagreement"
                assert "reason" not in verdict, f"{where}: a reason is checked only where govcheck agrees"


def evidence_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every ``evidence`` mapping anywhere in a facts file's data."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "evidence" and isinstance(inner, dict):
                yield inner
            else:
                yield from evidence_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from evidence_in(inner)


@pytest.mark.parametrize("path", case_files(), ids=[path.parent.name for path in case_files()])
def test_every_fact_cites_a_source_of_the_case_and_a_passage(path: Path) -> None:
    case = read_case(path)
    sources = {source["url"] for source in case["sources"]}
    cited: set[str] = set()
    for assessment in case["assessments"]:
        facts_path = path.parent / assessment["facts"]
        with facts_path.open(encoding="utf-8") as stream:
            facts = yaml.safe_load(stream)
        assert facts["format_version"] == 2
        found = list(evidence_in(facts))
        assert found, f"{facts_path.name} cites nothing"
        for evidence in found:
            assert evidence.get("url") in sources, f"{facts_path.name}: {evidence.get('url')} is not a case source"
            assert evidence.get("note"), f"{facts_path.name}: evidence from {evidence['url']} quotes no passage"
            cited.add(evidence["url"])
    assert sources <= cited, f"sources no fact cites: {sorted(sources - cited)}"
