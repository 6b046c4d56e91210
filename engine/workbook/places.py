"""Where each fact of a workbook stood: its sheet, row and column, and problems told at the cell.

A workbook is read into the same plain data a YAML facts file gives, with a ``SourceMap``
like the YAML reader's, so the facts model, the reference checks and the plausibility checks
report workbook mistakes through the code they use for YAML. A position in that map is a
line and a column; here the line carries the sheet as well as the row (the sheet's number
times ``SHEET_STRIDE``, plus the row), so problems keep the order of the workbook, sheet by
sheet and row by row, and ``placed`` turns each into a problem that names the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.paths import PathKey
from govcheck.engine.reading.schema_errors import dotted
from govcheck.engine.reading.yamlsource import SourceMap

# More than a sheet's rows (1,048,576), so a sheet's number and a row share one line number.
SHEET_STRIDE = 1 << 21
INSTALL_HINT = "install the workbook support: pip install 'govcheck[xlsx]'"

_MISSING = re.compile(r"^missing required key '([^']+)'")
# What messages written for YAML say, as a workbook's author would read it.
_WORKBOOK_WORDS = (
    ("{before: DATE}, {after: DATE}, {between: [DATE, DATE]}", "before DATE, after DATE, between DATE and DATE"),
    ("write true for yes", "write TRUE for yes"),
    ("write false for no", "write FALSE for no"),
    ("put it in quotes", "format the cell as text, or type an apostrophe before it"),
)


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA: a column as a spreadsheet names it."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem at a cell: ``lep.xlsx: sheet 'People', cell C5 (sector): ...``."""

    sheet: str = ""
    key: str | None = None  # the column's facts key, where the cell is in a column of facts

    def __str__(self) -> str:
        where = f"{self.file}: sheet {self.sheet!r}"
        if self.line is not None:
            where += f", row {self.line}" if self.column is None else f", cell {column_letter(self.column)}{self.line}"
        if self.key:
            where += f" ({self.key})"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class WorkbookSourceMap(SourceMap):
    """A SourceMap whose positions are cells of a workbook's sheets."""

    sheets: tuple[str, ...] = ()
    # The facts path and column key written in each cell, to name the column rather than the path.
    cells: dict[tuple[int, int], tuple[PathKey, str]] = field(default_factory=dict)
    # Each row's item: its sheet and row, for provenance when a workbook is converted to YAML.
    rows: dict[PathKey, tuple[str, int]] = field(default_factory=dict)
    _row_items: dict[tuple[str, int], PathKey] = field(default_factory=dict, repr=False, compare=False)

    def position(self, sheet: int, row: int, column: int) -> tuple[int, int]:
        return (sheet * SHEET_STRIDE + row, column)

    def line_of(self, path: PathKey) -> int | None:
        # A report cites a file's line; a workbook has none (its problems name the cell instead).
        return None

    def problem(self, sheet: str, row: int | None, column: int | None, message: str, hint: str | None) -> CellProblem:
        return CellProblem(self.file, message, row, column, hint, sheet)

    def placed(self, error: InputError) -> InputError:
        """``error`` with each problem of this workbook told at its sheet and cell."""
        self._row_items = {place: path for path, place in self.rows.items()}
        return InputError([self._placed(problem) for problem in error.problems])

    def _placed(self, problem: Problem) -> Problem:
        if isinstance(problem, CellProblem) or problem.file != self.file or problem.line is None:
            return problem
        message, hint, key = problem.message, problem.hint, None
        line, column = problem.line, problem.column
        missing = _MISSING.match(message)
        row_path = self._row_at(line) if missing else None
        if missing and row_path is not None and (*row_path, *missing.group(1).split(".")) in self.keys:
            # A required key left out is a blank cell in its column: told there, in a sheet's words.
            line, column = self.keys[(*row_path, *missing.group(1).split("."))]
            message, key = "is blank; this column must be filled in", missing.group(1)
        sheet, row = divmod(line, SHEET_STRIDE)
        written = self.cells.get((line, column or 0))
        if written is not None:
            path, key = written
            # "people[2].sector: 'privte' ..." reads, at the cell, as "'privte' ...".
            message = message.removeprefix(f"{dotted(path)}: ")
        row_path = self._row_at(line)
        if row_path:  # "people[0].roles[0].body names ..." reads, on that role's row, as "body names ..."
            message = message.removeprefix(f"{dotted(row_path)}.")
        for yaml_words, words in _WORKBOOK_WORDS:
            message = message.replace(yaml_words, words)
            hint = hint.replace(yaml_words, words) if hint else hint
        title = self.sheets[sheet] if sheet < len(self.sheets) else "?"
        return CellProblem(self.file, message, row, column, hint, title, key)

    def _row_at(self, line: int) -> PathKey | None:
        """The item of the row at ``line``, if a row of items stands there."""
        if line // SHEET_STRIDE >= len(self.sheets):
            return None
        return self._row_items.get((self.sheets[line // SHEET_STRIDE], line % SHEET_STRIDE))


def openpyxl_missing(file: str) -> InputError:
    return InputError.single(file, "is a workbook, and reading or writing workbooks needs openpyxl", hint=INSTALL_HINT)
