"""Every requirement of the catalogue is encoded by a rule of the 2019 pack, or listed as not encoded with a reason."""

from __future__ import annotations

import re

import pytest

from govcheck.engine.rules import RulePack
from tests.conftest import REPO

ROW = re.compile(r"^\| ([A-Z]{3}-\d{2}) \|")
CANDIDATES = [base / "shared" / "requirements" / "naf-catalogue.md" for base in (REPO.parent, REPO.parent.parent)]


def _catalogue_ids() -> set[str]:
    for path in CANDIDATES:
        if path.is_file():
            return {m.group(1) for line in path.read_text(encoding="utf-8").splitlines() if (m := ROW.match(line))}
    pytest.skip("the requirements catalogue (shared/requirements/naf-catalogue.md) is not beside the repository")


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
