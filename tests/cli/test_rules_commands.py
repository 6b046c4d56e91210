"""``govcheck rules show``, ``coverage`` and ``diff`` as a user runs them, on small packs written here."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.packs.editions import pack_specs


def requirement(rid: str, text: str, versions: str, confidence: str = "V") -> str:
    return (
        f"- {{id: {rid}, section: S, topic: T, requirement: {text}, source: BPG, level: MUST, "
        f"versions: [{versions}], confidence: {confidence}}}\n"
    )


CATALOGUE = (
    requirement("ROI-01", "Registers are published.", "16, 19, 21")
    + requirement("ROI-02", "New registers soon.", "16, 19, 21", "M")
    + requirement("WHB-01", "A policy is published.", "19, 21")
    + requirement("BRD-06", "Half from business.", "14, 16")
)
PACK = """\
id: {id}
title: Small Framework
edition: {edition}
publisher: Test
published_on: {published}
in_force: {{from: {published}}}
catalogue_version: {version}
topics: {{registers-of-interest: Registers, whistleblowing: Whistleblowing}}
"""
REGISTER_RULE = """\
- id: registers.published
  title: Every board member's register is published
  topic: registers-of-interest
  requirements: [ROI-01]
  basis: V
  severity: {severity}
  obligation: must
  cite: {{document: NAF19, para: "BPG ch.5"}}
  rationale: The public sees every interest.
  check:
    each: board_members
    present: {{path: person.register_of_interests.published_on, what: published register}}
  remediation: Publish the missing registers.
  examples:
    - name: published
      expect: met
      facts:
        as_of: 2020-03-31
        bodies: [{{id: board, name: Board, kind: board}}]
        people: [{{id: a, name: A. Ash, roles: [{{body: board}}], register_of_interests: {{published_on: 2019-05-20}}}}]
    - name: not published
      expect: missing_evidence
      facts:
        as_of: 2020-03-31
        bodies: [{{id: board, name: Board, kind: board}}]
        people: [{{id: a, name: A. Ash, roles: [{{body: board}}]}}]
"""
WHISTLE_RULE = """\
- id: whistleblowing.published
  title: The whistleblowing policy is published
  topic: whistleblowing
  requirements: [WHB-01]
  basis: V
  severity: high
  obligation: must
  cite: {document: NAF19}
  check: {present: {path: policies.whistleblowing.url}}
  remediation: Publish it.
  examples:
    - {name: published, expect: met, facts: {as_of: 2020-03-31, policies: {whistleblowing: {url: "https://x.example"}}}}
    - {name: absent, expect: missing_evidence, facts: {as_of: 2020-03-31}}
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """Two editions of a small framework with their own catalogue: 'old' (2016) and 'new' (2019)."""
    (tmp_path / "catalogue.yaml").write_text(CATALOGUE)
    old = tmp_path / "old"
    old.mkdir()
    (old / "pack.yaml").write_text(PACK.format(id="old", edition="Old", published="2017-04-01", version=16))
    (old / "rules.yaml").write_text(REGISTER_RULE.format(severity="medium"))
    new = tmp_path / "new"
    new.mkdir()
    (new / "pack.yaml").write_text(
        PACK.format(id="new", edition="New", published="2019-04-01", version=19)
        + "not_encoded: {ROI-02: the facts do not record when entries were completed}\n"
    )
    (new / "rules.yaml").write_text(REGISTER_RULE.format(severity="high") + WHISTLE_RULE)
    return tmp_path


def test_show_prints_the_rule_its_citation_check_in_words_and_examples(packs: Path) -> None:
    code, out, _ = invoke("rules", "show", "registers.published", "--pack", str(packs / "new"))
    assert code == 0
    for expected in (
        "registers.published\nEvery board member's register is published\n",
        "Citation:    NAF19 BPG ch.5",
        "Basis:       V: verified in a public source",
        "ROI-01 (MUST, V): Registers are published.",
        "Why:\n  The public sees every interest.",
        "For each of the board members",
        "person.register_of_interests.published_on is recorded (published register)",
        "Remediation:\n  Publish the missing registers.",
        "  met               published\n  missing_evidence  not published\n",
    ):
        assert expected in out


