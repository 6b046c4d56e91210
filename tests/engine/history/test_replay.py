"""Reproducible records: every result names what it read, and --replay re-runs it and compares verdicts."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from govcheck import __version__
from tests.support.ci import BEFORE, PACK, copy_fixture, run, save_result, waiver, waiver_yaml


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_manifest_names_version_edition_date_and_a_digest_of_each_file_read(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("whistleblowing.policy-published-and-reviewed")))
    manifest = save_result(facts, tmp_path / "r.json", "--waivers", str(waivers))["manifest"]
    assert manifest["govcheck_version"] == __version__
    assert manifest["editions"] == [{"pack": "ci-core", "edition": "January 2019"}]
    assert manifest["as_of"] == ["2020-03-31"]
    inputs = {(i["role"], i["path"]): i["sha256"] for i in manifest["inputs"]}
    assert inputs[("facts", str(facts))] == sha256(facts)
    assert inputs[("waivers", str(waivers))] == sha256(waivers)
    rule_files = sorted(PACK.glob("*.yaml"))
    # A pack given by its folder is recorded by the paths of its files.
    assert {p for r, p in inputs if r == "rules"} == {str(f) for f in rule_files}
    for file in rule_files:
        assert inputs[("rules", str(file))] == sha256(file)


def test_replaying_a_saved_result_reports_identical_verdicts(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("whistleblowing.policy-published-and-reviewed")))
    saved = tmp_path / "r.json"
    save_result(facts, saved, "--waivers", str(waivers), "--as-of", "2020-04-30")
    again = tmp_path / "again.json"
    result = run("check", "--replay", str(saved), "-o", str(again))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"replay of {saved}: verdicts identical for 1 LEP(s) at 2020-04-30\n"
    assert again.read_text(encoding="utf-8") == saved.read_text(encoding="utf-8")


def test_a_changed_facts_file_is_named_with_the_verdicts_that_moved(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    saved = tmp_path / "r.json"
    save_result(facts, saved)
    facts.write_text(facts.read_text(encoding="utf-8").replace("reviewed_on: 2018-01-10", "reviewed_on: 2020-01-10"))
    result = run("check", "--replay", str(saved))
    assert result.exit_code == 1
    assert f"replay of {saved}: verdicts differ at 2020-03-31" in result.stdout
    assert "riverside-lep whistleblowing.policy-published-and-reviewed: was not_met" in result.stdout
    assert "now met" in result.stdout
    assert f"facts file {facts} changed (sha256 " in result.stdout


def test_a_change_that_moves_no_verdict_is_still_named(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("whistleblowing.policy-published-and-reviewed")))
    saved = tmp_path / "r.json"
    save_result(facts, saved, "--waivers", str(waivers))
    waivers.write_text("# reviewed by the audit committee\n" + waivers.read_text(encoding="utf-8"))
    result = run("check", "--replay", str(saved))
    assert result.exit_code == 0
    assert "verdicts identical" in result.stdout
    assert f"waivers file {waivers} changed" in result.stdout


def test_replay_refuses_other_inputs_and_missing_files(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    saved = tmp_path / "r.json"
    save_result(facts, saved)
    conflict = run("check", str(facts), "--replay", str(saved))
    assert conflict.exit_code == 2
    assert "--replay takes its facts, date, pack and waivers from the saved result" in conflict.stderr
    facts.unlink()
    gone = run("check", "--replay", str(saved))
    assert gone.exit_code == 2
    assert f"error: {facts}: does not exist" in gone.stderr


def test_replay_of_a_file_that_is_not_a_result_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"hello": "world"}))
    result = run("check", "--replay", str(bad))
    assert result.exit_code == 2
    assert "is not a govcheck result" in result.stderr


def test_a_saved_result_dated_outside_the_range_is_refused_not_replayed(tmp_path: Path) -> None:
    facts = copy_fixture(BEFORE, tmp_path)
    saved = tmp_path / "r.json"
    document = save_result(facts, saved)
    document["assessments"][0]["as_of"] = "9999-12-31"  # written by hand, or by something else
    saved.write_text(json.dumps(document), encoding="utf-8")
    result = run("check", "--replay", str(saved))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {saved}: assesses riverside-lep at 9999-12-31, outside the dates govcheck works with "
        "(1990-01-01 to 2099-12-31) (replay a result govcheck saved, or correct its as_of)\n"
    )
