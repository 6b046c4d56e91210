"""Dates are read as YYYY-MM-DD only, and only within the years govcheck works with."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcheck.engine.core.days import FIRST_DAY, LAST_DAY, is_date_form, read_day


@pytest.mark.parametrize(
    "value",
    [dt.date(2019, 6, 20), dt.datetime(2019, 6, 20, 10, 30), "2019-06-20", " 2019-06-20 "],
    ids=["date", "timestamp", "text", "text with spaces"],
)
def test_the_forms_accepted(value: object) -> None:
    assert read_day(value) == dt.date(2019, 6, 20)


@pytest.mark.parametrize(
    "value",
    ["20190620", "2019-W25-4", "2019-171", "2019-06-20T00:00", "20/06/2019", "2019-6-20", "٢٠١٩-٠٦-٢٠", 20190620, None],
)
def test_other_forms_are_refused_with_the_form_to_use(value: object) -> None:
    with pytest.raises(ValueError, match=r"is not a date; write dates as YYYY-MM-DD"):
        read_day(value)


@pytest.mark.parametrize("value", [dt.date(9999, 12, 31), dt.date(1, 1, 1), "1989-12-31", "2100-01-01"])
def test_dates_outside_the_range_are_refused_saying_the_range(value: object) -> None:
    with pytest.raises(ValueError, match=r"is outside the dates govcheck works with \(1990-01-01 to 2099-12-31\)"):
        read_day(value)


def test_the_ends_of_the_range_are_accepted() -> None:
    assert read_day(FIRST_DAY.isoformat()) == FIRST_DAY
    assert read_day(LAST_DAY) == LAST_DAY


@given(st.text(max_size=20))
def test_any_text_is_a_date_in_range_or_refused_with_a_message(text: str) -> None:
    if is_date_form(text.strip()) and FIRST_DAY.isoformat() <= text.strip() <= LAST_DAY.isoformat():
        assert read_day(text).isoformat() == text.strip()
    else:
        with pytest.raises(ValueError, match=r"(is not a date|is outside the dates govcheck works with .*); "):
            read_day(text)


@given(st.dates())
def test_any_date_is_accepted_exactly_when_it_is_in_range(day: dt.date) -> None:
    if FIRST_DAY <= day <= LAST_DAY:
        assert read_day(day.isoformat()) == day
    else:
        with pytest.raises(ValueError, match=r"is outside the dates govcheck works with"):
            read_day(day)
