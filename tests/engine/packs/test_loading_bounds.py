"""A rule file full of mistakes is refused in a screenful, with the comparisons for suggestions bounded."""

from __future__ import annotations

import string
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.core import suggest
from govcheck.engine.core.errors import MAX_PROBLEMS_SHOWN, InputError
from govcheck.engine.packs.loading import load_pack

RULES = 600
PACK = """\
id: big
title: A pack of many mistakes
edition: test
publisher: govcheck tests
published_on: 2019-01-01
in_force: {from: 2019-01-01}
topics: {registers-of-interest: Registers of interest}
"""
RULE = """\
- id: registers.rule-{n}
  title: A rule
  topic: registers-of-intrest-{n}
  requirements: [{requirement}]
  basis: V
  severity: high
  obligation: must
  cite: {{document: NAF19}}
  check: {{each: board_members, present: {{path: person.register_of_interests.published_on}}}}
  remediation: Publish it.
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK)
    letters = string.ascii_uppercase
    rules = (
        RULE.format(n=n, requirement=f"Q{letters[n // 100 % 26]}{letters[n % 26]}-{n % 100:02d}") for n in range(RULES)
    )
    (folder / "rules.yaml").write_text("".join(rules))
    return folder


def test_each_distinct_mistake_is_looked_up_once_within_the_budget(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    searches: Counter[tuple[str, int]] = Counter()
    closest = suggest._closest

    def counted(name: str, choices: tuple[str, ...]) -> str | None:
        searches[(name, len(choices))] += 1
        return closest(name, choices)

    monkeypatch.setattr(suggest, "_closest", counted)
    with pytest.raises(InputError) as caught:
        load_pack(pack)
    assert len(caught.value.problems) == 2 * RULES  # a topic and a requirement each
    assert max(searches.values()) == 1
    assert sum(size for _, size in searches) <= suggest.BUDGET


def test_at_most_the_cap_is_printed(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(pack.parent)
    result = CliRunner().invoke(cli, ["rules", "test", "--pack", "big"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == (
        f"error: big/rules.yaml: and {2 * RULES - MAX_PROBLEMS_SHOWN:,} more problems "
        "(fix those above first; they often cause the rest)"
    )
