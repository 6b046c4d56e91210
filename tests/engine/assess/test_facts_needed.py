"""A finding that lacks evidence names the facts keys it needed, with YAML that writes them.

The keys come from the outcome of the rule's check tree (which facts paths were absent or
not known), never from words written per rule; the YAML is checked against the facts model.
"""

from __future__ import annotations

import re
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.paths import field_named, is_model, strip
from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import Status
from govcheck.engine.facts.model import Facts
from tests.support.facts import REPO, facts_from

LEPS = [
    Path("tests/fixtures/empty-lep.yaml"),
    *sorted(p.relative_to(REPO) for p in (REPO / "frameworks").glob("*.yaml")),
]

# What a real value looks like for each placeholder a snippet writes.
REAL_VALUES = {
    "YYYY-MM-DD": "2020-01-15",
    "YYYY-YY": "2019-20",
    "true|false": True,
    "<number>": 2020,
    "<web address>": "https://example.org",
}


@cache
def assessed(path: Path) -> Assessment:
    return Assessor().assess(REPO / path)


def lacking(path: Path) -> list[Finding]:
    return [f for f in assessed(path).findings if f.status is Status.MISSING_EVIDENCE]


def _narrow(annotation: Any) -> Any:
    """A union of a model (or list) and words (a document or ``not found``) is the model."""
    current = strip(annotation)
    if typing.get_origin(current) in (typing.Union, types.UnionType):
        structured = [a for a in typing.get_args(current) if is_model(strip(a)) or typing.get_origin(a) is list]
        if len(structured) == 1:
            return strip(structured[0])
    return current


def unknown_keys(value: Any, annotation: Any, at: str = "") -> list[str]:
    """Keys of ``value`` the facts model has no place for, as dotted paths."""
    current = _narrow(annotation)
    found: list[str] = []
    if isinstance(value, list):
        assert typing.get_origin(current) is list, f"{at} is not a list in the facts model"
        for element in value:
            found += unknown_keys(element, typing.get_args(current)[0], f"{at}[]")
    elif isinstance(value, dict):
        if typing.get_origin(current) is dict:  # keyed by subject or rule: any key, values checked
            for key, below in value.items():
                found += unknown_keys(below, typing.get_args(current)[1], f"{at}.{key}")
            return found
        assert is_model(current), f"{at} is not a mapping in the facts model"
        for key, below in value.items():
            field = field_named(current, key)
            if field is None:
                found.append(f"{at}.{key}".lstrip("."))
            else:
                found += unknown_keys(below, field.annotation, f"{at}.{key}".lstrip("."))
    return found


def filled(value: Any) -> Any:
    """The snippet with a real value in place of each placeholder."""
    if isinstance(value, dict):
        return {key: filled(below) for key, below in value.items()}
    if isinstance(value, list):
        return [filled(element) for element in value]
    if isinstance(value, str) and value in REAL_VALUES:
        return REAL_VALUES[value]
    if isinstance(value, str) and "|" in value:
        return value.split("|")[0]  # one of the words allowed
    if isinstance(value, str) and value.startswith("<"):
        return "board"  # text: also a body's id, which the roles written below name
    return value


def keys_in(value: Any, at: str = "") -> set[str]:
    """Every key a parsed snippet writes, as a facts key (``people[].roles[].body``)."""
    found: set[str] = {at} if at else set()
    if isinstance(value, dict):
        for key, below in value.items():
            found |= keys_in(below, f"{at}.{key}" if at else str(key))
    elif isinstance(value, list):
        for element in value:
            found |= keys_in(element, f"{at}[]")
    return found


@pytest.mark.parametrize("path", LEPS, ids=str)
def test_every_missing_evidence_finding_names_the_keys_it_needs(path: Path) -> None:
    for finding in lacking(path):
        assert finding.facts_needed is not None, f"{finding.rule_id} names no facts it needs"
        assert finding.facts_needed.keys, finding.rule_id
        written = keys_in(yaml.safe_load(finding.facts_needed.snippet))
        assert set(finding.facts_needed.keys) <= written, f"{finding.rule_id}: keys missing from the snippet"


