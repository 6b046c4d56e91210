"""Making values from facts files inert in each output format."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def markdown_text(text: str) -> str:
    """Text from facts or rules, made inert in Markdown: no markup, links, HTML or table breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document (RFC 4180 line ends) whose every cell has gone through ``csv_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(map(csv_cell, row) for row in rows)
    return out.getvalue()
