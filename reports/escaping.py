"""Making values from facts files inert in each output format."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

# Excel reads a CSV file as the machine's legacy code page unless it opens with a UTF-8 byte order
# mark, so en dashes, accents and curly quotes would arrive garbled; Python reads it with utf-8-sig.
BYTE_ORDER_MARK = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every character Markdown gives a meaning to; & too, so "&amp;" in a name is shown as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def markdown_text(text: str) -> str:
    """Text from facts or rules, made inert in Markdown: no markup, links, HTML or table breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document (RFC 4180 line ends, opening with a UTF-8 byte order mark) whose every cell has gone
    through ``csv_cell``."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(map(csv_cell, row) for row in rows)
    return out.getvalue()


def markdown_code(text: str, in_table: bool = False) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds (a file name may hold any).

    In a table a ``|`` would end the cell even inside a code span, so it is escaped there.
    """
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    span = f"{fence} {text} {fence}" if "`" in text else f"`{text}`"
    return span.replace("|", "\\|") if in_table else span
