"""A fact in a cell: each form written and read back the same, as a facts file would say it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from govcheck.engine.facts.blocks import DateAsFound
from govcheck.engine.workbook.cells import from_cell, to_cell
from govcheck.engine.workbook.columns import (
    Column,
)

EVENT = Column("published_on", "event", "")
LIST = Column("local_authorities", "list", "")

DATES_AS_FOUND = [
    ({"month": "2019-04"}, "2019-04"),
    ({"before": dt.date(2019, 5, 1)}, "before 2019-05-01"),
    ({"after": dt.date(2019, 5, 1)}, "after 2019-05-01"),
    ({"after": dt.date(2019, 5, 1), "before": dt.date(2019, 6, 1)}, "after 2019-05-01 and before 2019-06-01"),
    ({"between": [dt.date(2019, 6, 1), dt.date(2019, 6, 14)]}, "between 2019-06-01 and 2019-06-14"),
    ({"is_late": True}, "late"),
    ({"is_found": True}, "found"),
    (
        {"before": dt.date(2019, 5, 1), "note": "papers added 16 June", "evidence": {"url": "https://x.example/p"}},
        "before 2019-05-01; note: papers added 16 June; url: https://x.example/p",
    ),
    ({"is_late": True, "note": "three days late"}, "late; note: three days late"),
    (
        {"month": "2019-04", "evidence": {"document": "Minutes", "section": "4"}},
        "2019-04; document: Minutes; section: 4",
    ),
]


@pytest.mark.parametrize(("found", "words"), DATES_AS_FOUND, ids=[words for _, words in DATES_AS_FOUND])
def test_a_date_as_found_is_written_in_words_and_read_back_as_the_same_date(found: dict[str, Any], words: str) -> None:
    assert to_cell(found, EVENT) == words
    read = from_cell(words, EVENT)
    month_or_word = read if isinstance(read, str) else None
    expected = DateAsFound.model_validate(found)
    if month_or_word is not None:  # a plain month, late or found: the facts model reads the word
        assert {"2019-04": {"month": "2019-04"}, "late": {"is_late": True}, "found": {"is_found": True}}[
            month_or_word
        ] == expected.model_dump(exclude_defaults=True)
    else:
        assert DateAsFound.model_validate(read) == expected


@pytest.mark.parametrize("words", ["not found", "not known", "2019-06-20", "31/02/2019"])
def test_other_words_reach_the_facts_model_as_written(words: str) -> None:
    assert from_cell(f"  {words} ", EVENT) == words


def test_a_date_cell_is_a_date() -> None:
    assert from_cell(dt.datetime(2019, 6, 20), EVENT) == dt.date(2019, 6, 20)
    assert to_cell(dt.date(2019, 6, 20), EVENT) == dt.date(2019, 6, 20)


def test_a_list_is_separated_by_semicolons_and_none_is_an_empty_list() -> None:
    assert to_cell(["A Council", "B Council"], LIST) == "A Council; B Council"
    assert from_cell("A Council; B Council;", LIST) == ["A Council", "B Council"]
    assert to_cell([], LIST) == "none"
    assert from_cell("None", LIST) == []
    assert to_cell(None, LIST) is None


def test_yes_and_no_are_true_and_false_and_nothing_else() -> None:
    yes_no = Column("is_quorate", "yes_no", "")
    assert from_cell(True, yes_no) is True
    assert from_cell("FALSE", yes_no) is False
    assert from_cell("yes", yes_no) == "yes"  # refused by the facts model, with what to write


def test_whole_numbers_come_back_whole_and_text_as_written() -> None:
    assert from_cell(6.0, Column("minimum_present", "whole", "")) == 6
    assert from_cell(6.5, Column("minimum_present", "whole", "")) == 6.5  # refused by the facts model
    assert from_cell("a note\n", Column("note", "text", "")) == "a note\n"
