"""Baselines and diffs: gaps new, fixed, persisting and changed, keyed by LEP + rule + item, never by line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from govcheck.engine.core.status import Status
from govcheck.engine.history.baseline import STATUS_RANK, diff
from govcheck.reports.json_reader import parse_result, read_result
from tests.support.ci import AFTER, BEFORE, JSMITH, KLEE, LEP, assess, run, save_result, waiver, waiver_yaml


@pytest.fixture
def results(tmp_path: Path) -> tuple[Path, Path]:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    save_result(BEFORE, before)
    save_result(AFTER, after)
    return before, after


def keys(gaps: Any) -> list[tuple[str, str | None]]:
    return [(gap.key.rule_id, gap.key.item) for gap in gaps]


def test_the_diff_of_the_before_and_after_pair(results: tuple[Path, Path]) -> None:
    before, after = (read_result(path).assessments for path in results)
    found = diff(before, after)
    assert keys(found.new) == [
        ("complaints.confidential-reporting-published", None),  # its yearly review fell due on 1 April
        ("registers.board-members-published", KLEE),
        ("registers.published-within-28-days", KLEE),
        ("registers.reviewed-yearly", KLEE),
    ]
    assert keys(found.fixed) == [
        ("registers.board-members-published", JSMITH),
        ("registers.reviewed-yearly", JSMITH),
        ("whistleblowing.policy-published-and-reviewed", None),
    ]
    assert {found.fixed_now[g.key] for g in found.fixed} == {Status.MET}
    assert keys(found.persisting) == [
        ("induction.pack-covers-essentials", None),
        ("transparency.papers-5-clear-working-days-before", "Riverside LEP Board, 12 Dec 2019"),
        ("whistleblowing.policy-covers-essentials", None),
    ]
    (change,) = found.changed
    assert (change.key.rule_id, change.key.item) == ("registers.published-within-28-days", JSMITH)
    assert (change.old.status, change.new.status, change.worse) == (Status.MISSING_EVIDENCE, Status.NOT_MET, True)
    assert {gap.key.lep for gap in found.new} == {LEP}


def test_the_status_order_is_documented_and_total() -> None:
    assert set(STATUS_RANK) == set(Status)
    order = [Status.MET, Status.MISSING_EVIDENCE, Status.PARTIAL, Status.NOT_MET, Status.ERROR]
    assert [STATUS_RANK[s] for s in order] == sorted(STATUS_RANK[s] for s in order)
    assert len({STATUS_RANK[s] for s in order}) == len(order)


def test_govcheck_diff_lists_and_exits_1_on_new_gaps(results: tuple[Path, Path]) -> None:
    before, after = results
    result = run("diff", str(before), str(after))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "4 new, 3 fixed, 3 persisting, 1 changed in status (1 worse)"
    assert f"  fixed     {LEP} whistleblowing.policy-published-and-reviewed  (now met)" in result.stdout
    assert "  worse     missing_evidence -> not_met" in result.stdout
    reverse = run("diff", str(after), str(before), "--format", "json")
    document = json.loads(reverse.stdout)
    assert len(document["new"]) == 3
    assert len(document["fixed"]) == 4
    assert [c["worse"] for c in document["changed"]] == [False]
    assert reverse.exit_code == 1  # the three gaps fixed in the newer result are new going backwards


def test_check_with_a_baseline_fails_only_on_new_or_worse(results: tuple[Path, Path], tmp_path: Path) -> None:
    before, _ = results
    worse = run("check", str(AFTER), "--baseline", str(before))
    assert worse.exit_code == 1
    assert f"against baseline {before}: 4 new, 3 fixed" in worse.stderr
    # The same LEP with only fixes since the baseline passes, though gaps persist.
    fixed_only = tmp_path / "riverside.yaml"
    fixed_only.write_text(
        BEFORE.read_text(encoding="utf-8").replace(
            "adopted_on: 2018-01-10, reviewed_on: 2018-01-10}", "adopted_on: 2018-01-10, reviewed_on: 2020-03-01}"
        )
    )
    passed = run("check", str(fixed_only), "--baseline", str(before))
    assert passed.exit_code == 0, passed.stderr
    assert "0 new, 1 fixed, 6 persisting, 0 changed in status (0 worse)" in passed.stderr
    assert "fixed     riverside-lep whistleblowing.policy-published-and-reviewed  (now met)" in passed.stderr
    assert run("check", str(fixed_only)).exit_code == 1  # without the baseline, the persisting gaps fail


def test_new_gaps_below_fail_on_or_warned_missing_evidence_do_not_fail(results: tuple[Path, Path]) -> None:
    before, _ = results
    # After: the new high-severity gaps are K. Lee's missing registers; the worse one is high too.
    assert run("check", str(AFTER), "--baseline", str(before), "--fail-on", "high").exit_code == 1
    waivers = Path(before).parent / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("registers.published-within-28-days", JSMITH)))
    # With J. Smith's late register waived, the new gaps are missing evidence or medium (confidential reporting).
    warned = run(
        "check",
        str(AFTER),
        "--baseline",
        str(before),
        "--waivers",
        str(waivers),
        "--fail-on",
        "high",
        "--missing-evidence",
        "warn",
    )
    assert warned.exit_code == 0, warned.stderr


def test_gaps_are_matched_by_rule_and_item_never_by_line(tmp_path: Path, results: tuple[Path, Path]) -> None:
    moved = tmp_path / "moved.yaml"
    lines = BEFORE.read_text(encoding="utf-8").splitlines(keepends=True)
    moved.write_text("".join(["# moved\n", "\n", *lines]))
    result = run("check", str(moved), "--baseline", str(results[0]))
    assert result.exit_code == 0
    assert "0 new, 0 fixed, 7 persisting" in result.stderr


def test_a_lep_not_reassessed_is_neither_fixed_nor_kept(results: tuple[Path, Path]) -> None:
    before = read_result(results[0]).assessments
    other = assess(AFTER)
    renamed = [replace(other, organisation_id="hill-lep")]
    found = diff(before, renamed)
    assert found.fixed == ()
    assert found.not_reassessed == (LEP,)


def test_the_json_report_follows_its_published_schema(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("registers.board-members-published", "klee")))
    document = save_result(AFTER, tmp_path / "r.json", "--waivers", str(waivers))
    schema = json.loads(run("schema", "--report").stdout)
    jsonschema.Draft202012Validator(schema).validate(document)
    manifest = document["manifest"]
    assert {i["role"] for i in manifest["inputs"]} == {"facts", "rules", "waivers"}
    assert manifest["editions"] == [{"pack": "ci-core", "edition": "January 2019"}]


def test_a_result_read_back_gives_the_same_report(results: tuple[Path, Path]) -> None:
    from govcheck.reports import RENDERERS, RenderOptions

    text = results[1].read_text(encoding="utf-8")
    again = RENDERERS["json"].render(parse_result(text, "after.json").assessments, RenderOptions())
    assert again == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "after.json:1:1: is not a govcheck result: not JSON"),
        ('{"assessments": []}', 'is not a govcheck result (it has no "schema": "govcheck-report")'),
        ("[1, 2]", "is not a govcheck result"),
        ('{"schema": "govcheck-report", "schema_version": 9}', "report schema 9; this govcheck reads versions 1 to 2"),
        (
            '{"schema": "govcheck-report", "schema_version": 1, "govcheck_version": "0.1.0", "assessments": [{}]}',
            "assessments[0].organisation: Field required",
        ),
    ],
)
def test_a_file_that_is_not_a_govcheck_result_is_exit_2(
    results: tuple[Path, Path], tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "after.json"
    bad.write_text(content)
    for args in (["diff", str(results[0]), str(bad)], ["check", str(AFTER), "--baseline", str(bad)]):
        result = run(*args)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.output
    assert "does not exist" in run("diff", str(tmp_path / "nothing.json"), str(bad)).stderr


def test_results_written_before_the_manifest_still_read(results: tuple[Path, Path], tmp_path: Path) -> None:
    document = json.loads(results[0].read_text(encoding="utf-8"))
    del document["manifest"]
    for assessment in document["assessments"]:
        del assessment["inputs"], assessment["waivers"], assessment["pack"]["source"]
        for finding in assessment["findings"]:
            finding.pop("waivers", None)  # left out of version 2 when empty
            finding.pop("status_before_waiver", None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document))
    assert run("diff", str(old), str(results[0])).stdout.startswith("0 new, 0 fixed, 7 persisting")
