"""Working days and clear working days in England, bank holidays from the holidays library."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcheck.checks.dates import elapsed, later_by
from govcheck.engine.calendar import WorkingCalendar, add_months

D = dt.date


@pytest.mark.parametrize(
    ("published", "meeting", "clear_days"),
    [
        (D(2019, 6, 12), D(2019, 6, 20), 5),  # Wed 12 -> Thu 20 June 2019: exactly 5 clear days
        (D(2019, 6, 13), D(2019, 6, 20), 4),  # Thu 13: late
        (D(2019, 4, 15), D(2019, 4, 25), 5),  # Easter 2019: Good Friday 19, Easter Monday 22 April skipped
        (D(2019, 4, 16), D(2019, 4, 25), 4),  # Tue 16 April: late
        (D(2019, 6, 20), D(2019, 6, 20), 0),  # same day
        (D(2019, 6, 21), D(2019, 6, 20), 0),  # published after the meeting
        (D(2022, 9, 12), D(2022, 9, 21), 5),  # the State Funeral of 19 Sep 2022 is a one-off bank holiday
    ],
)
def test_clear_working_days_between(
    calendar: WorkingCalendar, published: dt.date, meeting: dt.date, clear_days: int
) -> None:
    assert calendar.clear_working_days_between(published, meeting) == clear_days


def test_latest_day_for_papers_across_easter(calendar: WorkingCalendar) -> None:
    assert calendar.subtract_working_days(D(2019, 4, 25), 5) == D(2019, 4, 15)
    assert calendar.subtract_working_days(D(2019, 6, 20), 5) == D(2019, 6, 12)


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (D(2019, 4, 19), "bank holiday: Good Friday"),
        (D(2019, 4, 22), "bank holiday: Easter Monday"),
        (D(2019, 4, 20), "Saturday"),
        (D(2020, 12, 28), "bank holiday: Boxing Day (observed)"),  # substitute day: 26 Dec 2020 was a Saturday
        (D(2023, 5, 8), "bank holiday: Coronation of Charles III"),
        (D(2019, 12, 24), None),  # Christmas Eve is a working day
    ],
)
def test_why_a_day_is_not_a_working_day(calendar: WorkingCalendar, day: dt.date, why: str | None) -> None:
    assert calendar.why_not_working(day) == why


def test_tenth_working_day_after_a_meeting(calendar: WorkingCalendar) -> None:
    # Thursday 20 June 2019: the tenth working day after is Thursday 4 July.
    assert calendar.add_working_days(D(2019, 6, 20), 10) == D(2019, 7, 4)
    # Across Christmas 2019: 25 and 26 December are skipped.
    assert calendar.add_working_days(D(2019, 12, 20), 3) == D(2019, 12, 27)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D(2019, 1, 31), 1) == D(2019, 2, 28)
    assert add_months(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert add_months(D(2019, 3, 31), 12) == D(2020, 3, 31)


@pytest.mark.parametrize(
    ("unit", "start", "end", "amount"),
    [
        ("days", D(2019, 5, 1), D(2019, 6, 11), 41),
        ("months", D(2019, 5, 1), D(2019, 10, 1), 5),
        ("months", D(2019, 5, 31), D(2019, 6, 30), 0),
        ("working_days", D(2019, 6, 20), D(2019, 7, 4), 10),
        ("clear_working_days", D(2019, 6, 20), D(2019, 7, 4), 9),
    ],
)
def test_elapsed_units(calendar: WorkingCalendar, unit: str, start: dt.date, end: dt.date, amount: int) -> None:
    assert elapsed(calendar, unit, start, end) == amount  # type: ignore[arg-type]


def test_later_by_is_inverse_of_elapsed_for_working_days(calendar: WorkingCalendar) -> None:
    start = D(2019, 4, 17)
    due = later_by(calendar, "working_days", start, 5)
    assert elapsed(calendar, "working_days", start, due) == 5


@given(
    start=st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31)),
    span=st.integers(min_value=-40, max_value=800),
)
def test_clear_working_days_counted_from_year_tables_match_a_count_day_by_day(start: D, span: int) -> None:
    end = start + dt.timedelta(days=span)
    days = (start + dt.timedelta(days=n) for n in range(1, (end - start).days))
    by_day = sum(1 for day in days if day.weekday() < 5 and _CALENDAR.bank_holiday(day) is None)
    assert _CALENDAR.clear_working_days_between(start, end) == by_day


_CALENDAR = WorkingCalendar()  # one for every example: its year tables are what is under test
