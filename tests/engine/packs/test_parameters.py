"""Pack parameters: a value set once in pack.yaml, named by rules, and set otherwise by a pack extending it."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.packs.loading import RulePack, load_pack

BASE = """\
id: base
title: Base
edition: test
publisher: test
published_on: 2019-01-01
in_force: {from: 2019-01-01}
topics: {diversity: Diversity}
parameters:
  one-third-women-from:
    value: 2020-04-01
    description: PAC19 para 15
"""
RULE = """\
- id: diversity.one-third
  title: One third women
  topic: diversity
  requirements: [DIV-01]
  basis: V
  severity: high
  obligation: must
  cite: {document: SLEP}
  applies_when: {date_reached: {date: {parameter: %s}}}
  check: {share: {of: board_members, where: {person.gender: woman}, at_least: 1/3}}
  remediation: Appoint women.
"""
CHILD = """\
id: child
title: Child
edition: test
publisher: test
published_on: 2019-01-01
in_force: {from: 2019-01-01}
extends: base
parameters:
  one-third-women-from:
    value: 2020-03-31
    description: Leeds City Region LEP's compliance deadline
"""


def write(root: Path, name: str, pack_yaml: str, rules: str | None = None) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "pack.yaml").write_text(textwrap.dedent(pack_yaml))
    if rules is not None:
        (folder / "rules.yaml").write_text(rules)
    return folder


def binds_from(pack: RulePack, rule_id: str) -> object:
    applies = pack.rule(rule_id).spec.applies_when
    assert applies is not None
    return applies["date_reached"]["date"]


def test_a_rule_reads_the_value_its_pack_sets(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, "base", BASE, RULE % "one-third-women-from"))
    assert binds_from(pack, "diversity.one-third") == dt.date(2020, 4, 1)
    assert pack.parameters["one-third-women-from"].value == dt.date(2020, 4, 1)


def test_a_pack_extending_another_sets_the_value_for_the_rules_it_inherits(tmp_path: Path) -> None:
    write(tmp_path, "base", BASE, RULE % "one-third-women-from")
    child = load_pack(write(tmp_path, "child", CHILD))
    assert binds_from(child, "diversity.one-third") == dt.date(2020, 3, 31)
    # The pack extended is unchanged when loaded on its own.
    assert binds_from(load_pack(tmp_path / "base"), "diversity.one-third") == dt.date(2020, 4, 1)


def test_an_unknown_parameter_is_a_load_error_naming_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_pack(write(tmp_path, "base", BASE, RULE % "one-third-woman-from"))
    (problem,) = caught.value.problems
    assert "unknown parameter 'one-third-woman-from'" in str(problem)
    assert "one-third-women-from" in str(problem)
    assert problem.line == 9


def test_the_bundled_dates_are_set_once_in_the_pack(packs: dict[str, RulePack]) -> None:
    naf2019 = packs["naf-2019"]
    women = naf2019.parameters["one-third-women-from"].value
    assert binds_from(naf2019, "diversity.one-third-women-from-april-2020") == women == dt.date(2020, 4, 1)
    guidance = naf2019.parameters["best-practice-guidance-from"].value
    for rule_id in (
        "transparency.papers-5-clear-working-days-before",
        "transparency.draft-minutes-within-10-clear-working-days",
        "transparency.final-minutes-within-10-clear-working-days-of-approval",
    ):
        assert binds_from(packs["naf-2016"], rule_id) == guidance
