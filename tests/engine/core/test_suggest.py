"""Suggestions: the nearest valid name as difflib finds it, each distinct name looked up once, within a budget."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcheck.engine.core import suggest
from govcheck.engine.core.suggest import Suggester, did_you_mean, nearest

words = st.text("abcde-", max_size=8)


@given(words, st.lists(words, max_size=30))
def test_the_nearest_is_the_one_difflib_finds(name: str, choices: list[str]) -> None:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    assert suggest._closest(name, tuple(choices)) == (found[0] if found else None)


def test_a_name_written_differently_is_found_without_comparing() -> None:
    assert nearest("JSmith", ["jsmith", "klee"]) == "jsmith"
    assert nearest("js\u200bmith", ["jsmith", "klee"]) == "jsmith"
    assert did_you_mean("bord", ["board", "panel"]) == "; did you mean 'board'?"
    assert did_you_mean("zzz", ["board", "panel"]) == ""


def test_each_distinct_name_is_compared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []
    closest = suggest._closest
    monkeypatch.setattr(suggest, "_closest", lambda name, choices: searched.append(name) or closest(name, choices))
    suggester = Suggester(["board", "panel"])
    assert [suggester.nearest(name) for name in ("bord", "bord", "panl", "bord")] == [
        "board",
        "board",
        "panel",
        "board",
    ]
    assert searched == ["bord", "panl"]


def test_past_the_budget_no_more_comparisons_are_made(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[int] = []
    closest = suggest._closest
    monkeypatch.setattr(
        suggest, "_closest", lambda name, choices: compared.append(len(choices)) or closest(name, choices)
    )
    people = [f"person-{i:04d}" for i in range(1000)]
    with suggest.per_file(comparisons=2500):
        suggester = Suggester(people)
        found = [suggester.nearest(f"persno-{i:04d}") for i in range(10)]
        assert suggester.nearest("PERSON-0007") == "person-0007"  # written differently: found by look-up
        assert did_you_mean("bord", ["board"]) == "; did you mean 'board'?"  # what is left still serves small sets
    assert found == [*(f"person-{i:04d}" for i in range(2)), *[None] * 8]
    assert sum(compared) <= 2500
    assert nearest("bord", ["board"]) == "board"  # outside a file's reading, nothing is counted
