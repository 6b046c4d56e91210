"""How each value of a facts file may be written, in JSON Schema, for editors.

The facts model reads several short forms (``not found``, a month such as ``2019-04``,
``{before: ...}``, a coverage section written as ``"4.2"``) through validators that
pydantic cannot describe by itself. Each model states the forms it reads here, beside
its validator, so ``govcheck schema`` describes what ``govcheck validate`` accepts. A form
that only facts format 2 reads carries ``FORMAT_2_ONLY``; the schema generator keeps it
for format 2 files and drops it for format 1 files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# Marks an alternative that only facts format 2 reads (removed from the schema it marks).
FORMAT_2_ONLY = "x-facts-format-2-only"
# Names a form that recurs (a day, a coverage map): the schema defines it once, under this name, and refers to it.
SHARED_AS = "x-shared-as"

# The years govcheck works with (engine/core/days.py: 1990 to 2099); leap years among them are those
# divisible by 4, 2000 included.
_YEAR = r"(?:199[0-9]|20[0-9]{2})"
_LEAP_YEAR = r"(?:199[26]|20(?:[02468][048]|[13579][26]))"
_MONTH_AND_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
# YAML reads an unquoted `2019-06-20 10:30:00` as a timestamp, and a timestamp's day is what counts.
_TIME = r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
DAY_PATTERN = rf"^\s*(?:{_YEAR}-{_MONTH_AND_DAY}|{_LEAP_YEAR}-02-29){_TIME}\s*$"

DAY: dict[str, Any] = {
    SHARED_AS: "day",
    "type": "string",
    "pattern": DAY_PATTERN,
    "patternErrorMessage": "write a date as YYYY-MM-DD, a real day from 1990 to 2099, for example 2019-06-20",
}
MONTH: dict[str, Any] = {
    SHARED_AS: "month",
    "type": "string",
    "pattern": r"^\s*[0-9]{4}-(?:0[1-9]|1[0-2])\s*$",
    "patternErrorMessage": "write a month as YYYY-MM, for example 2019-04",
}

# A financial year runs April to March and is written with both years: 2019-20, 1999-00.
FINANCIAL_YEAR_PATTERN = "^[0-9]{2}(?:" + "|".join(f"{year:02d}-{(year + 1) % 100:02d}" for year in range(100)) + ")$"


def words(*said: str, meaning: str) -> dict[str, Any]:
    """Text that reads as one of ``said`` (spaces around it ignored), offered as completions."""
    # Plain words only, so the pattern needs no escapes (an editor's regular expressions take few).
    assert all(re.fullmatch(r"[a-z ]+", word) for word in said), said
    alternatives = "|".join(said)
    return {
        SHARED_AS: "-or-".join(word.replace(" ", "-") for word in said),
        "type": "string",
        "pattern": rf"^\s*(?:{alternatives})\s*$",
        "examples": list(said),
        "patternErrorMessage": f"write {' or '.join(said)} ({meaning})",
    }


def format_2_only(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, FORMAT_2_ONLY: True}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it holds dicts
class AlsoWritten:
    """Annotated metadata (or a model's ``__get_pydantic_json_schema__``): the value may also be written
    in the given short forms, which its validator reads as the full form."""

    # A form is a schema, or made from the full form's schema (a variant of its keys).
    forms: tuple[dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]], ...]
    full_form_format_2_only: bool = False  # a date's bounds, {before: ...}, are format 2's as much as `late`

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        full = handler(core_schema)
        resolved = handler.resolve_ref_schema(full)
        forms = [form(resolved) if callable(form) else form for form in self.forms]
        return {"anyOf": [format_2_only(full) if self.full_form_format_2_only else full, *forms]}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it holds dicts
class KeyedBy:
    """Annotated metadata for a mapping whose keys come from a vocabulary: each key is offered, with its
    meaning, and its value checked against the mapping's value schema."""

    vocabulary: Mapping[str, str]
    shared_as: str | None = None  # a name, where the mapping recurs

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        generated = handler(core_schema)
        value = generated.get("additionalProperties", {})
        shared = {SHARED_AS: self.shared_as} if self.shared_as else {}
        return {
            **shared,
            "type": "object",
            "properties": {key: {"description": meaning} for key, meaning in self.vocabulary.items()},
            "propertyNames": {"enum": sorted(self.vocabulary)},
            "patternProperties": {"": value},
        }


def event_day_forms(said: Iterable[str]) -> AlsoWritten:
    """A date as the evidence gives it (blocks.EventDay): a day in either format; in format 2 also a month,
    one of the words ``said``, or bounds (the full form, DateAsFound)."""
    meaning = (
        "not found: it did not happen; not known: the evidence does not say; "
        "late: after its deadline, on a day not known; found: it happened, on a day not known"
    )
    return AlsoWritten(
        (DAY, format_2_only(MONTH), format_2_only(words(*said, meaning=meaning))), full_form_format_2_only=True
    )


def _covered_in_part(coverage_ref: dict[str, Any]) -> dict[str, Any]:
    """`{partly: what is missing, section: ...}`: CoverageRef's keys, with partly saying status and missing."""
    properties = dict(coverage_ref["properties"])
    for said_by_partly in ("status", "missing"):  # whatever they hold, partly overrides them
        properties[said_by_partly] = {"description": f"needs no value: partly gives the {said_by_partly}"}
    properties["partly"] = {"type": "string", "minLength": 1, "description": "what is missing, e.g. no interim chair"}
    return {"type": "object", "required": ["partly"], "properties": properties, "additionalProperties": False}


def coverage_ref_forms(said: Iterable[str]) -> AlsoWritten:
    """How a subject in a coverage map (blocks.Coverage) stands: the full form, CoverageRef, or its section
    alone, as text (other than the words ``said``) or a number; in format 2 also a word, or covered in part."""
    said_form = words(*said, meaning="not covered: looked for and not there; not known: the evidence does not say")
    return AlsoWritten(
        (
            {"type": "string", "not": said_form},
            {"type": "number"},
            format_2_only(said_form),
            lambda coverage_ref: format_2_only(_covered_in_part(coverage_ref)),
        )
    )
