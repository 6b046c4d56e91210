"""Reading a workbook: hostile or foreign workbooks refused with a message, text kept as text."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import load_facts
from govcheck.engine.workbook import read
from tests.support.facts import REPO
from tests.support.workbooks import with_cells, workbook_of

GAPPY = REPO / "tests" / "fixtures" / "gappy-lep.yaml"


def test_a_workbook_unpacking_past_the_limit_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "big.xlsx"
    workbook.write_bytes(workbook_of(GAPPY))
    monkeypatch.setattr(read, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(InputError, match=r"big\.xlsx: unpacks to [\d,]+ bytes; the limit is 10,000"):
        load_facts(workbook)


def test_a_workbook_filling_too_many_cells_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = tmp_path / "full.xlsx"
    workbook.write_bytes(workbook_of(GAPPY))
    monkeypatch.setattr(read, "MAX_VALUES", 20)
    with pytest.raises(InputError, match=r"full\.xlsx: fills more than 20 cells \(sheet '\w+', row \d+\)"):
        load_facts(workbook)


def test_a_name_that_looks_like_a_formula_is_written_and_read_as_text(tmp_path: Path) -> None:
    workbook = tmp_path / "gappy.xlsx"
    workbook.write_bytes(workbook_of(GAPPY))
    people = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes()))["People"]
    formula_like = [cell for cell in people["B"] if str(cell.value).startswith("=")]
    assert formula_like
    assert all(cell.data_type == "s" for cell in formula_like)
    names = [person.name for person in load_facts(workbook).facts.people]
    assert '=HYPERLINK("https://evil.example","click")' in names


def test_a_list_said_none_is_empty_and_a_blank_one_is_not_recorded(tmp_path: Path) -> None:
    workbook = tmp_path / "lep.xlsx"
    base = workbook_of(REPO / "tests" / "corpus" / "workbooks" / "_lep.yaml")
    workbook.write_bytes(
        with_cells(base, [{"sheet": "Organisation", "row": 3, "column": "complaints", "value": "none"}])
    )
    assert load_facts(workbook).facts.complaints == []
    workbook.write_bytes(base)
    assert load_facts(workbook).facts.complaints is None
    assert load_facts(workbook).facts.meetings_recorded


def test_meetings_left_blank_and_unlisted_are_not_recorded(tmp_path: Path) -> None:
    workbook = tmp_path / "lep.xlsx"
    workbook.write_bytes(workbook_of(REPO / "tests" / "fixtures" / "empty-lep.yaml"))
    assert not load_facts(workbook).facts.meetings_recorded


def test_a_yearly_report_and_the_subjects_it_covers_read_back(tmp_path: Path) -> None:
    facts = tmp_path / "yearly.yaml"
    facts.write_text(
        "format_version: 2\nas_of: 2020-03-31\norganisation: {id: y-lep, name: Y LEP}\n"
        "annual_reporting:\n  accounts:\n    - {financial_year: 2018-19, published_on: 2019-09-30}\n"
        "    - {financial_year: 2019-20, published_on: 2020-09-30,"
        " coverage: {conflicts-of-interest: '4', others: not covered}}\n",
        encoding="utf-8",
    )
    workbook = tmp_path / "yearly.xlsx"
    workbook.write_bytes(workbook_of(facts))
    accounts = load_facts(workbook).facts.annual_reporting.accounts
    assert accounts is not None
    assert accounts[0].coverage is None
    assert accounts[1].coverage is not None
    assert accounts[1].coverage["conflicts-of-interest"].section == "4"
    assert accounts[1].coverage["others"].status == "not covered"


def test_a_second_row_on_the_organisation_sheet_is_refused(tmp_path: Path) -> None:
    workbook = tmp_path / "two.xlsx"
    base = workbook_of(REPO / "tests" / "corpus" / "workbooks" / "_lep.yaml")
    workbook.write_bytes(
        with_cells(base, [{"sheet": "Organisation", "row": 4, "column": "as_of", "value": "2020-03-31"}])
    )
    with pytest.raises(InputError, match=r"sheet 'Organisation', row 4: repeats row 3: this sheet has one row only"):
        load_facts(workbook)
