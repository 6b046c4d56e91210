"""What `govcheck check` says about the reports it writes to files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import Assessor, bundled_frameworks

GAPPY = bundled_frameworks() / "typical-gaps-lep.yaml"
EXEMPLAR = bundled_frameworks() / "exemplar-lep.yaml"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_report_written_to_a_file_is_told_in_one_line(tmp_path: Path, jobs: str) -> None:
    args = ["check", str(GAPPY), str(EXEMPLAR), "--jobs", jobs]
    result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "gaps.md"), "-o", str(tmp_path / "r.json")])
    gaps = [f for path in (GAPPY,) for f in Assessor().assess(path).gaps()]
    by_status: dict[str, int] = {}
    for gap in gaps:
        by_status[gap.status.value.replace("_", " ")] = by_status.get(gap.status.value.replace("_", " "), 0) + 1
    counts = ", ".join(f"{n} {status}" for status, n in sorted(by_status.items()))
    summary = f"2 LEPs, {len(gaps)} gaps ({counts})"  # the exemplar has none
    assert result.stderr.splitlines() == [
        f"wrote {tmp_path / 'gaps.md'} (markdown): {summary}",
        f"wrote {tmp_path / 'r.json'} (json): {summary}",
    ]


def test_one_report_streamed_to_a_file_is_told_too(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(EXEMPLAR), "-o", str(tmp_path / "r.txt")])
    assert result.stderr == f"wrote {tmp_path / 'r.txt'} (text): 1 LEP, 0 gaps\n"


def test_a_report_on_standard_output_is_not_told_on_standard_error() -> None:
    result = CliRunner().invoke(cli, ["check", str(EXEMPLAR)])
    assert result.stderr == ""


def test_quiet_writes_no_report_only_the_totals() -> None:
    result = CliRunner().invoke(cli, ["check", str(GAPPY), "--quiet"])
    assert result.exit_code == 1
    assert result.stdout == ""
    gaps = Assessor().assess(GAPPY).gaps()
    assert result.stderr.startswith(f"1 LEP, {len(gaps)} gaps (")


def test_quiet_with_a_baseline_tells_only_what_changed(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    CliRunner().invoke(cli, ["check", str(GAPPY), "-o", str(baseline)])
    result = CliRunner().invoke(cli, ["check", str(GAPPY), "--quiet", "--baseline", str(baseline)])
    assert result.exit_code == 0  # nothing new or worse
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(f"against baseline {baseline}: 0 new, 0 fixed")
