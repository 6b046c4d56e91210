"""How dates and counts are written for people to read."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(day: dt.date) -> str:
    """20 Jun 2019. (Spelt out here rather than by strftime: reports name many dates, and strftime
    is slow and follows the locale.)"""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
