"""The workbook's layout as data: which sheet holds which facts, and a column for every key of the facts model.

Each sheet is declared once, by where its rows live in the facts: a pattern of keys, ``*`` for
each item of a list and ``{}`` for each key of a mapping (``people.*.roles.*`` is every role of
every person). A sheet's columns are then read off the facts model: a nested section is
flattened into dotted columns (``register_of_interests.published_on``), a list of plain values
is one cell (``a; b``), and a list or mapping of sections lives on a sheet of its own, whose rows
name the item they belong to by its id (or, for items without one, by their number). Writing
and reading both walk this one description, so a key cannot have a column on the way out and
none on the way back.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel

from govcheck.engine.core.paths import is_model, strip
from govcheck.engine.facts.documents import Documents, Policies
from govcheck.engine.facts.model import Facts
from govcheck.engine.facts.subjects import SUBJECTS
from govcheck.engine.workbook.columns import (
    ANY_ITEM,
    ANY_KEY,
    Column,
    Pattern,
    annotation_at,
    fields_of,
    flatten,
)


@dataclass(frozen=True)
class Source:
    """Where one kind of row of a sheet lives in the facts, and the word that marks it in a mixed sheet."""

    pattern: Pattern
    label: str | None = None


@dataclass(frozen=True)
class Sheet:
    """One sheet: its title, what one row is, where its rows come from, and the columns naming each row."""

    title: str
    holds: str
    sources: tuple[Source, ...]
    label: tuple[str, str] | None = None  # (column, about): which source a row is, where there are several
    parents: tuple[tuple[str, str], ...] = ()  # (column, about) per `*` above the row: the item it belongs to
    key: tuple[str, str] | None = None  # (column, about): the mapping key of a `{}` row
    value: tuple[str, str] | None = None  # (column, about): the value itself, for a list of plain values
    columns: tuple[Column, ...] = field(default=())


def _sources(*patterns: str) -> tuple[Source, ...]:
    return tuple(Source(tuple(p.split("."))) for p in patterns)


def _named(prefix: str, model: type[BaseModel]) -> tuple[Source, ...]:
    return tuple(Source((prefix, key), f"{prefix}.{key}") for key, _ in fields_of(model))


def _coverage_sources() -> tuple[Source, ...]:
    """Every place a coverage map can stand, each labelled by the document it belongs to."""
    found: list[Source] = []

    def walk(model: type[BaseModel], pattern: Pattern) -> None:
        for key, info in fields_of(model):
            annotation = strip(info.annotation)
            path = (*pattern, key)
            if typing.get_origin(annotation) is dict and key == "coverage":
                label = ".".join(part for part in pattern if part not in (ANY_ITEM, ANY_KEY))
                found.append(Source((*path, ANY_KEY), label))
            elif typing.get_origin(annotation) is list and is_model(strip(typing.get_args(annotation)[0])):
                walk(strip(typing.get_args(annotation)[0]), (*path, ANY_ITEM))
            elif is_model(annotation):
                walk(annotation, path)

    walk(Facts, ())
    return tuple(found)


_YEARLY = (
    "delivery_plans",
    "end_of_year_reports",
    "annual_reports",
    "accounts",
    "financial_statements",
    "governance_statements",
)
_MEETING = ("meeting", "the id of the meeting (sheet Meetings)")

# Lists that are absent or empty with different meanings even where the model's default is an
# empty list: format 2 reads `meetings` left out as not recorded, `meetings: []` as none held.
MARKED: frozenset[Pattern] = frozenset({("meetings",)})

# In reading order: a row that names an item (a seat names its person, a coverage row its document)
# comes on a sheet after the one that lists the item.
_DECLARED: tuple[Sheet, ...] = (
    Sheet(
        "Organisation",
        "the LEP, its accountable body, its assurance framework and its local commitments (one row)",
        (Source(()),),
    ),
    Sheet("Bodies", "one row per body: the board, and each committee, sub-group or panel", _sources("bodies.*")),
    Sheet(
        "Every member's updates",
        "one row per change to interests the evidence gives for every member of a body",
        _sources("bodies.*.every_member.register_of_interests.updates.*"),
        parents=(("body", "the id of the body (sheet Bodies)"),),
    ),
    Sheet("People", "one row per person on the board or one of its bodies", _sources("people.*")),
    Sheet(
        "Roles",
        "one row per seat a person holds on a body",
        _sources("people.*.roles.*"),
        parents=(("person", "the id of the person (sheet People)"),),
    ),
    Sheet(
        "Register updates",
        "one row per change to a person's interests",
        _sources("people.*.register_of_interests.updates.*"),
        parents=(("person", "the id of the person (sheet People)"),),
    ),
    Sheet("Senior staff", "one row per senior officer", _sources("senior_staff.*")),
    Sheet(
        "Staff register updates",
        "one row per change to a senior officer's interests",
        _sources("senior_staff.*.register_of_interests.updates.*"),
        parents=(("staff_member", "the id of the officer (sheet Senior staff)"),),
    ),
    Sheet("Meetings", "one row per meeting", _sources("meetings.*")),
    Sheet(
        "Attendance",
        "one row per person present at, or sending apologies to, a meeting",
        (
            Source(("meetings", "*", "attendance", "*"), "present"),
            Source(("meetings", "*", "apologies", "*"), "apologies"),
        ),
        label=("as", "present, or apologies (not present)"),
        parents=(_MEETING,),
        value=("person", "the id of the person (sheet People)"),
    ),
    Sheet(
        "Declarations",
        "one row per interest declared at a meeting",
        _sources("meetings.*.declarations.*"),
        parents=(_MEETING,),
    ),
    Sheet(
        "Decisions", "one row per decision taken at a meeting", _sources("meetings.*.decisions.*"), parents=(_MEETING,)
    ),
    Sheet(
        "Confidential items",
        "one row per item a meeting took in private",
        _sources("meetings.*.confidential_items.*"),
        parents=(_MEETING,),
    ),
    Sheet(
        "Policies and documents",
        "one row per policy or document the LEP keeps",
        _named("policies", Policies) + _named("documents", Documents),
        label=("document", "which policy or document"),
    ),
    Sheet(
        "Improvement plan", "one row per action of the LEP's improvement plan", _sources("improvement_plan.actions.*")
    ),
    Sheet(
        "Milestones",
        "one row per milestone of an improvement plan action",
        _sources("improvement_plan.actions.*.milestones.*"),
        parents=(("action", "the id of the action (sheet Improvement plan)"),),
    ),
    Sheet(
        "Yearly reports",
        "one row per yearly document: delivery plans, reports, accounts, statements",
        tuple(Source(("annual_reporting", name, ANY_ITEM), name) for name in _YEARLY),
        label=("report", "which kind of yearly document"),
    ),
    Sheet(
        "Coverage",
        "one row per subject a document covers, covers in part, or does not cover",
        _coverage_sources(),
        label=(
            "document",
            "which document (assurance_framework, policies.whistleblowing, bodies.terms_of_reference ...)",
        ),
        parents=(
            (
                "item",
                "for a body's terms of reference, the body's id; for a yearly report, 1 for the first of its kind "
                "on Yearly reports, 2 for the second ...",
            ),
        ),
        key=("subject", "the subject; others: every subject not listed"),
    ),
    Sheet("General meetings", "one row per annual general meeting", _sources("annual_reporting.general_meetings.*")),
    Sheet(
        "Performance reviews",
        "one row per yearly review with government",
        _sources("annual_reporting.performance_reviews.*"),
    ),
    Sheet(
        "Assurance letters",
        "one row per s151 officer's yearly assurance letter",
        _sources("accountable_body.assurance_letters.*"),
    ),
    Sheet("Monitoring returns", "one row per return to government", _sources("monitoring_returns.*")),
    Sheet("Projects", "one row per application for funding", _sources("projects.*")),
    Sheet("Scrutiny sessions", "one row per scrutiny committee session on the LEP", _sources("scrutiny_sessions.*")),
    Sheet("Complaints", "one row per complaint received", _sources("complaints.*")),
    Sheet("Whistleblowing concerns", "one row per concern raised", _sources("whistleblowing_concerns.*")),
    Sheet(
        "Attestations",
        "one row per recorded judgement on a requirement facts alone cannot decide",
        _sources("attestations.{}"),
        key=("subject", "the requirement judged"),
    ),
)

# The format version is written on the About sheet, not in a column.
ABOUT_KEYS: frozenset[Pattern] = frozenset({("format_version",)})


def _claimed() -> frozenset[Pattern]:
    claimed: set[Pattern] = set(ABOUT_KEYS)
    for sheet in _DECLARED:
        for source in sheet.sources:
            pattern = source.pattern
            if pattern and pattern[-1] in (ANY_ITEM, ANY_KEY):
                claimed.add(pattern[:-1])
            elif pattern:
                claimed.add(pattern)
    return frozenset(claimed)


def _row_columns(sheet: Sheet) -> list[Column]:
    columns: list[Column] = []
    if sheet.label:
        labels = tuple(source.label or "" for source in sheet.sources)
        choices = tuple(dict.fromkeys(labels))
        columns.append(Column(sheet.label[0], "row", sheet.label[1], choices, required=True))
    for name, about in sheet.parents:
        columns.append(Column(name, "row", about, required=sheet.title != "Coverage"))
    if sheet.key:
        choices = (*sorted(SUBJECTS), "others") if sheet.title == "Coverage" else ()
        columns.append(Column(sheet.key[0], "row", sheet.key[1], choices, required=True))
    if sheet.value:
        columns.append(Column(sheet.value[0], "row", sheet.value[1], required=True))
    return columns


@cache
def sheets() -> tuple[Sheet, ...]:
    """Every sheet of a facts workbook, in order, each with its columns read off the facts model."""
    claimed = _claimed()
    laid_out = []
    for sheet in _DECLARED:
        columns = _row_columns(sheet)
        seen = {column.key for column in columns}
        for source in sheet.sources:
            target = annotation_at(source.pattern)
            if not is_model(target):
                continue  # a plain value: the sheet's value column holds it
            for column in flatten(target, source.pattern, claimed, MARKED):
                if column.key not in seen:
                    seen.add(column.key)
                    columns.append(column)
        laid_out.append(Sheet(**{**sheet.__dict__, "columns": tuple(columns)}))
    return tuple(laid_out)


def sheet_named(title: str) -> Sheet | None:
    return next((sheet for sheet in sheets() if sheet.title == title), None)


ABOUT = "About"
LISTS = "Lists"  # the hidden sheet holding each closed vocabulary, for the cells' drop-down lists
