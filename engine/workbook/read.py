"""Reading a workbook into the plain data a YAML facts file gives, with the cell of every value.

The data then goes through the same validation, reference checks and plausibility checks as
YAML (``engine/facts/loader.py``). What only a workbook can get wrong is told here, at its cell:
an unknown sheet or column, a row naming an item that no sheet lists, a mapping key written twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import typing
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.identity import identity
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.reading.files import read_bounded
from govcheck.engine.reading.yamllimits import MAX_FILE_BYTES, MAX_VALUES
from govcheck.engine.workbook.cells import from_cell, is_blank
from govcheck.engine.workbook.columns import (
    ANY_ITEM,
    ANY_KEY,
    NONE_WORD,
    Column,
    annotation_at,
    pattern_of,
)
from govcheck.engine.workbook.layout import (
    ABOUT,
    LISTS,
    Sheet,
    Source,
    sheets,
)
from govcheck.engine.workbook.places import CellProblem, WorkbookSourceMap, column_letter, openpyxl_missing
from govcheck.engine.workbook.plain import list_at, set_at, value_at
from govcheck.engine.workbook.write import FIRST_DATA_ROW, names_items_by_id

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# A workbook is a zip of XML parts: what it may unpack to, and how many cells it may fill (as many
# as the values a YAML facts file may hold).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
WORKBOOK_HINT = "save it from your spreadsheet program as an Excel workbook (.xlsx)"


def read_workbook(path: Path) -> tuple[dict[str, Any], WorkbookSourceMap, str]:
    """The facts data a workbook holds, where each value stood, and the digest of its bytes."""
    try:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:
        raise openpyxl_missing(str(path)) from None
    data = read_bounded(path, MAX_FILE_BYTES, what="a workbook", hint=WORKBOOK_HINT, directory_hint=None)
    try:
        _check_unpacked_size(data, str(path))
        # data_only: a formula cell is read as the value the spreadsheet program last computed for it.
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, SyntaxError) as error:
        reason = "it is not a zip archive" if isinstance(error, zipfile.BadZipFile) else str(error)
        raise InputError.single(
            str(path), f"cannot be read as an .xlsx workbook: {reason}", hint=WORKBOOK_HINT
        ) from None
    reader = _Reader(str(path), [ABOUT, *(sheet.title for sheet in sheets())])
    reader.read(book.worksheets)
    if reader.problems:
        raise InputError(reader.problems)
    return reader.data, reader.source, hashlib.sha256(data).hexdigest()


def _check_unpacked_size(data: bytes, file: str) -> None:
    """Refuse a workbook that would unpack to more than ``MAX_UNPACKED_BYTES`` (a "zip bomb"), before unpacking it.

    Each part is read no further than the size its entry declares, so the declared sizes bound the work.
    """
    unpacked = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(data)).infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError.single(
            file,
            f"unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}",
            hint="a LEP's facts workbook unpacks to a few megabytes; check it is the right file",
        )


@dataclass
class _Marker:
    path: PathKey
    position: tuple[int, int]
    sheet: str
    row: int
    column: int
    key: str
    empty: Any

    @property
    def each(self) -> str:
        return ANY_KEY if isinstance(self.empty, dict) else ANY_ITEM


class _Reader:
    def __init__(self, file: str, titles: list[str]) -> None:
        self.file = file
        self.titles = titles
        self.source = WorkbookSourceMap(file, sheets=tuple(titles))
        self.data: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.markers: list[_Marker] = []
        self.filled = 0  # cells read that are not blank

    def problem(self, sheet: str, row: int | None, column: int | None, message: str, hint: str | None = None) -> None:
        self.problems.append(self.source.problem(sheet, row, column, message, hint))

    def read(self, worksheets: Sequence[Worksheet | Any]) -> None:
        known = [*self.titles, LISTS]
        for worksheet in worksheets:
            if worksheet.title not in known:
                self.problem(
                    worksheet.title,
                    None,
                    None,
                    "is not a sheet of a facts workbook" + did_you_mean(worksheet.title, known),
                    "rename it, or move it to another workbook",
                )
        present = {worksheet.title: worksheet for worksheet in worksheets}
        if ABOUT not in present:
            raise InputError.single(
                self.file, "has no About sheet naming its facts format", hint="start from govcheck init NAME --xlsx"
            )
        self._about(present[ABOUT])
        for sheet in sheets():  # in the layout's order: the items a row names are read before it
            if sheet.title in present:
                self._sheet(sheet, present[sheet.title], self.titles.index(sheet.title))
        for marker in self.markers:
            self._marker(marker)

    def _about(self, worksheet: Worksheet) -> None:
        for row in worksheet.iter_rows(min_row=1, max_col=2):
            if row[0].value == "format_version":
                self.data["format_version"] = from_cell(row[1].value, Column("format_version", "whole", ""))
                position = self.source.position(0, row[0].row, 2)
                self.source.values[("format_version",)] = position
                self.source.keys[("format_version",)] = position
                return
        self.problem(ABOUT, None, None, "does not name the facts format", "a row with format_version in A and 2 in B")

    def _sheet(self, sheet: Sheet, worksheet: Worksheet, index: int) -> None:
        columns = self._header(sheet, worksheet)
        if columns is None:
            return
        self._second_row(sheet, worksheet, columns)
        taken: dict[PathKey, int] = {}
        for number, row in enumerate(worksheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True), FIRST_DATA_ROW):
            values = {place: value for place, value in enumerate(row, start=1) if place in columns}
            if all(is_blank(value) for value in values.values()):
                continue
            self.filled += sum(not is_blank(value) for value in values.values())
            if self.filled > MAX_VALUES:
                raise InputError.single(
                    self.file,
                    f"fills more than {MAX_VALUES:,} cells (sheet {sheet.title!r}, row {number})",
                    hint="a LEP's facts fill a few thousand; check it is the right file",
                )
            self._row(sheet, index, number, columns, values, taken)

    def _second_row(self, sheet: Sheet, worksheet: Worksheet, columns: dict[int, Column]) -> None:
        # Row 2 says in words what each column holds; a date, a number or TRUE there is a row of facts
        # written where the words were (the words deleted), which would otherwise go unread.
        second = next(worksheet.iter_rows(min_row=2, max_row=2, values_only=True), ())
        for place, value in enumerate(second, start=1):
            if place in columns and not is_blank(value) and not isinstance(value, str):
                self.problems.append(
                    CellProblem(
                        self.file,
                        "holds a value, but row 2 says what each column holds; the facts start in row 3",
                        2,
                        place,
                        "insert a row above this one, or move the facts down a row",
                        sheet.title,
                        columns[place].key,
                    )
                )
                return

    def _header(self, sheet: Sheet, worksheet: Worksheet) -> dict[int, Column] | None:
        by_key = {column.key: column for column in sheet.columns}
        columns: dict[int, Column] = {}
        seen: dict[str, int] = {}
        for place, value in enumerate(next(worksheet.iter_rows(min_row=1, max_row=1, values_only=True), ()), start=1):
            if is_blank(value):
                continue
            key = str(value).strip()
            if key not in by_key:
                self.problem(
                    sheet.title,
                    1,
                    place,
                    f"unknown column {key!r}" + did_you_mean(key, by_key),
                    "row 1 holds the facts keys; govcheck export or init --xlsx writes them",
                )
            elif key in seen:
                first = column_letter(seen[key])
                self.problem(sheet.title, 1, place, f"column {key!r} is written twice (first in column {first})")
            else:
                seen[key] = place
                columns[place] = by_key[key]
        return columns

    def _row(
        self,
        sheet: Sheet,
        index: int,
        number: int,
        columns: dict[int, Column],
        values: dict[int, Any],
        taken: dict[PathKey, int],
    ) -> None:
        cell_of = {column.key: (place, values.get(place)) for place, column in columns.items()}

        def row_value(name: str) -> tuple[int | None, Any]:
            place, value = cell_of.get(name, (None, None))
            return place, (None if is_blank(value) else (value.strip() if isinstance(value, str) else value))

        source = self._source(sheet, number, row_value)
        if source is None:
            return
        path = self._place(sheet, source, number, row_value, taken)
        if path is None:
            return
        # The row's item stands at its mapping key where it has one (a subject), else at its first cell.
        key_place = row_value(sheet.key[0])[0] if sheet.key else None
        first = key_place or (min(columns) if columns else 1)
        self.source.values.setdefault(path, self.source.position(index, number, first))
        self.source.keys.setdefault(path, self.source.position(index, number, first))
        self.source.rows.setdefault(path, (sheet.title, number))
        for place, column in columns.items():
            if column.kind == "row":
                continue
            cell_path = (*path, *column.key.split("."))
            position = self.source.position(index, number, place)
            self.source.keys.setdefault(cell_path, position)
            raw = values.get(place)
            if is_blank(raw):
                continue
            self.source.cells[position] = (cell_path, column.key)
            if column.kind == "marker":
                if isinstance(raw, str) and raw.strip().lower() == NONE_WORD:
                    empty: Any = {} if typing.get_origin(annotation_at(pattern_of(cell_path))) is dict else []
                    self.markers.append(_Marker(cell_path, position, sheet.title, number, place, column.key, empty))
                else:
                    self.problem(sheet.title, number, place, f"{raw!r} is not {NONE_WORD!r}", _marker_hint(column))
                continue
            value = from_cell(raw, column)
            for depth in range(len(path) + 1, len(cell_path)):  # a section stands where its first value does
                self.source.values.setdefault(cell_path[:depth], position)
            self.source.values[cell_path] = position
            if not isinstance(raw, str) and not isinstance(raw, (dt.date, bool)):
                self.source.raw[cell_path] = str(raw)
            set_at(self.data, cell_path, value)

    def _source(
        self, sheet: Sheet, number: int, row_value: typing.Callable[[str], tuple[int | None, Any]]
    ) -> Source | None:
        if sheet.label is None:
            return sheet.sources[0]
        place, label = row_value(sheet.label[0])
        found = next((source for source in sheet.sources if source.label == label), None)
        if found is None:
            labels = list(dict.fromkeys(source.label or "" for source in sheet.sources))
            what = "is blank" if label is None else f"says {label!r}"
            self.problem(
                sheet.title,
                number,
                place,
                f"column {sheet.label[0]!r} {what}: it must name {sheet.label[1]}"
                + did_you_mean(str(label or ""), labels),
                "choose from the drop-down list",
            )
        return found

    def _place(
        self,
        sheet: Sheet,
        source: Source,
        number: int,
        row_value: typing.Callable[[str], tuple[int | None, Any]],
        taken: dict[PathKey, int],
    ) -> PathKey | None:
        """Where the row's item goes in the data: its list, its mapping key, or its own place."""
        pattern = source.pattern
        path: list[str | int] = []
        parents = iter(sheet.parents)
        for depth, part in enumerate(pattern):
            last = depth == len(pattern) - 1
            if part == ANY_ITEM and not last:
                name, _ = next(parents)
                found = self._parent(sheet, number, row_value(name), (*path,), pattern[: depth + 1])
                if found is None:
                    return None
                path.append(found)
            elif part == ANY_ITEM:
                items = list_at(self.data, tuple(path))
                if sheet.value is not None:
                    _, value = row_value(sheet.value[0])
                    items.append(str(value) if isinstance(value, (int, float)) else value)
                else:
                    items.append({})
                path.append(len(items) - 1)
            elif part == ANY_KEY:
                assert sheet.key is not None
                place, key = row_value(sheet.key[0])
                if key is None:
                    self.problem(sheet.title, number, place, f"column {sheet.key[0]!r} is blank", sheet.key[1])
                    return None
                path.append(str(key))
            else:
                path.append(part)
        whole = tuple(path)
        if whole in taken and (not pattern or pattern[-1] != ANY_ITEM):
            named_by = sheet.label or sheet.key
            each = f"one row per {named_by[0]}" if named_by else "one row only, the LEP's own"
            self.problem(
                sheet.title, number, None, f"repeats row {taken[whole]}: this sheet has {each}", "merge the rows"
            )
            return None
        taken[whole] = number
        # A row with only its label or key still says the section is there (a policy "not known").
        if whole and pattern[-1] != ANY_ITEM and value_at(self.data, whole) is None:
            set_at(self.data, whole, {})
        return whole

    def _parent(
        self,
        sheet: Sheet,
        number: int,
        cell: tuple[int | None, Any],
        at: PathKey,
        pattern: tuple[str, ...],
    ) -> int | None:
        """The index of the item a row names in a parent column (by id, or by number for items without one)."""
        place, name = cell
        items = value_at(self.data, at)
        items = items if isinstance(items, list) else []
        holder = _holder(pattern)
        if name is None:
            self.problem(sheet.title, number, place, f"names no item of {holder}", "fill in the column")
            return None
        if names_items_by_id(pattern):
            ids = [str(item.get("id")) for item in items if isinstance(item, dict)]
            matches = [i for i, item_id in enumerate(ids) if identity(item_id) == identity(str(name))]
            if matches:
                return matches[0]
            listed = ", ".join(ids[:10]) if ids else "none"
            self.problem(
                sheet.title,
                number,
                place,
                f"names {name!r}, which {holder} does not list" + did_you_mean(str(name), ids),
                f"listed: {listed}",
            )
            return None
        if isinstance(name, int) and 1 <= name <= len(items):
            return name - 1
        self.problem(sheet.title, number, place, f"{name!r} is not the number of a row of {holder} (1 to {len(items)})")
        return None

    def _marker(self, marker: _Marker) -> None:
        present = value_at(self.data, marker.path)
        if present:
            self.problems.append(
                CellProblem(
                    self.file,
                    f"says {NONE_WORD}, yet {_holder((*pattern_of(marker.path), marker.each))} lists {len(present)}",
                    marker.row,
                    marker.column,
                    "clear the cell, or remove the rows",
                    marker.sheet,
                    marker.key,
                )
            )
            return
        set_at(self.data, marker.path, marker.empty)
        self.source.values[marker.path] = marker.position


def _marker_hint(column: Column) -> str:
    return f"write {NONE_WORD} where there are none, or leave it blank ({column.about})"


def _holder(pattern: tuple[str, ...]) -> str:
    """The sheet whose rows are the items ``pattern`` leads to, as a message names it."""
    holders = {source.pattern: sheet.title for sheet in sheets() for source in sheet.sources}
    return f"sheet {holders.get(pattern, '.'.join(pattern))!r}"
