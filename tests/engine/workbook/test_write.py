"""Writing a workbook: the same facts give the same bytes; headers frozen, dates as dates, drop-down lists."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from govcheck.engine.workbook.layout import sheets
from tests.support.facts import REPO
from tests.support.workbooks import workbook_of

EXEMPLAR = REPO / "frameworks" / "exemplar-lep.yaml"


def test_the_same_facts_give_the_same_bytes() -> None:
    assert workbook_of(EXEMPLAR) == workbook_of(EXEMPLAR)


def test_every_sheet_has_its_keys_and_their_meaning_frozen_above_the_facts() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_of(EXEMPLAR)))
    assert book["About"]["A2"].value == "format_version"
    assert book["About"]["B2"].value == 2
    assert book["Lists"].sheet_state == "hidden"
    for sheet in sheets():
        target = book[sheet.title]
        assert target.freeze_panes == "A3"
        assert [cell.value for cell in target[1]] == [column.key for column in sheet.columns]
        assert all(isinstance(cell.value, str) and cell.value for cell in target[2])


def test_dates_are_date_cells_and_vocabularies_are_drop_down_lists() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_of(EXEMPLAR)))
    meetings = book["Meetings"]
    header = [cell.value for cell in meetings[1]]
    held_on = meetings.cell(3, header.index("held_on") + 1)
    assert isinstance(held_on.value, dt.datetime)
    assert held_on.number_format == "yyyy-mm-dd"
    people = book["People"]
    sector = openpyxl.utils.get_column_letter([cell.value for cell in people[1]].index("sector") + 1)
    lists = {str(check.sqref): check for check in people.data_validations.dataValidation}
    check = lists[f"{sector}3:{sector}1048576"]
    assert check.type == "list"
    assert check.showErrorMessage
    column = check.formula1.split("$")[1]
    assert [cell.value for cell in book["Lists"][column] if cell.value] == [
        "private",
        "public",
        "he-fe",
        "vcs",
        "other",
    ]
