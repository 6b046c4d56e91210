"""Writing facts as a workbook: a sheet per kind of fact, keys and their meaning in two header rows.

Every sheet opens with the facts keys (row 1) and what each column holds in plain words (row 2),
both frozen; dates are date cells; every closed vocabulary (sectors, roles, statuses, found /
not found / partly / not known) is a drop-down list; the About sheet names the facts format.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from govcheck.engine.core.paths import PathKey, is_model
from govcheck.engine.facts.model import FACTS_FORMAT_VERSION, Facts
from govcheck.engine.workbook.cells import to_cell
from govcheck.engine.workbook.columns import (
    ANY_ITEM,
    ANY_KEY,
    NONE_WORD,
    Column,
    annotation_at,
    fields_of,
)
from govcheck.engine.workbook.layout import (
    ABOUT,
    LISTS,
    Sheet,
    Source,
    sheets,
)
from govcheck.engine.workbook.places import column_letter, openpyxl_missing

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FIRST_DATA_ROW = 3
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Row:
    """One row of a sheet: which source it comes from, the items it belongs to, its key, and the item."""

    source: Source
    parents: tuple[str | int, ...]
    key: str | None
    item: Any


@cache
def names_items_by_id(pattern: PathKey) -> bool:
    """Whether the items a pattern ending in ``*`` leads to have ids (else rows name them by number)."""
    target = annotation_at(tuple(str(part) for part in pattern))
    return is_model(target) and any(key == "id" for key, _ in fields_of(target))


def rows_of(data: dict[str, Any], source: Source) -> Iterator[Row]:
    """Each row ``source`` gives from the facts ``data`` (plain data, as a facts file holds it)."""
    pattern = source.pattern

    def walk(value: Any, depth: int, parents: tuple[str | int, ...], key: str | None) -> Iterator[Row]:
        if value is None:
            return
        if depth == len(pattern):
            yield Row(source, parents, key, value)
            return
        part = pattern[depth]
        last = depth == len(pattern) - 1
        if part == ANY_ITEM and isinstance(value, list):
            by_id = names_items_by_id(pattern[: depth + 1])
            for number, item in enumerate(value, start=1):
                name: str | int = str(item.get("id")) if by_id and isinstance(item, dict) else number
                yield from walk(item, depth + 1, parents if last else (*parents, name), key)
        elif part == ANY_KEY and isinstance(value, dict):
            for subject, item in value.items():
                yield from walk(item, depth + 1, parents, str(subject))
        elif isinstance(value, dict):
            yield from walk(value.get(part), depth + 1, parents, key)

    yield from walk(data, 0, (), None)


def dug(value: Any, dotted: str) -> Any:
    """The value at a dotted key below ``value``, or None."""
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def facts_data(facts: Facts) -> dict[str, Any]:
    """The facts as plain data, as a facts file would say them (set values only, keys as written)."""
    data: dict[str, Any] = facts.model_dump(mode="python", by_alias=True, exclude_unset=True, warnings=False)
    if not facts.meetings_recorded:
        data.pop("meetings", None)
    return data


def starter_data(name: str, as_of: dt.date) -> dict[str, Any]:
    """A new LEP's facts: its name, today's date and its board, the rest to be filled in (as ``govcheck init``)."""
    from govcheck.engine.facts.template import slug_for

    return {
        "format_version": FACTS_FORMAT_VERSION,
        "as_of": as_of,
        "organisation": {"id": slug_for(name), "name": name},
        "bodies": [{"id": "board", "name": f"{name} Board", "kind": "board"}],
    }


def workbook_bytes(data: dict[str, Any], file: str = "workbook") -> bytes:
    """The workbook for the facts ``data``, as the bytes of an .xlsx file."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise openpyxl_missing(file) from None
    book = Workbook()
    about = book.active
    assert about is not None
    _about(about, data.get("format_version", FACTS_FORMAT_VERSION))
    vocabularies = _Vocabularies(book)
    for sheet in sheets():
        _sheet(book, sheet, data, vocabularies)
    book.move_sheet(vocabularies.sheet, offset=len(book.sheetnames) - 1 - book.index(vocabularies.sheet))
    stream = io.BytesIO()
    book.save(stream)
    return _dated(stream.getvalue(), data.get("as_of"))


