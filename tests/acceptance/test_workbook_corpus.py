"""The corpus of mistakes in workbooks: each gives exactly its expected messages, at its sheet and cell, exit 2.

Each case ``tests/corpus/workbooks/CASE.yaml`` says which cells to change in the workbook of
``_lep.yaml`` (or, with ``text:``, what else the file holds); the test builds that workbook,
runs ``govcheck validate CASE.xlsx`` and compares the output with ``CASE.expected``. After an
intended change to a message, ``pytest --update-golden`` rewrites the expected files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govcheck.cli.main import cli
from tests.support.workbooks import with_cells, workbook_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "workbooks"
BASE = CORPUS / "_lep.yaml"
CASES = sorted(path for path in CORPUS.glob("*.yaml") if not path.name.startswith("_"))
# Every problem names the workbook and the sheet, and, where a cell is at fault, its column letter and row.
AT_A_CELL = re.compile(r"^error: [^:]+\.xlsx: sheet '[^']+', cell [A-Z]+\d+( \([a-z_.]+\))?: \S")
AT_A_SHEET = re.compile(r"^error: [^:]+\.xlsx: sheet '[^']+': \S")
WHOLE_FILE = re.compile(r"^error: [^:]+\.xlsx: cannot be read as an \.xlsx workbook")


def test_the_corpus_has_cases_each_with_its_expected_messages() -> None:
    assert len(CASES) >= 15
    missing = [case.name for case in CASES if not case.with_suffix(".expected").is_file()]
    assert not missing, f"cases without a .expected file (run pytest --update-golden, then review): {missing}"
    orphans = {path.stem for path in CORPUS.glob("*.expected")} - {case.stem for case in CASES}
    assert not orphans, f".expected files without a case: {orphans}"


def test_the_base_is_a_valid_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.xlsx").write_bytes(workbook_of(BASE))
    result = CliRunner().invoke(cli, ["validate", "base.xlsx"])
    assert result.exit_code == 0, result.output
    assert result.output == "ok: base.xlsx (Case LEP, as of 2020-03-31)\n"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_workbook_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    workbook = tmp_path / f"{case.stem}.xlsx"
    if "text" in spec:
        workbook.write_text(spec["text"], encoding="utf-8")
    else:
        workbook.write_bytes(with_cells(workbook_of(BASE), spec["cells"]))
    before = workbook.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", workbook.name])
    lines = (result.stdout + result.stderr).splitlines()
    expected = case.with_suffix(".expected")
    if update_golden:
        expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected.read_text(encoding="utf-8").splitlines()
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for line in lines:
        assert AT_A_CELL.match(line) or AT_A_SHEET.match(line) or WHOLE_FILE.match(line), f"not placed: {line}"
    assert workbook.read_bytes() == before  # nothing read is ever changed
