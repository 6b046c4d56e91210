"""The dates govcheck accepts: written YYYY-MM-DD, from 1 January 1990 to 31 December 2099.

Every date read from a file or the command line comes through ``read_day``, so
every date accepted works everywhere: deadlines a year or two later, plan
milestones months after the assessment date, working days counted to a
waiver's expiry and explanations day by day all stay far inside the years
Python's dates can hold (a date near 9999-12-31 plus a month is no date at all).
LEPs date from 2011; the range leaves room on both sides and still catches a
year mistyped by a digit or two (1019, 2190).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
DATE_FORM_HINT = "write dates as YYYY-MM-DD, for example 2019-06-20"
RANGE_WORDS = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"

# Only the form the README promises: Python also reads 20190620 and 2019-W25-4 as ISO dates.
_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date_form(text: str) -> bool:
    """Whether ``text`` is written as YYYY-MM-DD and is a real date (whatever its year)."""
    if not _FORM.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_day(value: Any, *, form_hint: str = DATE_FORM_HINT, range_hint: str = "check the year") -> dt.date:
    """A date from YAML's date, a timestamp (its day is what counts) or text written YYYY-MM-DD, in range.

    Anything else raises ``ValueError("what is wrong; what to write")``: day/month order
    is ambiguous and a guess would silently move a deadline.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str) and is_date_form(value.strip()):
        value = dt.date.fromisoformat(value.strip())
    if not isinstance(value, dt.date):
        raise ValueError(f"{value!r} is not a date; {form_hint}")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value.isoformat()} is outside the dates govcheck works with ({RANGE_WORDS}); {range_hint}")
    return value