_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def _dated(workbook: bytes, as_of: Any) -> bytes:
    """The workbook with the as-of date as its only date, so the same facts give the same bytes.

    A spreadsheet library stamps the time it saved into the document's properties and into each
    part of the zip; these are set to the facts' as-of date (the zip's own dates to 1980, its first).
    """
    stamp = (as_of.isoformat() if isinstance(as_of, dt.date) else "1980-01-01") + "T00:00:00Z"
    source = zipfile.ZipFile(io.BytesIO(workbook))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _STAMPS.sub(rb"\g<1>" + stamp.encode("ascii") + rb"\2", content)
            target.writestr(
                zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED
            )
    return stream.getvalue()


def _about(sheet: Worksheet, version: Any) -> None:
    from openpyxl.styles import Font

    sheet.title = ABOUT
    sheet.append(["govcheck facts workbook"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["format_version", version])
    sheet.append([])
    sheet.append(
        [
            "Each sheet holds one kind of fact. Row 1 names the facts key of each column and row 2 says "
            "what it holds; write from row 3 down, one row per item. Leave a cell blank where the evidence "
            "does not say: a blank is never read as a failing."
        ]
    )
    sheet.append(
        ["Check the workbook with: govcheck check FILE.xlsx; convert it with: govcheck import FILE.xlsx -o FILE.yaml"]
    )
    sheet.append([])
    sheet.append(["sheet", "one row is"])
    for laid_out in sheets():
        sheet.append([laid_out.title, laid_out.holds])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90


class _Vocabularies:
    """The hidden sheet of closed vocabularies, one per column, that the drop-down lists read."""

    def __init__(self, book: Workbook) -> None:
        self.sheet = book.create_sheet(LISTS)
        self.sheet.sheet_state = "hidden"
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_of(self, choices: tuple[str, ...], yes_no: bool) -> str:
        if choices not in self.ranges:
            column = column_letter(len(self.ranges) + 1)
            for row, choice in enumerate(choices, start=1):
                self.sheet[f"{column}{row}"] = (choice == "TRUE") if yes_no else choice
            self.ranges[choices] = f"{LISTS}!${column}$1:${column}${len(choices)}"
        return self.ranges[choices]


def _sheet(book: Workbook, sheet: Sheet, data: dict[str, Any], vocabularies: _Vocabularies) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    target = book.create_sheet(sheet.title)
    target.append([column.key for column in sheet.columns])
    target.append([f"required: {column.about}" if column.required else column.about for column in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        letter = column_letter(index)
        target[f"{letter}1"].font = Font(bold=True)
        target[f"{letter}2"].font = Font(italic=True)
        target[f"{letter}2"].alignment = Alignment(wrap_text=True, vertical="top")
        target.column_dimensions[letter].width = min(max(len(column.key) + 2, 14), 40)
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}1048576"
        if column.choices and column.kind != "list":
            check = DataValidation(
                type="list", formula1=vocabularies.range_of(column.choices, column.kind == "yes_no"), allow_blank=True
            )
            check.error = f"{column.key}: {column.about}"
            check.errorTitle = "Not one of the values this column takes"
            # A date as found is a date or one of the words: the list offers the words, and lets a date be typed.
            check.showErrorMessage = column.kind != "event"
            target.add_data_validation(check)
            check.add(cells)
    target.freeze_panes = f"A{FIRST_DATA_ROW}"
    target.row_dimensions[2].height = 60
    for number, row in enumerate((row for source in sheet.sources for row in rows_of(data, source)), FIRST_DATA_ROW):
        for index, column in enumerate(sheet.columns, start=1):
            value = _cell(row, column, sheet)
            if value is None:
                continue
            cell = target.cell(number, index)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text, always: a name starting '=' is never a formula in the workbook
            if column.kind in ("date", "event"):
                cell.number_format = DATE_FORMAT


def _cell(row: Row, column: Column, sheet: Sheet) -> Any:
    if sheet.label and column.key == sheet.label[0]:
        return row.source.label
    parent_names = [name for name, _ in sheet.parents]
    if column.key in parent_names:
        place = parent_names.index(column.key)
        return row.parents[place] if place < len(row.parents) else None
    if sheet.key and column.key == sheet.key[0]:
        return row.key
    if sheet.value and column.key == sheet.value[0]:
        return row.item
    value = dug(row.item, column.key)
    if column.kind == "marker":
        return NONE_WORD if value in ([], {}) else None
    cell = to_cell(value, column)
    return cell if not isinstance(cell, dt.datetime) else cell.date()
