"""Golden reports: each bundled example framework in each format, compared byte for byte.

After an intended change, `pytest --update-golden` rewrites tests/golden/*_expected.*;
review that diff like code, since it is what users will see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from tests.support.facts import REPO

FRAMEWORKS = sorted((REPO / "frameworks").glob("*.yaml"))
FORMATS = {"text": "txt", "markdown": "md", "json": "json"}
GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.mark.parametrize("format_", FORMATS)
@pytest.mark.parametrize("framework", FRAMEWORKS, ids=[f.stem for f in FRAMEWORKS])
def test_report_matches_golden(
    framework: Path, format_: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # reports name the facts file as given: keep it relative
    result = CliRunner().invoke(
        cli,
        ["check", f"frameworks/{framework.name}", "--format", format_, "--fail-on", "never"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{framework.stem}_expected.{FORMATS[format_]}"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run `pytest --update-golden` and review it"
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_exemplar_meets_every_rule_and_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["check", "frameworks/exemplar-lep.yaml", "--fail-on", "low"])
    assert result.exit_code == 0, result.stdout
    assert "GAPS" not in result.stdout


def test_typical_gaps_exits_1_with_every_kind_of_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["check", "frameworks/typical-gaps-lep.yaml", "--fail-on", "low"])
    assert result.exit_code == 1
    for mark in ("NOT MET", "PARTIAL", "MISSING"):
        assert mark in result.stdout