@pytest.mark.parametrize("path", LEPS, ids=str)
def test_every_snippet_is_yaml_whose_keys_the_facts_model_has(path: Path) -> None:
    for finding in lacking(path):
        assert finding.facts_needed is not None
        parsed = yaml.safe_load(finding.facts_needed.snippet)
        assert isinstance(parsed, dict), finding.rule_id
        assert unknown_keys(parsed, Facts) == [], finding.rule_id


@pytest.mark.parametrize("path", LEPS, ids=str)
def test_every_snippet_with_real_values_is_valid_facts(path: Path) -> None:
    for finding in lacking(path):
        assert finding.facts_needed is not None
        data = filled(yaml.safe_load(finding.facts_needed.snippet))
        # Merged into a facts file, which names its organisation already.
        data["organisation"] = {"id": "test-lep", "name": "Test LEP", **data.get("organisation", {})}
        Facts.model_validate({"format_version": 2, "as_of": "2020-03-31", **data})


def test_twelve_councillors_without_the_flag_are_told_the_key_to_write() -> None:
    people = "\n".join(
        f"  - {{id: p{n}, name: Member {n}, sector: public, roles: [{{body: board, role: member}}]}}" for n in range(12)
    )
    facts = facts_from(f"as_of: 2020-03-31\nbodies: [{{id: board, name: The Board, kind: board}}]\npeople:\n{people}\n")
    finding = next(f for f in Assessor().assess_file(facts).findings if f.rule_id == "board.local-authority-members")
    assert finding.status is Status.MISSING_EVIDENCE
    assert finding.facts_needed is not None
    assert finding.facts_needed.keys == ("people[].is_local_authority_member",)
    snippet = yaml.safe_load(finding.facts_needed.snippet)
    assert snippet["people"][0]["is_local_authority_member"] == "true|false"
    assert snippet["people"][0]["id"] == "<id>"  # which person: the entries the finding lists


def test_a_document_not_recorded_needs_its_address_or_date_of_publication() -> None:
    finding = next(f for f in lacking(LEPS[0]) if f.rule_id == "assurance-framework.published")
    assert finding.facts_needed is not None
    assert finding.facts_needed.keys == ("assurance_framework.url", "assurance_framework.published_on")
    assert finding.facts_needed.snippet == ("assurance_framework:\n  url: <web address>\n  published_on: YYYY-MM-DD\n")


def test_a_snippet_pasted_without_real_values_is_refused_when_the_facts_load() -> None:
    finding = next(f for f in lacking(LEPS[0]) if f.rule_id == "assurance-framework.published")
    assert finding.facts_needed is not None
    with pytest.raises(InputError, match=re.escape("YYYY-MM-DD")):
        facts_from("as_of: 2020-03-31\n" + finding.facts_needed.snippet)


def test_the_empty_lep_lacks_evidence_for_nearly_every_rule() -> None:
    # The scenarios above are not vacuous: a LEP that has recorded nothing lacks the evidence for most rules.
    assert len(lacking(LEPS[0])) > 100


def test_findings_that_are_decided_need_nothing_written() -> None:
    for path in LEPS:
        for finding in assessed(path).findings:
            if finding.status in (Status.MET, Status.NOT_MET, Status.NOT_APPLICABLE):
                assert finding.facts_needed is None, finding.rule_id


def test_a_key_lacking_in_one_entry_names_that_entry() -> None:
    finding = next(
        f
        for f in lacking(Path("frameworks/typical-gaps-lep.yaml"))
        if f.rule_id == "quorum.set-for-every-decision-body"
    )
    assert finding.facts_needed is not None
    assert finding.facts_needed.snippet == (
        "bodies:\n"
        "  - id: capital-subgroup\n"
        '    name: "Capital Programme Sub-Group"\n'
        "    kind: sub-group\n"
        "    quorum:\n"
        "      minimum_present: <number>\n"
    )
