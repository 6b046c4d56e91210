"""Which files the server checks: facts files, not every YAML file an editor opens."""

from __future__ import annotations

import pytest

from govcheck.lsp.diagnostics import diagnostics
from govcheck.lsp.documents import Checker, looks_like_facts
from tests.support.facts import REPO


@pytest.mark.parametrize(
    ("text", "is_facts"),
    [
        ("format_version: 2\nas_of: 2020-03-31\n", True),
        ("bodies:\n  - id: board\n", True),  # a facts file begun in the middle
        ("", True),  # a new file: what it needs is said
        ("# to be filled in\n", True),
        ("name: CI\non: [push]\njobs: {}\n", False),  # a CI workflow
        ("- id: board.quorum-set\n  check: {present: bodies}\n", False),  # a rule file
        ("waivers:\n  - rule: x\n", False),
    ],
)
def test_facts_files_are_told_from_other_yaml(text: str, is_facts: bool) -> None:
    assert looks_like_facts(text) is is_facts


def test_every_bundled_facts_file_and_no_rule_file_looks_like_facts() -> None:
    assert all(looks_like_facts(p.read_text(encoding="utf-8")) for p in (REPO / "frameworks").glob("*.yaml"))
    assert not any(looks_like_facts(p.read_text(encoding="utf-8")) for p in (REPO / "rules").rglob("*.yaml"))


def test_other_yaml_gets_no_diagnostics() -> None:
    checked = Checker().check("file:///ci.yaml", "name: CI\non: [push]\njobs: {oops\n", 1, "/repo/.github/ci.yaml")
    assert not checked.is_facts
    assert diagnostics(checked) == []


def test_only_globs_choose_the_files_whatever_they_hold() -> None:
    checker = Checker(only=("frameworks/*.yaml",))
    assert checker.wants("/repo/frameworks/my-lep.yaml", "- a list\n")
    assert not checker.wants("/repo/elsewhere/my-lep.yaml", "format_version: 2\n")
