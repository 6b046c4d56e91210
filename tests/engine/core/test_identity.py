"""Names and ids are compared as a reader sees them: invisible characters, letter forms, case and look-alikes aside."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcheck.engine.core.identity import identity, mixed_scripts
from tests.support.strategies import names, written_differently


@pytest.mark.parametrize(
    "other",
    [
        "J.\u200b Smith",  # zero-width space
        "J. Smith\u2060",  # word joiner
        "\ufeffJ. Smith",  # byte-order mark
        "J.\u00a0Smith",  # no-break space
        "J.   Smith ",  # more spaces
        "Ｊ. Ｓｍｉｔｈ",  # full-width letters
        "j. SMITH",  # case
        "J. Smіth",  # Cyrillic і
        "J. Ѕmith",  # Cyrillic Ѕ
        "J. Smιth",  # Greek ι
        "𝐉. 𝐒𝐦𝐢𝐭𝐡",  # mathematical bold
    ],
)
def test_one_name_written_differently_is_one_identity(other: str) -> None:
    assert identity(other) == identity("J. Smith") == "j. smith"


@pytest.mark.parametrize("other", ["J. Smyth", "I. Smith", "J. Smith-Jones", "Jo Smith"])
def test_different_names_are_different_identities(other: str) -> None:
    assert identity(other) != identity("J. Smith")


def test_a_name_of_nothing_visible_has_an_empty_identity() -> None:
    assert identity("\u200b\u200d \u3164") == ""


@pytest.mark.parametrize(
    ("name", "mixed"),
    [
        ("J. Smіth", ("LATIN", "CYRILLIC")),
        ("Аda", ("CYRILLIC", "LATIN")),
        ("Jοhn", ("LATIN", "GREEK")),
        ("Иван Петров", None),
        ("Ἀλέξανδρος", None),
        ("Zoë O'Brien-Łukasz", None),
        ("李小龍 Bruce Lee", None),
        ("Ｊ. Ｓｍｉｔｈ", None),
    ],
)
def test_latin_mixed_with_cyrillic_or_greek_is_found(name: str, mixed: tuple[str, ...] | None) -> None:
    assert mixed_scripts(name) == mixed


@given(names)
def test_identity_is_stable(name: str) -> None:
    assert identity(identity(name)) == identity(name)


@given(st.data(), names)
def test_a_name_written_differently_keeps_its_identity(data: st.DataObject, name: str) -> None:
    assert identity(data.draw(written_differently(name))) == identity(name)
