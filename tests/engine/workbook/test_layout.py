"""The layout gives every key of the facts model a home in the workbook, and says what each column holds."""

from __future__ import annotations

import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from govcheck.engine.facts.blocks import DateAsFound, Fact
from govcheck.engine.facts.model import Facts
from govcheck.engine.workbook.columns import (
    ANY_ITEM,
    ANY_KEY,
    LayoutError,
    Pattern,
    annotation_at,
    fields_of,
    flatten,
    is_model,
    strip,
)
from govcheck.engine.workbook.layout import (
    ABOUT_KEYS,
    sheets,
)


def leaves(model: type[BaseModel], pattern: Pattern = ()) -> Iterator[Pattern]:
    """Every key of ``model`` that holds a value rather than a section: ``people.*.roles.*.body``, ..."""
    for key, info in fields_of(model):
        annotation, path = strip(info.annotation), (*pattern, key)
        origin = typing.get_origin(annotation)
        if is_model(annotation):
            yield from leaves(annotation, path)
        elif origin is list and is_model(strip(typing.get_args(annotation)[0])):
            yield from leaves(strip(typing.get_args(annotation)[0]), (*path, ANY_ITEM))
        elif origin is dict:
            value = strip(typing.get_args(annotation)[1])
            yield (*path, ANY_KEY)  # the mapping's key itself
            if is_model(value):
                yield from leaves(value, (*path, ANY_KEY))
        else:
            yield path  # a value, a list of values, or a date as found (spelt in its cell)


def homes() -> set[Pattern]:
    found: set[Pattern] = set(ABOUT_KEYS)
    for sheet in sheets():
        for source in sheet.sources:
            if not is_model(annotation_at(source.pattern)):
                found.add(source.pattern[:-1])  # a list of plain values, one per row
            if source.pattern and source.pattern[-1] == ANY_KEY:
                found.add(source.pattern)
            for column in sheet.columns:
                if column.kind not in ("row", "marker"):
                    found.add((*source.pattern, *column.key.split(".")))
    return found


def test_every_key_of_the_facts_model_has_a_column() -> None:
    every = list(leaves(Facts))
    assert len(every) > 300
    homeless = [".".join(path) for path in every if path not in homes()]
    assert homeless == []


def test_a_list_of_sections_no_sheet_holds_is_refused() -> None:
    class Minute(Fact):
        text: str

    class Meeting(Fact):
        minutes: list[Minute] | None = None

    with pytest.raises(LayoutError, match="minutes is a list of sections, and no sheet holds it"):
        flatten(Meeting, ("meetings", ANY_ITEM), frozenset())


def test_a_section_flattens_into_dotted_columns_with_evidence_last() -> None:
    people = next(sheet for sheet in sheets() if sheet.title == "People")
    keys = [column.key for column in people.columns]
    assert keys[:3] == ["id", "name", "sector"]
    assert keys.index("register_of_interests.published_on") < keys.index("register_of_interests.evidence.url")
    assert keys[-4:] == ["evidence.url", "evidence.document", "evidence.section", "evidence.note"]


def test_every_closed_vocabulary_is_a_list_to_choose_from() -> None:
    columns = {(sheet.title, column.key): column for sheet in sheets() for column in sheet.columns}
    assert columns[("People", "sector")].choices == ("private", "public", "he-fe", "vcs", "other")
    assert columns[("Roles", "role")].choices[0] == "chair"
    assert columns[("Coverage", "status")].choices == ("covered", "partly", "not covered", "not known")
    assert columns[("Bodies", "is_membership_complete")].choices == ("TRUE", "FALSE")
    assert "others" in columns[("Coverage", "subject")].choices
    assert columns[("Meetings", "declarations")].kind == "marker"  # none: no declarations, blank: not recorded


def test_every_column_says_what_it_holds() -> None:
    for sheet in sheets():
        assert sheet.holds
        for column in sheet.columns:
            assert column.about, f"{sheet.title}: {column.key}"
    meetings = next(sheet for sheet in sheets() if sheet.title == "Meetings")
    papers = next(column for column in meetings.columns if column.key == "papers_published_on")
    assert "before 2019-05-01" in papers.about
    assert "not found" in papers.about


def test_sheet_titles_are_unique_and_fit_a_spreadsheet() -> None:
    titles = [sheet.title for sheet in sheets()]
    assert len(titles) == len(set(titles))
    assert all(len(title) <= 31 for title in titles)  # the longest title a sheet can have


def test_a_date_as_found_has_every_key_spelt_in_its_cell() -> None:
    spelt = {"month", "before", "after", "between", "is_late", "is_found", "note", "evidence"}
    assert {key for key, _ in fields_of(DateAsFound)} == spelt
