"""Workbooks built in the tests from YAML facts, and changed cell by cell, so no binary file is committed."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl

from govcheck.engine.facts.loader import load_facts
from govcheck.engine.workbook.places import column_letter
from govcheck.engine.workbook.write import facts_data, workbook_bytes

_LETTERS = re.compile(r"^[A-Z]{1,3}$")


def workbook_of(facts_path: Path) -> bytes:
    """The workbook ``govcheck export`` writes for a facts file."""
    return workbook_bytes(facts_data(load_facts(facts_path).facts))


def with_cells(workbook: bytes, cells: list[dict[str, Any]]) -> bytes:
    """``workbook`` with each cell set: ``{sheet, row, column, value}``, the column named by its facts key
    (as in row 1) or by its letter; a sheet not in the workbook is added."""
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    for change in cells:
        title = change["sheet"]
        sheet = book[title] if title in book.sheetnames else book.create_sheet(title)
        header = [cell.value for cell in sheet[1]] if sheet.max_row else []
        column = change["column"]
        if column in header:
            letter = column_letter(header.index(column) + 1)
        elif _LETTERS.match(column):
            letter = column
        else:
            raise KeyError(f"sheet {title} has no column {column}")
        sheet[f"{letter}{change['row']}"] = change["value"]
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
