"""Working days in England: weekends and the England and Wales bank holidays.

Bank holidays come from the maintained ``holidays`` library (GB, subdivision
ENG), which carries substitute days and one-off holidays such as the 2022
State Funeral; nothing here is a hand-kept list of dates.

"Clear" days follow local-government access-to-information practice: neither
the day something is published nor the day of the meeting counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayCount:
    """One day in a count, whether it counted, and why not if it did not."""

    day: dt.date
    counted: bool
    why_not: str | None = None


class WorkingCalendar:
    """Working-day arithmetic for England."""

    def __init__(self) -> None:
        self._holidays = holidays.country_holidays("GB", subdiv="ENG")

    def bank_holiday(self, day: dt.date) -> str | None:
        """The bank holiday's name on ``day``, if it is one."""
        name = self._holidays.get(day)
        return str(name) if name else None

    def why_not_working(self, day: dt.date) -> str | None:
        """None on a working day; otherwise 'Saturday', 'Sunday' or the bank holiday's name."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        holiday = self.bank_holiday(day)
        return f"bank holiday: {holiday}" if holiday else None

    def is_working_day(self, day: dt.date) -> bool:
        return _is_working_day(self, day)

    def days_strictly_between(self, start: dt.date, end: dt.date) -> Iterator[DayCount]:
        """Each day after ``start`` and before ``end``, marked counted if it is a working day."""
        day = start + ONE_DAY
        while day < end:
            why = self.why_not_working(day)
            yield DayCount(day, why is None, why)
            day += ONE_DAY

    def clear_working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days strictly between two dates (0 when ``end`` is not after ``start``)."""
        return sum(1 for day in self.days_strictly_between(start, end) if day.counted)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
        day = start
        remaining = count
        while remaining > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def subtract_working_days(self, end: dt.date, count: int) -> dt.date:
        """The latest day leaving ``count`` clear working days before ``end``."""
        day = end
        remaining = count
        while remaining > 0:
            day -= ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        # `day` is now the earliest of the clear days; publishing the day before leaves them clear.
        return day - ONE_DAY


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later (31 January + 1 month = 28 or 29 February)."""
    result: dt.date = day + relativedelta(months=months)
    return result


@lru_cache(maxsize=65536)
def _is_working_day(calendar: WorkingCalendar, day: dt.date) -> bool:
    return calendar.why_not_working(day) is None
