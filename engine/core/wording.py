"""How dates, counts, values and facts keys are written for people to read.

Every sentence that puts a number before a noun goes through ``counted``, so "1 chair" and
"2 chairs" come from one rule rather than from each sentence getting it right on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Nouns whose plural is not the singular with -s or -es, as the rules and views use them.
_IRREGULAR = {
    "staff": "staff",
    "senior staff": "senior staff",
    "people": "people",
    "person": "people",
    "everyone": "everyone",
    "evidence": "evidence",
    "attendance": "attendance",
    "minutes": "minutes",
    "series": "series",
}


def date_label(day: dt.date) -> str:
    """20 Jun 2019. (Spelt out here rather than by strftime: reports name many dates, and strftime
    is slow and follows the locale.)"""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """9 January 2025: a date as a reader writes it in a sentence."""
    return f"{day.day} {_FULL_MONTHS[day.month - 1]} {day.year}"


def plural(noun: str) -> str:
    """The plural of ``noun`` (the last word of a phrase: "board member" -> "board members")."""
    head, _, last = noun.rpartition(" ")
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if last in _IRREGULAR:
        return f"{head} {_IRREGULAR[last]}".strip()
    if re.search(r"(s|x|z|ch|sh)$", last):
        word = last + "es"
    elif re.search(r"[^aeiou]y$", last):
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def singular(noun: str) -> str:
    """The singular of a plural phrase as views and rules name their items ("decision meetings")."""
    head, _, last = noun.rpartition(" ")
    if last == "people":
        return f"{head} person".strip()
    if last in _IRREGULAR.values():  # the same in the plural (staff, minutes)
        return noun
    if last.endswith("ies") and len(last) > 4:
        word = last[:-3] + "y"
    elif re.search(r"(ss|x|z|ch|sh)es$", last):
        word = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        word = last[:-1]
    else:
        word = last
    return f"{head} {word}" if head else word


def counted(number: int, noun: str, many: str | None = None) -> str:
    """``number`` and ``noun``, the noun agreeing with the number: "1 chair", "2 chairs", "0 chairs".

    ``noun`` is singular; ``many`` its plural where ``plural`` would get it wrong.
    """
    return f"{number} {noun if number == 1 else (many or plural(noun))}"


def in_words(items: Iterable[str], last: str = "and") -> str:
    """A list as a sentence writes it: "a", "a and b", "a, b and c"."""
    found = list(items)
    if len(found) <= 1:
        return "".join(found)
    return f"{', '.join(found[:-1])} {last} {found[-1]}"


def key_words(key: str) -> str:
    """A facts key as words, for prose that must not show keys: "is_local_authority_member" ->
    "local authority member"; "published_on" -> "published"."""
    words = key.removeprefix("is_").removeprefix("has_")
    words = re.sub(r"_on$", "", words)
    return words.replace("_", " ").replace("-", " ")


def value_words(value: Any) -> str:
    """A value as a reader writes it: dates in words, yes/no, "not recorded", lists joined in words."""
    if value is None:
        return "not recorded"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return long_date(value)
    words = getattr(value, "words", None)  # a date as the evidence gives it ("in April 2019", "late")
    if isinstance(words, str):
        return words
    if isinstance(value, (list, tuple, set, frozenset)):
        return in_words(value_words(v) for v in value) if value else "none"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {value_words(v)}" for key, v in value.items()) if value else "none"
    if isinstance(value, (str, int, float)):
        return str(value)
    given = getattr(value, "model_fields_set", None)  # a record of the facts: what it says, in words
    if isinstance(given, (set, frozenset)):
        said = [
            f"{key_words(name)} {value_words(getattr(value, name))}" for name in sorted(given) if name != "evidence"
        ]
        return "; ".join(said) or "recorded, with nothing in it"
    return str(value)
