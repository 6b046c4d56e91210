"""A file full of mistakes is refused in a screenful, with work bounded by a count, never by a clock.

Each misspelt reference used to be looked up against every id (400 misspelt attendees among
5,000 people took about 50 seconds; 50,000 would take hours) and each problem printed. Now
each distinct misspelling is looked up once, within a budget of comparisons per file, and
at most MAX_PROBLEMS_SHOWN problems of a file are told, then how many more.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.core import suggest
from govcheck.engine.core.errors import MAX_PROBLEMS_SHOWN, InputError, Problem
from govcheck.engine.facts.loader import parse_facts

PEOPLE = 5_000
MISSPELT = 2_000  # distinct misspellings, each used twice


def _many_misspelt_attendees() -> str:
    lines = [
        "format_version: 1",
        "as_of: 2020-03-31",
        "organisation: {id: big-lep, name: Big LEP}",
        "bodies: [{id: board, name: Board, kind: board}]",
        "people:",
        *(f"  - {{id: person-{i:05d}, name: Person {i}}}" for i in range(PEOPLE)),
        "meetings:",
        "  - id: m1",
        "    body: board",
        "    held_on: 2020-01-10",
        "    attendance:",
        *(f"      - persno-{i % MISSPELT:05d}" for i in range(2 * MISSPELT)),
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, int]]:
    """Every full search for the nearest name: (the name, how many choices it was compared with)."""
    made: Counter[tuple[str, int]] = Counter()
    closest = suggest._closest

    def counted(name: str, choices: tuple[str, ...]) -> str | None:
        made[(name, len(choices))] += 1
        return closest(name, choices)

    monkeypatch.setattr(suggest, "_closest", counted)
    return made


def test_many_misspelt_references_cost_a_bounded_number_of_comparisons(searches: Counter[tuple[str, int]]) -> None:
    with pytest.raises(InputError) as caught:
        parse_facts(_many_misspelt_attendees(), "big.yaml")
    problems = caught.value.problems
    assert len(problems) == 2 * MISSPELT  # every one is found ...
    assert max(searches.values()) == 1  # ... each distinct misspelling is looked up once at most ...
    assert sum(size for _, size in searches) <= suggest.BUDGET  # ... within the budget of comparisons
    assert problems[0].hint == "did you mean 'person-00000'?"
    assert all(p.hint is None for p in problems[MAX_PROBLEMS_SHOWN:])  # nothing is sought for problems not shown


def test_many_problems_are_told_in_a_screenful() -> None:
    error = InputError([Problem("big.yaml", f"problem {n}", n + 1, 1) for n in range(MAX_PROBLEMS_SHOWN + 7)])
    lines = error.lines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == "big.yaml: and 7 more problems (fix those above first; they often cause the rest)"


def test_the_cli_prints_at_most_the_cap_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.yaml").write_text(_many_misspelt_attendees(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "big.yaml"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[0] == (
        "error: big.yaml:5011:9: meetings[0].attendance[0] names unknown person 'persno-00000' "
        "(did you mean 'person-00000'?)"
    )
    assert lines[-1] == (
        f"error: big.yaml: and {2 * MISSPELT - MAX_PROBLEMS_SHOWN:,} more problems "
        "(fix those above first; they often cause the rest)"
    )
