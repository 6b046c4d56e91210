"""Working days in England: weekends and the England and Wales bank holidays.

Bank holidays come from the maintained ``holidays`` library (GB, subdivision
ENG), which carries substitute days and one-off holidays such as the 2022
State Funeral; nothing here is a hand-kept list of dates. The library's answers for
1990-2060 are kept between runs (engine/cache.py), because loading it takes longer
than assessing a LEP.

"Clear" days follow local-government access-to-information practice: neither
the day something is published nor the day of the meeting counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

if TYPE_CHECKING:
    import holidays

ONE_DAY = dt.timedelta(days=1)


# The years whose bank holidays are kept between runs (engine/cache.py); any other year's
# come from the library each time.
KEPT_YEARS = range(1990, 2061)


def _library(years: Iterable[int] = ()) -> holidays.HolidayBase:
    # Loading the library takes longer than assessing a LEP (it reads every country's calendar),
    # so it is loaded only when a working day is counted and the kept bank holidays will not do.
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=years)


def _kept_bank_holidays() -> dict[dt.date, str]:
    """England's bank holidays in KEPT_YEARS, from the cache, or from the library (and then kept)."""
    from govcheck.engine import cache

    release = _library_release()
    made_from = cache.stamp("bank holidays", "GB", "ENG", KEPT_YEARS.start, KEPT_YEARS.stop, release)
    known = cache.load("bank-holidays", made_from) if release else None
    if not isinstance(known, dict):
        known = {day: str(name) for day, name in _library(KEPT_YEARS).items()}
        if release:
            cache.store("bank-holidays", made_from, known)
    return known


def _library_release() -> str | None:
    """A digest of the installed holidays library's RECORD (its version and every file's hash), found without
    importing it; None where the installation has no RECORD, and then nothing is kept."""
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        for record in Path(location).parent.glob("holidays-*.dist-info/RECORD"):
            return hashlib.sha256(record.read_bytes()).hexdigest()
    return None


@dataclass(frozen=True)
class DayCount:
    """One day in a count, whether it counted, and why not if it did not."""

    day: dt.date
    counted: bool
    why_not: str | None = None


@dataclass(frozen=True)
class _Year:
    """One year's days: why each is not a working day (None if it is one), and working days so far."""

    first: int  # the ordinal of 1 January
    why_not: tuple[str | None, ...]
    through: tuple[int, ...]  # working days from 1 January through each day


class WorkingCalendar:
    """Working-day arithmetic for England.

    Each year is worked out once, on first use: why each day is not a working day
    (if it is not), and a running count of working days. Every deadline of every
    LEP falls on the same few thousand days, so counting the working days between
    two dates is then a look-up at each end.
    """

    def __init__(self) -> None:
        self._holidays: holidays.HolidayBase | None = None
        self._known: dict[dt.date, str] | None = None  # the bank holidays of KEPT_YEARS
        self._years: dict[int, _Year] = {}

    def bank_holiday(self, day: dt.date) -> str | None:
        """The bank holiday's name on ``day``, if it is one."""
        if self._known is None:
            self._known = _kept_bank_holidays()
        if KEPT_YEARS[0] <= day.year <= KEPT_YEARS[-1]:
            return self._known.get(day)
        return self._library_name(day)

    def _library_name(self, day: dt.date) -> str | None:
        if self._holidays is None:
            self._holidays = _library()
        name = self._holidays.get(day)
        return str(name) if name else None

    def why_not_working(self, day: dt.date) -> str | None:
        """None on a working day; otherwise 'Saturday', 'Sunday' or the bank holiday's name."""
        year = self._year(day.year)
        return year.why_not[day.toordinal() - year.first]

    def is_working_day(self, day: dt.date) -> bool:
        year = self._year(day.year)
        return year.why_not[day.toordinal() - year.first] is None

    def clear_working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days strictly between two dates (0 when ``end`` is not after ``start``)."""
        if end.toordinal() - start.toordinal() < 2:
            return 0
        first, last = start + ONE_DAY, end - ONE_DAY
        total = 0
        for number in range(first.year, last.year + 1):
            year = self._year(number)
            low = first.toordinal() - year.first if number == first.year else 0
            high = last.toordinal() - year.first if number == last.year else len(year.through) - 1
            total += year.through[high] - (year.through[low - 1] if low else 0)
        return total

    def _year(self, number: int) -> _Year:
        found = self._years.get(number)
        if found is None:
            found = self._years[number] = self._build_year(number)
        return found

    def _build_year(self, number: int) -> _Year:
        first = dt.date(number, 1, 1)
        why_not: list[str | None] = []
        through: list[int] = []
        count = 0
        for offset in range(dt.date(number, 12, 31).toordinal() - first.toordinal() + 1):
            day = first + dt.timedelta(days=offset)
            why: str | None
            if day.weekday() >= 5:
                why = day.strftime("%A")
            else:
                holiday = self.bank_holiday(day)
                why = f"bank holiday: {holiday}" if holiday else None
            count += why is None
            why_not.append(why)
            through.append(count)
        return _Year(first.toordinal(), tuple(why_not), tuple(through))

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
        if count <= 0:
            return start
        number = start.year
        year = self._year(number)
        # The day sought is the first whose running count reaches the start's count plus ``count``.
        wanted = year.through[start.toordinal() - year.first] + count
        while wanted > year.through[-1]:
            wanted -= year.through[-1]
            number += 1
            year = self._year(number)
        return dt.date.fromordinal(year.first + bisect_left(year.through, wanted))

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


@lru_cache(maxsize=65536)
def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later (31 January + 1 month = 28 or 29 February)."""
    result: dt.date = day + relativedelta(months=months)
    return result
