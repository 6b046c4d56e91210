"""Bad facts and bad rules fail at load time with file, line, column and what was meant."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import load_facts, parse_facts
from govcheck.engine.packs.loading import load_pack


def problems_of(text: str, name: str = "lep.yaml") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_facts(textwrap.dedent(text), name)
    return [str(problem) for problem in caught.value.problems]


BASE = """\
format_version: 2
as_of: 2020-03-31
organisation: {id: x-lep, name: X LEP}
"""


def test_misspelt_key_names_file_line_column_and_the_key_meant() -> None:
    text = BASE + "people:\n  - id: ab\n    nmae: A. Brown\n"
    found = problems_of(text)
    assert "lep.yaml:6:5: unknown key 'nmae' in people[0] (did you mean 'name'?)" in found
    assert any("missing required key 'name' in people[0]" in p for p in found)


def test_unknown_top_level_key_suggests_the_section() -> None:
    assert problems_of(BASE + "polices: {}\n") == ["lep.yaml:4:1: unknown key 'polices' (did you mean 'policies'?)"]


def test_wrong_enumeration_value_is_located() -> None:
    text = BASE + "people:\n  - {id: ab, name: A. Brown, sector: privte}\n"
    (problem,) = problems_of(text)
    assert problem.startswith("lep.yaml:5:")
    assert "people[0].sector" in problem
    assert "'private'" in problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20/06/2019", "write dates as YYYY-MM-DD"),
        ("June 2019", "write dates as YYYY-MM-DD"),
        ("2019-02-30", "not a real date"),
    ],
)
def test_dates_in_other_forms_say_the_form_to_use(value: str, expected: str) -> None:
    text = BASE.replace("as_of: 2020-03-31", f"as_of: {value}")
    (problem,) = problems_of(text)
    assert problem.startswith("lep.yaml:2:")
    assert expected in problem


def test_duplicate_keys_are_errors_not_silently_dropped() -> None:
    (problem,) = problems_of(BASE + "as_of: 2021-03-31\n")
    assert "duplicate key 'as_of' (first at line 2)" in problem
    assert problem.startswith("lep.yaml:4:")


def test_yes_and_no_stay_text() -> None:
    facts = parse_facts(BASE + "people:\n  - {id: no, name: No}\n", "lep.yaml").facts
    assert facts.people[0].name == "No"
    assert facts.people[0].id == "no"


def test_references_to_unknown_bodies_and_people() -> None:
    text = BASE + textwrap.dedent("""\
        bodies: [{id: board, name: Board, kind: board}]
        people: [{id: ab, name: A. Brown, roles: [{body: bord}]}]
        meetings: [{id: m1, body: board, held_on: 2019-06-20, attendance: [ab, zz]}]
        """)
    found = problems_of(text)
    assert any("people[0].roles[0].body names unknown body 'bord' (did you mean 'board'?)" in p for p in found)
    assert any("meetings[0].attendance[1] names unknown person 'zz'" in p for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("- a\n- b\n", "holds a list, but a mapping of keys is expected"),
        ("a: [1, 2\n", "YAML syntax error"),
        ("a:\n\tb: 1\n", "indent with spaces"),
    ],
)
def test_unusable_yaml(text: str, expected: str) -> None:
    (problem,) = problems_of(text)
    assert expected in problem


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_facts(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_facts(tmp_path)


def write_pack(tmp_path: Path, rules_yaml: str) -> Path:
    pack = tmp_path / "test-pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        textwrap.dedent("""\
        id: test-pack
        title: Test
        edition: test
        publisher: test
        published_on: 2019-01-01
        in_force: {from: 2019-01-01}
        topics: {registers-of-interest: Registers}
        """)
    )
    (pack / "rules.yaml").write_text(textwrap.dedent(rules_yaml))
    return pack


RULE = """\
- id: registers.test
  title: A test rule
  topic: registers-of-interest
  requirements: [ROI-01]
  basis: V
  severity: high
  obligation: must
  cite: {document: NAF19}
  remediation: Do it.
  check:
"""


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (
            "    each: board_members\n    present: {path: person.register_of_interests.publishd_on}\n",
            "rules.yaml:12:21: path 'person.register_of_interests.publishd_on': 'person.register_of_interests' "
            "has no field 'publishd_on'; did you mean 'published_on'?",
        ),
        (
            "    each: board_membres\n    present: {path: person.name}\n",
            "rules.yaml:11:11: unknown view 'board_membres'; did you mean 'board_members'?",
        ),
        ("    presnt: {path: as_of}\n", "rules.yaml:11:13: unknown check kind 'presnt'; did you mean 'present'?"),
        ("    present: {path: as_of, wat: x}\n", "present: unknown parameter 'wat'; did you mean 'what'?"),
        (
            "    each: meetings\n    deadline: {from: held_on, to: attendance, within: {days: 3}}\n",
            "path 'attendance' leads to list",
        ),
        (
            "    each: board_members\n    where: {person.sector: privte}\n    present: {path: person.name}\n",
            "where: person.sector: 'privte' can never match",
        ),
        ("    deadline: {from: meetings.held_on, to: as_of, within: {days: 3}}\n", "passes through a list"),
        (
            "    deadline: {from: as_of, to: as_of, within: {days: 3}, local: papers_days}\n",
            "unknown local commitment 'papers_days'",
        ),
    ],
)
def test_rule_mistakes_fail_at_load_time(tmp_path: Path, check: str, expected: str) -> None:
    pack = write_pack(tmp_path, RULE + check)
    with pytest.raises(InputError) as caught:
        load_pack(pack)
    assert any(expected in str(problem) for problem in caught.value.problems), caught.value


def test_duplicate_rule_ids_are_rejected(tmp_path: Path) -> None:
    body = RULE + "    present: {path: as_of}\n"
    pack = write_pack(tmp_path, body + body)
    with pytest.raises(InputError, match=r"duplicate rule id 'registers\.test'"):
        load_pack(pack)


def test_a_bad_example_is_a_load_error(tmp_path: Path) -> None:
    example = "    - {name: x, expect: met, facts: {as_of: 2020-01-01, polices: {}}}\n"
    body = RULE + "    present: {path: as_of}\n  examples:\n" + example
    with pytest.raises(InputError, match="unknown key 'polices'"):
        load_pack(write_pack(tmp_path, body))