def test_show_without_pack_finds_the_rule_in_the_latest_edition_that_has_it() -> None:
    specs = list(pack_specs())
    code, out, _ = invoke("rules", "show", "board.business-at-least-half")
    assert code == 0
    assert "Pack:        naf-2016" in out  # only the 2016 edition has it
    code, out, _ = invoke("rules", "show", "registers.published-within-28-days")
    assert code == 0
    assert f"Pack:        {specs[-1]}" in out
    assert "Editions:    naf-2016, naf-2019, naf-2021" in out


def test_show_an_unknown_rule_exits_2_with_the_nearest_id(packs: Path) -> None:
    code, out, err = invoke("rules", "show", "registers.publishd", "--pack", str(packs / "new"))
    assert code == 2
    assert out == ""
    assert "no rule 'registers.publishd' in new; did you mean 'registers.published'?" in err


def test_coverage_lists_each_requirement_of_the_edition_encoded_explained_or_not(packs: Path) -> None:
    code, out, _ = invoke("rules", "coverage", "--pack", str(packs / "new"))
    assert code == 0
    assert out.splitlines() == [
        "new (Small Framework, New), edition 19: 3 requirements, 2 encoded, 1 explained, 0 NOT COVERED",
        "  ROI-01  MUST    registers.published",
        "  ROI-02  MUST    not encoded: the facts do not record when entries were completed",
        "  WHB-01  MUST    whistleblowing.published",
    ]


def test_coverage_fails_on_a_requirement_neither_encoded_nor_explained(packs: Path) -> None:
    code, out, _ = invoke("rules", "coverage", "--pack", str(packs / "old"), "--format", "json")
    assert code == 1
    (result,) = json.loads(out)["packs"]
    assert result["catalogue_edition"] == 16
    assert result["complete"] is False
    assert result["counts"] == {"encoded": 1, "explained": 0, "not_covered": 2}
    assert [(r["id"], r["status"], r["rules"]) for r in result["requirements"]] == [
        ("ROI-01", "encoded", ["registers.published"]),
        ("ROI-02", "not_covered", []),
        ("BRD-06", "not_covered", []),
    ]


def test_coverage_names_a_rule_that_encodes_nothing_of_its_edition(packs: Path) -> None:
    # The 2016 edition extends the 2019 one but keeps the whistleblowing rule (a 2019 requirement).
    (packs / "old" / "pack.yaml").write_text(
        PACK.format(id="old", edition="Old", published="2017-04-01", version=16).replace(
            "topics: {registers-of-interest: Registers, whistleblowing: Whistleblowing}\n",
            "extends: new\nretire: [registers.published]\nnot_encoded: {ROI-01: x, ROI-02: y, BRD-06: z}\n",
        )
    )
    (packs / "old" / "rules.yaml").unlink()
    code, out, _ = invoke("rules", "coverage", "--pack", str(packs / "old"))
    assert code == 1
    assert "rule whistleblowing.published encodes no requirement of edition 16: retire it in old" in out


def test_coverage_runs_for_every_bundled_edition() -> None:
    code, out, _ = invoke("rules", "coverage", "--format", "json")
    assert code in (0, 1)
    results = json.loads(out)["packs"]
    assert [r["pack"] for r in results] == list(pack_specs())
    for result in results:
        assert result["complete"] == (result["counts"]["not_covered"] == 0 and not result["rules_outside_edition"])
        assert code == 0 or not all(r["complete"] for r in results)


