"""The requirements catalogue: its data, its model, and packs checked against it when they load."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.packs.catalogue import EDITIONS, load_catalogue
from govcheck.engine.packs.loading import load_pack
from tests.support.facts import REPO

CATALOGUE = load_catalogue(REPO / "rules" / "catalogue.yaml")

PACK_YAML = """\
id: test-pack
title: Test
edition: test
publisher: test
published_on: 2019-01-01
in_force: {from: 2019-01-01}
topics: {registers-of-interest: Registers}
"""
RULE = """\
- id: registers.test
  title: A test rule
  topic: registers-of-interest
  requirements: [{requirements}]
  basis: V
  severity: high
  obligation: must
  cite: {{document: NAF19}}
  remediation: Do it.
  check: {{present: {{path: as_of}}}}
"""


def write_pack(root: Path, pack_yaml: str = PACK_YAML, rules: str | None = None) -> Path:
    pack = root / "test-pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(textwrap.dedent(pack_yaml))
    if rules is not None:
        (pack / "rules.yaml").write_text(rules)
    return pack


def problems(pack: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_pack(pack)
    return [str(problem) for problem in caught.value.problems]


def test_the_catalogue_holds_its_124_requirements_and_those_added_since_once_each() -> None:
    assert len(CATALOGUE) == 129
    assert len(set(CATALOGUE.ids)) == 129
    # Added from research on what audits and reviews kept finding, each saying where it comes from.
    assert [r.id for r in CATALOGUE if r.origin] == ["ROI-09", "COI-06", "ACB-10", "ASR-01", "DEL-01"]
    assert len([r for r in CATALOGUE if not r.origin]) == 124
    prefixes = {requirement_id[:3] for requirement_id in CATALOGUE.ids}
    assert {"LAF", "GOV", "BRD", "TRN", "ROI", "SUC", "QUO", "IND", "ENG"} <= prefixes


def test_every_requirement_belongs_to_known_editions_and_says_how_sure_it_is() -> None:
    for requirement in CATALOGUE:
        assert set(requirement.versions) <= set(EDITIONS), requirement.id
        assert requirement.level.startswith(("MUST", "SHOULD")), requirement.id
        assert requirement.confidence in ("V", "C", "M"), requirement.id
        assert requirement.requirement.strip(), requirement.id


def test_versions_follow_the_catalogue_column() -> None:
    # "16+BPG,19,21" counts as 16; a range such as 14–21 lists every edition in it.
    assert CATALOGUE.get("TRN-01") is not None
    assert CATALOGUE.get("TRN-01").versions == (16, 19, 21)  # type: ignore[union-attr]
    assert CATALOGUE.get("TRN-01").versions_as_written == "16+BPG,19,21"  # type: ignore[union-attr]
    assert CATALOGUE.get("QUO-01").versions == (14, 16, 19, 21)  # type: ignore[union-attr]
    assert CATALOGUE.get("BRD-06").versions == (14, 16)  # type: ignore[union-attr]
    assert [r.id for r in CATALOGUE if not r.applies_in(19)] == ["BRD-06", "TRN-13"]


def test_the_installed_catalogue_is_the_repository_one() -> None:
    assert load_catalogue().ids == CATALOGUE.ids


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("  versions: [16, 17]\n", "unknown edition 17"),
        ("  versions: [19, 16]\n", "oldest first"),
        ("  confidence: X\n", "confidence"),
        ("  colour: red\n", "unknown key 'colour'"),
    ],
)
def test_a_bad_catalogue_entry_is_located(tmp_path: Path, entry: str, expected: str) -> None:
    base = {
        "id": "  - id: ROI-01\n",
        "section": "  section: Registers\n",
        "topic": "  topic: Register exists\n",
        "requirement": "  requirement: A register is published.\n",
        "source": "  source: NAF16\n",
        "level": "  level: MUST\n",
        "versions": "  versions: [16, 19, 21]\n",
        "confidence": "  confidence: V\n",
    }
    key = entry.split(":")[0].strip()
    if key in base:
        base[key] = entry
    else:
        base["extra"] = entry
    text = "".join(base.values()).replace("  - id", "- id", 1)
    path = tmp_path / "catalogue.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_catalogue(path)
    (problem,) = caught.value.problems
    assert expected in str(problem)
    assert problem.file == str(path)
    assert problem.line is not None


def test_duplicate_requirement_ids_are_refused(tmp_path: Path) -> None:
    entry = (
        "- {id: ROI-01, section: S, topic: T, requirement: R, source: S, level: MUST, versions: [19], confidence: V}"
    )
    entry += "\n"
    path = tmp_path / "catalogue.yaml"
    path.write_text(entry + entry)
    with pytest.raises(InputError, match="duplicate requirement id 'ROI-01' \\(first at line 1\\)"):
        load_catalogue(path)


def test_a_rule_citing_an_id_not_in_the_catalogue_fails_to_load_with_a_suggestion(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, rules=RULE.format(requirements="ROI-01, ROI-19"))
    (problem,) = problems(pack)
    assert problem.startswith(f"{pack / 'rules.yaml'}:4:")
    assert "'ROI-19' is not in the requirements catalogue; did you mean" in problem


def test_not_encoded_must_name_catalogue_ids(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, PACK_YAML + "not_encoded:\n  ROI-01: facts not modelled yet\n  GOV-33: typo\n")
    (problem,) = problems(pack)
    assert problem.startswith(f"{pack / 'pack.yaml'}:10:3: not_encoded: 'GOV-33' is not in the requirements catalogue")
    assert "did you mean 'GOV-03'?" in problem


def test_a_packs_folder_may_bring_its_own_catalogue(tmp_path: Path) -> None:
    (tmp_path / "catalogue.yaml").write_text(
        "- {id: ZZZ-01, section: S, topic: T, requirement: R, source: S, level: MUST, versions: [19], confidence: V}\n"
    )
    pack = write_pack(tmp_path, rules=RULE.format(requirements="ZZZ-01"))
    loaded = load_pack(pack)
    assert loaded.catalogue is not None
    assert loaded.catalogue.ids == ["ZZZ-01"]
    assert [rule.spec.requirements for rule in loaded.rules] == [["ZZZ-01"]]
    # ...and against that catalogue, an id of the bundled one is unknown.
    (pack / "rules.yaml").write_text(RULE.format(requirements="ROI-02"))
    assert any("'ROI-02' is not in the requirements catalogue" in p for p in problems(pack))
