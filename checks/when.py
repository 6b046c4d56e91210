"""Reading a date as the evidence gives it: a day, bounds, late, found or not found (facts format 2).

Check kinds that compare dates read them through ``when``, so a month or a pair of bounds
decides a deadline when every day it allows gives the same verdict, and otherwise the
finding is missing evidence naming the bound it needed. Nothing here is ever more sure
than the evidence: a date not known never passes a deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.blocks import NOT_FOUND, DateAsFound


@dataclass(frozen=True)
class When:
    """The days something can have happened on: from ``earliest`` to ``latest`` (None: unbounded)."""

    earliest: dt.date | None
    latest: dt.date | None
    words: str  # as a reader would say it: "20 Jun 2019", "in Apr 2019", "before 3 Jun 2019"
    is_late: bool = False  # after its deadline, on a day not known

    @property
    def day(self) -> dt.date | None:
        """The day itself, when it is known exactly."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None


class NotFound:
    """The evidence shows it did not happen: not published, not reviewed, not signed."""


NOT_FOUND_VALUE = NotFound()


def when(value: Any) -> When | NotFound | None:
    """A date fact as a span of days; NOT_FOUND_VALUE where the evidence shows it did not happen;
    None where nothing is recorded (or it is recorded as not known)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return When(value, value, date_label(value))
    if value == NOT_FOUND:
        return NOT_FOUND_VALUE
    if isinstance(value, DateAsFound):
        return When(value.earliest, value.latest, value.words, value.is_late)
    raise TypeError(f"not a date: {value!r}")


def on_or_before(found: When, limit: dt.date) -> bool | None:
    """Whether it happened on or before ``limit``: True or False when the bounds decide, None when not."""
    if found.is_late:
        return None
    if found.latest is not None and found.latest <= limit:
        return True
    if found.earliest is not None and found.earliest > limit:
        return False
    return None
