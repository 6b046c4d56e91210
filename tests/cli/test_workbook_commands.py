"""The workbook commands: export, init --xlsx, check and validate on .xlsx, and import FILE.xlsx."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.facts.loader import load_facts
from govcheck.engine.workbook.write import facts_data
from tests.support.facts import REPO
from tests.support.workbooks import with_cells

TYPICAL = REPO / "frameworks" / "typical-gaps-lep.yaml"
FORMAT_1 = REPO / "tests" / "fixtures" / "format-1" / "exemplar-lep.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def findings(report: str) -> list[tuple[str, str, str]]:
    document = json.loads(report)
    return [(f["rule_id"], f["status"], f["reason"]) for a in document["assessments"] for f in a["findings"]]


def without_provenance(data: Any) -> Any:
    """The facts with the evidence ``govcheck import`` adds (the workbook's sheet and row) taken out."""
    if isinstance(data, list):
        return [without_provenance(item) for item in data]
    if isinstance(data, dict):
        evidence = data.get("evidence")
        added = isinstance(evidence, dict) and str(evidence.get("section", "")).startswith("sheet ")
        return {k: without_provenance(v) for k, v in data.items() if not (k == "evidence" and added)}
    return data


def test_export_then_check_gives_the_verdicts_of_the_yaml(tmp_path: Path) -> None:
    workbook = tmp_path / "lep.xlsx"
    code, _, err = invoke("export", str(TYPICAL), "-o", str(workbook))
    assert code == 0
    assert "wrote" in err
    yaml_code, yaml_report, _ = invoke("check", str(TYPICAL), "--format", "json")
    xlsx_code, xlsx_report, _ = invoke("check", str(workbook), "--format", "json")
    assert xlsx_code == yaml_code == 1
    assert findings(xlsx_report) == findings(yaml_report)
    assert len(findings(xlsx_report)) > 100


def test_export_writes_only_a_workbook_and_never_over_its_input(tmp_path: Path) -> None:
    code, _, err = invoke("export", str(TYPICAL), "-o", str(tmp_path / "lep.csv"))
    assert code == 2
    assert "is not an .xlsx file name" in err
    workbook = tmp_path / "lep.xlsx"
    assert invoke("export", str(TYPICAL), "-o", str(workbook))[0] == 0
    before = workbook.read_bytes()
    code, _, err = invoke("export", str(workbook), "-o", str(workbook))
    assert code == 2
    assert "govcheck never overwrites its input" in err
    assert workbook.read_bytes() == before


def test_from_init_to_a_gap_report_without_touching_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("init", "X LEP", "--xlsx")
    assert code == 0
    assert "wrote x-lep.xlsx" in out
    workbook = tmp_path / "x-lep.xlsx"
    # What a governance officer types in: the date of the facts, a chair, and a meeting.
    cells = [
        {"sheet": "Organisation", "row": 3, "column": "as_of", "value": dt.date(2020, 3, 31)},
        {"sheet": "People", "row": 3, "column": "id", "value": "jsmith"},
        {"sheet": "People", "row": 3, "column": "name", "value": "J. Smith"},
        {"sheet": "People", "row": 3, "column": "sector", "value": "private"},
        {"sheet": "Roles", "row": 3, "column": "person", "value": "jsmith"},
        {"sheet": "Roles", "row": 3, "column": "body", "value": "board"},
        {"sheet": "Roles", "row": 3, "column": "role", "value": "chair"},
        {"sheet": "Roles", "row": 3, "column": "appointed_on", "value": dt.date(2019, 5, 1)},
        {"sheet": "Meetings", "row": 3, "column": "id", "value": "board-2019-06-20"},
        {"sheet": "Meetings", "row": 3, "column": "body", "value": "board"},
        {"sheet": "Meetings", "row": 3, "column": "held_on", "value": dt.date(2019, 6, 20)},
        {"sheet": "Meetings", "row": 3, "column": "papers_published_on", "value": "late"},
        {"sheet": "Policies and documents", "row": 3, "column": "document", "value": "policies.whistleblowing"},
        {"sheet": "Policies and documents", "row": 3, "column": "published_on", "value": "not found"},
    ]
    workbook.write_bytes(with_cells(workbook.read_bytes(), cells))
    code, _, err = invoke("check", "x-lep.xlsx", "--format", "markdown", "-o", "gaps.md")
    assert code == 1, err
    report = (tmp_path / "gaps.md").read_text(encoding="utf-8")
    assert "X LEP" in report
    code, out, _ = invoke("check", "x-lep.xlsx", "--format", "json")
    statuses = {rule: status for rule, status, _ in findings(out)}
    assert statuses["whistleblowing.policy-published-and-reviewed"] == "not_met"


def test_init_xlsx_does_not_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "lep.xlsx"
    assert invoke("init", "X LEP", "--xlsx", "-o", str(target))[0] == 0
    before = target.read_bytes()
    code, _, err = invoke("init", "Y LEP", "--xlsx", "-o", str(target))
    assert code == 2
    assert "does not overwrite it (add --force)" in err
    assert target.read_bytes() == before
    assert invoke("init", "Y LEP", "--xlsx", "-o", str(target), "--force")[0] == 0
    assert load_facts(target).facts.organisation.id == "y-lep"


def test_import_writes_format_2_yaml_citing_sheet_and_row(tmp_path: Path) -> None:
    workbook, written = tmp_path / "lep.xlsx", tmp_path / "lep.yaml"
    assert invoke("export", str(TYPICAL), "-o", str(workbook))[0] == 0
    code, _, err = invoke("import", str(workbook), "-o", str(written))
    assert code == 0, err
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Facts of ")
    assert "format_version: 2\n" in text
    assert invoke("validate", str(written))[0] == 0
    data = yaml.safe_load(text)
    first = data["people"][0]
    if "evidence" not in load_facts(TYPICAL).facts.people[0].model_dump(exclude_unset=True):
        assert first["evidence"] == {"document": "lep.xlsx", "section": "sheet People, row 3"}
    for attestation in (data.get("attestations") or {}).values():  # their evidence is the judgement's own
        assert "sheet " not in str(attestation.get("evidence", {}).get("section", ""))
    imported = facts_data(load_facts(written).facts)
    assert without_provenance(imported) == without_provenance(facts_data(load_facts(TYPICAL).facts))
    assert findings(invoke("check", str(written), "--format", "json")[1]) == findings(
        invoke("check", str(TYPICAL), "--format", "json")[1]
    )


def test_import_of_a_format_1_workbook_writes_format_2(tmp_path: Path) -> None:
    workbook, written = tmp_path / "old.xlsx", tmp_path / "old.yaml"
    assert invoke("export", str(FORMAT_1), "-o", str(workbook))[0] == 0
    assert invoke("import", str(workbook), "-o", str(written))[0] == 0
    assert "format_version: 2\n" in written.read_text(encoding="utf-8")
    assert findings(invoke("check", str(written), "--format", "json")[1]) == findings(
        invoke("check", str(FORMAT_1), "--format", "json")[1]
    )


def test_import_never_overwrites_the_workbook_and_refuses_other_files(tmp_path: Path) -> None:
    workbook = tmp_path / "lep.xlsx"
    assert invoke("export", str(TYPICAL), "-o", str(workbook))[0] == 0
    before = workbook.read_bytes()
    code, _, err = invoke("import", str(workbook), "-o", str(workbook))
    assert code == 2
    assert "govcheck never overwrites its input" in err
    assert workbook.read_bytes() == before
    code, _, err = invoke("import", str(TYPICAL), "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "is not a workbook (.xlsx)" in err


def test_check_on_a_folder_reads_its_workbooks_but_not_a_spreadsheet_lock_file(tmp_path: Path) -> None:
    assert invoke("export", str(TYPICAL), "-o", str(tmp_path / "typical.xlsx"))[0] == 0
    (tmp_path / "~$typical.xlsx").write_bytes(b"locked by a spreadsheet program")
    code, out, err = invoke("validate", str(tmp_path))
    assert code == 0, err
    assert out.splitlines() == [f"ok: {tmp_path / 'typical.xlsx'} (Northmoor LEP, as of 2020-03-31)"]


def test_without_openpyxl_a_workbook_command_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "lep.xlsx"
    assert invoke("export", str(TYPICAL), "-o", str(workbook))[0] == 0
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    for args in (["check", str(workbook)], ["export", str(TYPICAL), "-o", str(tmp_path / "b.xlsx")]):
        code, _, err = invoke(*args)
        assert code == 2
        assert "pip install 'govcheck[xlsx]'" in err
        assert "Traceback" not in err
