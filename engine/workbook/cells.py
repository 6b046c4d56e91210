"""One value in one cell: how each kind of fact is written in a workbook, and read back as a facts file says it.

A cell holds what a spreadsheet holds well: a date as a date, yes/no as TRUE or FALSE, a
number as a number. What has no cell type of its own is spelt in words, one spelling per
form, each stated in the sheet's second header row:

- a date as the evidence gives it (facts format 2): ``2019-04``, ``before 2019-05-01``,
  ``after 2019-05-01``, ``after 2019-05-01 and before 2019-06-01``, ``between 2019-06-01 and
  2019-06-14``, ``late``, ``found``, ``not found``, ``not known``; a note or the evidence for such
  a date follows it, ``before 2019-05-01; note: papers added 16 June; url: https://...``;
- a list of plain values as ``a; b; c``, and an empty list as ``none``.

Reading turns each cell into the value a YAML facts file would hold, and nothing more: whether
it is a valid value is for the facts model to say, with the same messages as for YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from govcheck.engine.workbook.columns import (
    LIST_SEPARATOR,
    NONE_WORD,
    Column,
)

_BETWEEN = re.compile(r"^between\s+(\S+)\s+and\s+(\S+)$")
_AFTER_AND_BEFORE = re.compile(r"^after\s+(\S+)\s+and\s+before\s+(\S+)$")
_ONE_BOUND = re.compile(r"^(before|after)\s+(\S+)$")
# What may follow a date as found, after a semicolon: its note, or where it can be checked.
_ATTACHED = ("note", "url", "document", "section")
_TRUE_FALSE = {"true": True, "false": False}


def to_cell(value: Any, column: Column) -> Any:
    """The cell value for a fact as the facts model holds it (dumped to plain data)."""
    if value is None:
        return None
    if column.kind == "list":
        return NONE_WORD if not value else f"{LIST_SEPARATOR} ".join(str(item) for item in value)
    if column.kind == "event" and isinstance(value, dict):
        return _event_words(value)
    return value


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _event_words(found: dict[str, Any]) -> str:
    """A date as found, in the words a cell says it: ``between 2019-06-01 and 2019-06-14; note: ...``."""
    if found.get("month") is not None:
        words = str(found["month"])
    elif found.get("between") is not None:
        first, last = found["between"]
        words = f"between {_day(first)} and {_day(last)}"
    elif found.get("before") is not None and found.get("after") is not None:
        words = f"after {_day(found['after'])} and before {_day(found['before'])}"
    elif found.get("before") is not None:
        words = f"before {_day(found['before'])}"
    elif found.get("after") is not None:
        words = f"after {_day(found['after'])}"
    elif found.get("is_late"):
        words = "late"
    else:
        words = "found"
    attached = {"note": found.get("note"), **(found.get("evidence") or {})}
    for key in _ATTACHED:
        if attached.get(key) is not None:
            words += f"{LIST_SEPARATOR} {key}: {attached[key]}"
    return words


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def from_cell(raw: Any, column: Column) -> Any:
    """The value a facts file would hold for what the cell says (the cell is not blank)."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str) and column.kind != "text":  # text is kept as written, to the last newline
        raw = raw.strip()
    if column.kind == "list":
        if isinstance(raw, str) and raw.lower() == NONE_WORD:
            return []
        text = raw if isinstance(raw, str) else str(raw)
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    if column.kind == "event" and isinstance(raw, str):
        return _event_value(raw)
    if column.kind == "yes_no" and isinstance(raw, str) and raw.lower() in _TRUE_FALSE:
        return _TRUE_FALSE[raw.lower()]
    if column.kind == "whole" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return raw


def _event_value(text: str) -> Any:
    """``before 2019-05-01; note: ...`` as the mapping a facts file writes (``{before: ..., note: ...}``)."""
    words, *rest = (part.strip() for part in text.split(LIST_SEPARATOR))
    found: dict[str, Any]
    if match := _BETWEEN.match(words):
        found = {"between": [match.group(1), match.group(2)]}
    elif match := _AFTER_AND_BEFORE.match(words):
        found = {"after": match.group(1), "before": match.group(2)}
    elif match := _ONE_BOUND.match(words):
        found = {match.group(1): match.group(2)}
    elif not rest:
        return words  # a day, a month, late, found, not found, not known: the facts model reads the words
    elif words in ("late", "found"):
        found = {"is_late": True} if words == "late" else {"is_found": True}
    else:
        found = {"month": words}
    evidence: dict[str, str] = {}
    for part in rest:
        key, _, value = part.partition(":")
        key = key.strip()
        if key == "note":
            found["note"] = value.strip()
        elif key in _ATTACHED:
            evidence[key] = value.strip()
        else:
            found[key] = value.strip()  # an unknown key: the facts model names it, and the keys it takes
    if evidence:
        found["evidence"] = evidence
    return found
