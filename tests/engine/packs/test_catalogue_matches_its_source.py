"""Every requirement of the catalogue is encoded by a rule of the 2019 pack, or listed as not encoded with a reason."""

from __future__ import annotations

import re

import pytest

from govcheck.engine.packs.catalogue import load_catalogue
from govcheck.engine.packs.loading import RulePack
from tests.support.facts import REPO

ROW = re.compile(r"^\| ([A-Z]{3}-\d{2}) \|")
# The catalogue's source document, where a checkout has it beside the repository.
SOURCES = [base / "shared" / "requirements" / "naf-catalogue.md" for base in (REPO.parent, REPO.parent.parent)]


def _catalogue_ids() -> set[str]:
    """The ids of the catalogue govcheck ships (rules/catalogue.yaml)."""
    return set(load_catalogue().ids)


def _ids_from_the_notes() -> set[str]:
    """The ids of the shipped catalogue that are rows of its source notes (entries added since say their origin)."""
    return {requirement.id for requirement in load_catalogue() if requirement.origin is None}


def test_the_shipped_catalogue_has_every_id_of_its_source_document() -> None:
    source = next((path for path in SOURCES if path.is_file()), None)
    if source is None:
        pytest.skip("the source document shared/requirements/naf-catalogue.md is not beside the repository")
    ids = {m.group(1) for line in source.read_text(encoding="utf-8").splitlines() if (m := ROW.match(line))}
    assert ids == _ids_from_the_notes()


def _cited(pack: RulePack) -> set[str]:
    return {requirement for rule in pack.rules for requirement in rule.spec.requirements}


def test_every_catalogue_requirement_is_encoded_or_explained(naf2019: RulePack) -> None:
    catalogue = _catalogue_ids()
    explained = set(naf2019.spec.not_encoded)
    assert sorted(catalogue - _cited(naf2019) - explained) == []


def test_rules_cite_only_catalogue_requirements(naf2019: RulePack) -> None:
    catalogue = _catalogue_ids()
    assert sorted(_cited(naf2019) - catalogue) == []
    assert sorted(set(naf2019.spec.not_encoded) - catalogue) == []


def test_a_requirement_left_out_is_not_also_encoded(naf2019: RulePack) -> None:
    assert sorted(set(naf2019.spec.not_encoded) & _cited(naf2019)) == []
    assert all(reason.strip() for reason in naf2019.spec.not_encoded.values())