def test_diff_lists_rules_added_retired_and_changed(packs: Path) -> None:
    code, out, _ = invoke("rules", "diff", str(packs / "old"), str(packs / "new"))
    assert code == 0
    assert out.splitlines() == [
        "old (Old) -> new (New)",
        "Requirements of edition 19 not in edition 16 (1): WHB-01",
        "Requirements of edition 16 not in edition 19 (1): BRD-06",
        "Rules added (1):",
        "  + whistleblowing.published",
        "Rules retired: none",
        "Rules changed (1):",
        "  ~ registers.published: severity",
    ]


def test_diff_with_facts_lists_the_verdicts_that_change(packs: Path, tmp_path: Path) -> None:
    facts = tmp_path / "lep.yaml"
    facts.write_text(
        textwrap.dedent("""\
            format_version: 2
            as_of: 2020-03-31
            organisation: {id: vale-lep, name: Vale LEP}
            bodies: [{id: board, name: Board, kind: board}]
            people: [{id: a, name: A. Ash, roles: [{body: board}], register_of_interests: {published_on: 2019-05-20}}]
            """)
    )
    code, out, _ = invoke("rules", "diff", str(packs / "old"), str(packs / "new"), str(facts), "--format", "json")
    assert code == 0
    (verdicts,) = json.loads(out)["verdicts"]
    assert verdicts["organisation"] == "vale-lep"
    assert [(c["rule_id"], c["old"], c["new"]) for c in verdicts["changes"]] == [
        ("whistleblowing.published", None, "missing_evidence")
    ]
    code, out, _ = invoke("rules", "diff", str(packs / "old"), str(packs / "new"), str(facts))
    assert "Verdicts that differ for Vale LEP" in out
    assert "  whistleblowing.published: not in old -> missing_evidence" in out


def test_diff_reports_a_broken_facts_file_and_exits_2(packs: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format_version: 2\nas_of: 2020-02-30\n")
    code, out, err = invoke("rules", "diff", str(packs / "old"), str(packs / "new"), str(broken))
    assert code == 2
    assert "is not a real date" in err
    assert "Rules added (1):" in out


def test_diff_of_bundled_editions_names_what_2019_dropped() -> None:
    code, out, _ = invoke("rules", "diff", "naf-2016", "naf-2019", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["requirements_dropped"] == ["BRD-06", "TRN-13"]
    assert "board.business-at-least-half" in result["rules_retired"]


def test_an_unknown_pack_exits_2(packs: Path) -> None:
    code, _, err = invoke("rules", "diff", "naf-2019", "naf-2091")
    assert code == 2
    assert "no such rule pack" in err


def test_list_names_the_edition_and_refuses_an_unknown_topic(packs: Path) -> None:
    code, out, _ = invoke("rules", "list", "--pack", str(packs / "new"), "--topic", "whistleblowing")
    assert code == 0
    assert out.splitlines()[-1] == "1 rules in new (New)"
    code, _, err = invoke("rules", "list", "--pack", str(packs / "new"), "--topic", "whistleblowng")
    assert code == 2
    assert "did you mean 'whistleblowing'?" in err


def test_rules_test_runs_a_pack_folder(packs: Path) -> None:
    code, out, _ = invoke("rules", "test", "--pack", str(packs / "new"))
    assert code == 0
    assert "new: 4 of 4 examples give their expected verdict; 2 of 2 rules have passing and failing examples" in out


def test_show_says_when_a_rule_applies(packs: Path) -> None:
    rules = packs / "new" / "rules.yaml"
    rules.write_text(
        rules.read_text().replace(
            "  check: {present: {path: policies.whistleblowing.url}}\n",
            "  applies_when: {is_true: {path: documents.induction_pack.is_in_place}}\n"
            "  check: {present: {path: policies.whistleblowing.url}}\n",
        )
    )
    code, out, _ = invoke("rules", "show", "whistleblowing.published", "--pack", str(packs / "new"))
    assert code == 0
    assert "Applies when:\n  documents.induction_pack.is_in_place is yes\n" in out
    assert "Check:\n  policies.whistleblowing.url is recorded\n" in out  # a path keeps its case
