"""SARIF: valid against the official 2.1.0 schema, a rule per requirement, a result per gap at the facts line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.packs.loading import load_pack
from govcheck.reports import RENDERERS, RenderOptions, format_for_extension
from govcheck.reports.sarif import artifact_uri
from tests.support.ci import AFTER, BEFORE, JSMITH, KLEE, copy_fixture, run, waiver, waiver_yaml
from tests.support.ci import PACK as CI_PACK
from tests.support.sarif import SCHEMA, SCHEMA_FILE, SCHEMA_SHA256, VALIDATOR, valid
from tests.support.strategies import facts_data


def sarif_of(*args: str) -> dict[str, Any]:
    result = run("check", *args, "--format", "sarif")
    assert result.exit_code in (0, 1), result.output
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_the_vendored_schema_is_the_official_one() -> None:
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def test_the_schema_catches_a_broken_log() -> None:
    # The validation below means something only if the schema refuses what SARIF forbids.
    log = sarif_of(str(BEFORE))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(VALIDATOR.iter_errors(log))


def test_a_run_validates_with_a_rule_per_requirement_and_a_result_per_gap() -> None:
    log = sarif_of(str(BEFORE))
    valid(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    pack = load_pack(CI_PACK)
    assert [r["id"] for r in rules] == [r.id for r in pack.rules]
    on_time = next(r for r in rules if r["id"] == "registers.published-within-28-days")
    assert "Best Practice Guidance ch.5" in on_time["fullDescription"]["text"]
    assert "ROI-02" in on_time["properties"]["tags"]
    assert on_time["help"]["text"].startswith("Publish each late or missing register")
    assert on_time["defaultConfiguration"]["level"] == "error"
    report = json.loads(run("check", str(BEFORE), "--format", "json").stdout)
    gaps = [
        f["rule_id"]
        for f in report["assessments"][0]["findings"]
        if f["status"] in ("partial", "not_met", "missing_evidence", "error")
    ]
    assert [r["ruleId"] for r in sarif_run["results"]] == gaps
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def entry_lines(lines: list[str], marker: str) -> range:
    """The 1-based line numbers of the list entry that starts with ``- id: ...`` containing ``marker``."""
    start = next(n for n, line in enumerate(lines, 1) if marker in line)
    end = next((n for n, line in enumerate(lines, 1) if n > start and line.lstrip().startswith("- ")), len(lines))
    return range(start, end)


def test_results_sit_at_the_facts_file_and_line_of_the_evidence() -> None:
    log = sarif_of(str(BEFORE))
    lines = BEFORE.read_text(encoding="utf-8").splitlines()
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    register = results["registers.board-members-published"]["locations"][0]["physicalLocation"]
    assert register["artifactLocation"]["uri"] == artifact_uri(str(BEFORE))
    assert register["region"]["startLine"] in entry_lines(lines, "id: jsmith")
    assert "role: member" in lines[register["region"]["startLine"] - 1]  # the seat that needs the register
    papers = results["transparency.papers-5-clear-working-days-before"]["locations"][0]["physicalLocation"]
    assert papers["region"]["startLine"] in entry_lines(lines, "id: board-2019-12-12")
    policy = results["whistleblowing.policy-published-and-reviewed"]["locations"][0]["physicalLocation"]
    assert "whistleblowing:" in lines[policy["region"]["startLine"] - 1]
    assert JSMITH in results["registers.board-members-published"]["message"]["text"]


def test_relative_paths_stay_relative_so_code_scanning_finds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_fixture(AFTER, tmp_path / "frameworks", "riverside lep.yaml")
    monkeypatch.chdir(tmp_path)
    log = sarif_of("frameworks/riverside lep.yaml")
    valid(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"frameworks/riverside%20lep.yaml"}
    assert (
        log["runs"][0]["artifacts"][0]["hashes"]["sha-256"]
        == hashlib.sha256((tmp_path / "frameworks" / "riverside lep.yaml").read_bytes()).hexdigest()
    )
    assert artifact_uri("/srv/facts/a b.yaml") == "file:///srv/facts/a%20b.yaml"


def test_levels_follow_severity_and_missing_evidence_can_be_a_warning() -> None:
    results = {r["ruleId"]: r for r in sarif_of(str(AFTER))["runs"][0]["results"]}
    assert results["registers.board-members-published"]["level"] == "error"  # high, missing evidence
    assert results["complaints.confidential-reporting-published"]["level"] == "warning"  # medium
    assert results["registers.reviewed-yearly"]["level"] == "note"  # low
    warned = {r["ruleId"]: r for r in sarif_of(str(AFTER), "--missing-evidence", "warn")["runs"][0]["results"]}
    assert warned["registers.board-members-published"]["level"] == "warning"
    assert warned["registers.published-within-28-days"]["level"] == "error"  # J. Smith's is late, not missing


def test_waived_gaps_are_suppressed_results_and_waiver_problems_are_notifications(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        waiver_yaml(
            waiver("registers.board-members-published", "klee", expires="2020-10-15"),
            waiver("complaints.policy-published-and-reviewed"),
        )
    )
    log = sarif_of(str(AFTER), "--waivers", str(waivers))
    valid(log)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "registers.board-members-published"]
    (suppression,) = result["suppressions"]
    assert (suppression["kind"], suppression["status"]) == ("external", "accepted")
    assert "approved by S. Officer" in suppression["justification"]
    assert result["properties"]["waivedItems"] == [KLEE]
    notes = [n["message"]["text"] for n in log["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
    assert any("expires on 2020-10-15" in n for n in notes)
    assert any("complaints.policy-published-and-reviewed" in n and "matches no gap" in n for n in notes)


def test_fingerprints_do_not_depend_on_lines(tmp_path: Path) -> None:
    moved = tmp_path / "riverside.yaml"
    moved.write_text("# a comment that moves every line down\n\n" + BEFORE.read_text(encoding="utf-8"))
    before = {r["ruleId"]: r for r in sarif_of(str(BEFORE))["runs"][0]["results"]}
    after = {r["ruleId"]: r for r in sarif_of(str(moved))["runs"][0]["results"]}
    assert before.keys() == after.keys()
    for rule_id, result in before.items():
        assert result["partialFingerprints"] == after[rule_id]["partialFingerprints"]
        assert (
            after[rule_id]["locations"][0]["physicalLocation"]["region"]["startLine"]
            == result["locations"][0]["physicalLocation"]["region"]["startLine"] + 2
        )


def test_the_output_extension_chooses_sarif_and_several_outputs_go_in_one_run(tmp_path: Path) -> None:
    assert format_for_extension("results.sarif") == "sarif"
    assert format_for_extension("results.sarif.json") == "sarif"
    assert format_for_extension("results.json") == "json"
    assert format_for_extension("junit.xml") == "junit"
    sarif, junit, report = tmp_path / "results.sarif", tmp_path / "junit.xml", tmp_path / "result.json"
    result = run("check", str(BEFORE), "-o", str(sarif), "-o", str(junit), "--output", str(report))
    assert result.exit_code == 1
    assert result.stdout == ""
    valid(json.loads(sarif.read_text(encoding="utf-8")))
    assert junit.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    assert json.loads(report.read_text(encoding="utf-8"))["schema"] == "govcheck-report"


def test_an_output_whose_extension_names_no_format_is_refused(tmp_path: Path) -> None:
    result = run("check", str(BEFORE), "-o", str(tmp_path / "a.sarif"), "-o", str(tmp_path / "b.unknown"))
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.stderr
    assert ".sarif" in result.stderr
    assert not (tmp_path / "a.sarif").exists()


def test_same_input_same_bytes() -> None:
    assert (
        run("check", str(BEFORE), "--format", "sarif").stdout == run("check", str(BEFORE), "--format", "sarif").stdout
    )


PACK = load_pack("naf-2019")
CALENDAR = WorkingCalendar()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_data())
def test_any_facts_give_valid_sarif(data: dict[str, Any]) -> None:
    facts_file = parse_facts(yaml.safe_dump(data, sort_keys=False), "generated.yaml")
    assessment = evaluate(PACK, facts_file, Context(None, CALENDAR))
    log = json.loads(RENDERERS["sarif"].render([assessment], RenderOptions()))
    valid(log)
    assert len(log["runs"][0]["results"]) == sum(f.is_gap for f in assessment.findings)
