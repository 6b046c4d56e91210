"""Short cuts taken for speed give exactly what the general way gives: working days, line wrapping."""

from __future__ import annotations

import datetime as dt
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from govcheck.engine.calendar import WorkingCalendar
from govcheck.reports.text import WIDTH, _wrap

D = dt.date
CALENDAR = WorkingCalendar()  # one for every example: its year tables are what is under test
DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))


def is_working_day(day: D) -> bool:
    return day.weekday() < 5 and CALENDAR.bank_holiday(day) is None


@given(start=DATES, span=st.integers(min_value=-40, max_value=800))
def test_clear_working_days_counted_from_year_tables_match_a_count_day_by_day(start: D, span: int) -> None:
    end = start + dt.timedelta(days=span)
    by_day = sum(is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days))
    assert CALENDAR.clear_working_days_between(start, end) == by_day


@given(start=DATES, count=st.integers(min_value=-2, max_value=600))
def test_working_days_added_from_year_tables_match_stepping_day_by_day(start: D, count: int) -> None:
    day, remaining = start, count
    while remaining > 0:
        day += dt.timedelta(days=1)
        remaining -= is_working_day(day)
    assert CALENDAR.add_working_days(start, count) == day


WORDS = st.text(alphabet=st.sampled_from("abé-"), min_size=1, max_size=12) | st.integers(80, 120).map("x".__mul__)


def sentences(gaps: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # Long enough, mostly, to need two or three lines.
    parts = st.lists(st.tuples(WORDS, gaps), min_size=1, max_size=60)
    return parts.map(lambda pairs: "".join(word + gap for word, gap in pairs))


SENTENCES = sentences(st.sampled_from([" ", " ", " ", "  ", "   "])) | sentences(
    st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003"), min_size=1, max_size=3)
)


@settings(max_examples=400)
@given(
    # Words and plain spaces as reports have them, sometimes leading or trailing spaces, sometimes
    # tabs, line breaks and other spaces, which textwrap treats by rules of its own.
    text=st.one_of(SENTENCES.map(str.rstrip), SENTENCES, SENTENCES.map(lambda t: "  " + t)),
    indent=st.integers(min_value=0, max_value=12),
    hang=st.integers(min_value=0, max_value=14),
)
def test_text_is_wrapped_as_textwrap_wraps_it(text: str, indent: int, hang: int) -> None:
    expected = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    assert _wrap(text, indent, hang) == expected
