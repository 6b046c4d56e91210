"""The CSV gap report: goldens, one row per LEP and rule, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.csv_report import COLUMNS
from tests.support.facts import facts_from
from tests.support.golden import assert_golden, assess, scenario_files, scenario_name, scenarios


@pytest.mark.parametrize("path", scenarios(), ids=scenario_name)
def test_csv_report_matches_its_golden_file(path: Path, update_golden: bool) -> None:
    assert_golden(
        f"{scenario_name(path)}_expected.csv", RENDERERS["csv"].render([assess(path)], RenderOptions()), update_golden
    )


def test_one_row_per_lep_and_rule() -> None:
    assessments = [assess(p) for p in scenario_files("tests/fixtures")]
    text = RENDERERS["csv"].render(assessments, RenderOptions())
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    assert len(rows) == sum(len(a.findings) for a in assessments)
    assert tuple(rows[0]) == COLUMNS
    late = next(
        r for r in rows if r["organisation_id"] == "gappy-lep" and r["rule_id"] == "registers.published-within-28-days"
    )
    assert late["status"] == "partial"
    assert late["is_gap"] == "yes"
    assert late["passed"] == "3"
    assert late["total"] == "5"
    assert "register published 14 Jul 2019, 41 days after appointment" in late["failing_items"]


def test_values_that_look_like_formulas_are_shown_as_text() -> None:
    facts = facts_from(
        """
        as_of: 2020-03-31
        organisation: {id: x, name: "=cmd|' /C calc'!A0"}
        bodies: [{id: board, name: "+Board", kind: board}]
        people:
          - {id: p, name: "@SUM(1)", roles: [{body: board, appointed_on: 2019-01-01}]}
        """
    )
    rows = list(csv.reader(io.StringIO(RENDERERS["csv"].render([Assessor().assess_file(facts)], RenderOptions()))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert any(cell.startswith("'@SUM(1)") for cell in cells)


@pytest.mark.parametrize("format_", ["csv", "plan-csv", "matrix-csv"])
def test_csv_files_open_with_a_byte_order_mark_so_excel_reads_them_as_utf_8(format_: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govcheck.cli.main import cli

    out = tmp_path / "report.csv"
    facts = Path(__file__).resolve().parents[1] / "fixtures" / "gappy-lep.yaml"
    result = CliRunner().invoke(cli, ["check", str(facts), "--format", format_, "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header[0] in ("organisation_id", "lep", "topic", "organisation")
    assert "–" in data.decode("utf-8-sig") or format_ != "csv"  # the en dashes Excel used to garble
