"""The matrix of many LEPs against every rule: goldens in each format, pass rates, totals, the CLI's layout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.core.status import Status
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.matrix import build, lep_anchors
from tests.support.golden import FROZEN_PACK, REPO, SCENARIO_FOLDERS, assert_golden, assess, scenario_files

FORMATS = {"matrix": "txt", "matrix-markdown": "md", "matrix-html": "html", "matrix-csv": "csv"}
# A matrix needs several LEPs: one golden set per scenario folder that has them.
FOLDERS = [folder for folder in SCENARIO_FOLDERS if len(scenario_files(folder)) > 1]


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("format_", FORMATS)
def test_matrix_matches_its_golden_file(folder: str, format_: str, update_golden: bool) -> None:
    assessments = [assess(p) for p in scenario_files(folder)]
    text = RENDERERS[format_].render(assessments, RenderOptions())
    name = folder.rsplit("/", 1)[-1]
    assert_golden(f"matrix-{name}_expected.{FORMATS[format_]}", text, update_golden)


def fixtures():  # type: ignore[no-untyped-def]
    return [assess(p) for p in scenario_files("tests/fixtures")]


def test_pass_rate_counts_only_the_leps_a_rule_applies_to() -> None:
    rows = {row.rule_id: row for group in build(fixtures()).groups for row in group.rows}
    assert rows["registers.committee-members-published"].rate == "1/1 (100%)"  # n/a for two LEPs
    # Not met for one LEP, missing evidence for the one whose meetings are not recorded, n/a for the third.
    assert rows["quorum.quorate-after-withdrawals"].rate == "0/2 (0%)"
    assert rows["complaints.policy-published-and-reviewed"].rate == "2/3 (67%)"
    assert rows["registers.changes-recorded-within-28-days"].rate == "–"  # applies to none


def test_a_rule_missing_from_one_leps_pack_is_left_out_of_its_rate() -> None:
    _empty, exemplar, gappy = fixtures()
    shorter = replace(gappy, findings=tuple(f for f in gappy.findings if f.rule_id != "registers.reviewed-yearly"))
    rows = {row.rule_id: row for group in build([exemplar, shorter]).groups for row in group.rows}
    assert rows["registers.reviewed-yearly"].cells[1] is None
    assert rows["registers.reviewed-yearly"].rate == "1/1 (100%)"
    assert "–" in RENDERERS["matrix"].render([exemplar, shorter], RenderOptions())


def test_rules_are_grouped_by_topic_in_the_packs_order_with_each_leps_totals() -> None:
    matrix = build(fixtures())
    assert [g.topic for g in matrix.groups] == list(fixtures()[0].topics)
    assert matrix.rule_count == 28
    gaps = [t.gap_count for t in matrix.totals()]
    assert gaps == [26, 0, 23]
    assert [t.statuses[Status.MET] for t in matrix.totals()] == [0, 25, 4]
    assert matrix.totals()[2].gaps == {"high": 9, "medium": 10, "low": 4}


def test_csv_matrix_has_a_column_per_lep_and_totals_rows() -> None:
    lines = RENDERERS["matrix-csv"].render(fixtures(), RenderOptions()).split("\r\n")
    assert (
        lines[0]
        == "\ufefftopic,rule_id,title,severity,standing,empty-lep,exemplar-lep,gappy-lep,met,applies_to,pass_rate"
    )
    assert "totals,gaps,,,,26,0,23,,," in lines


def test_lep_anchors_are_unique_when_an_organisation_appears_twice() -> None:
    gappy = fixtures()[2]
    assert lep_anchors([gappy, gappy, replace(gappy, organisation_id="other")]) == ["gappy-lep", "gappy-lep-2", "other"]


@pytest.mark.parametrize(("format_", "first"), [("text", "Matrix: 3 LEPs x 28 rules"), ("markdown", "# Matrix:")])
def test_several_files_give_the_matrix_first_then_each_lep(format_: str, first: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    files = [str(path) for path in scenario_files("tests/fixtures")]
    result = CliRunner().invoke(cli, ["check", *files, "--format", format_, "--pack", str(FROZEN_PACK)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(first)
    assert result.output.index(
        "Gappy Valley LEP", result.output.index("Gap report" if format_ == "markdown" else "pass rate")
    )


def test_one_file_gives_no_matrix(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["check", "tests/fixtures/gappy-lep.yaml", "--pack", str(FROZEN_PACK)])
    assert "Matrix" not in result.output
