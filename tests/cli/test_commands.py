"""The govcheck command as a user runs it: outputs, files written, and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import bundled_frameworks, facts_paths
from govcheck.reports.json_report import report_schema

COMPLIANT = """\
format_version: 2
as_of: 2020-03-31
organisation: {id: tidy-lep, name: Tidy LEP}
policies:
  whistleblowing: {url: "https://tidy.example/whistleblowing", reviewed_on: 2019-09-01}
"""
GAPPY = """\
format_version: 2
as_of: 2020-03-31
organisation: {id: gappy-lep, name: Gappy LEP}
policies:
  whistleblowing: {url: "https://gappy.example/whistleblowing", adopted_on: 2016-04-01}
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def lep_files(tmp_path: Path) -> dict[str, Path]:
    files = {"compliant": tmp_path / "tidy.yaml", "gappy": tmp_path / "gappy.yaml"}
    files["compliant"].write_text(COMPLIANT)
    files["gappy"].write_text(GAPPY)
    return files


def test_fail_on_sets_the_exit_code(lep_files: dict[str, Path]) -> None:
    # One pack is used for both files; only the whistleblowing rule differs between them.
    wb = "whistleblowing.policy-published-and-reviewed"
    code, out, _ = invoke("check", str(lep_files["gappy"]), "--format", "json", "--fail-on", "never")
    assert code == 0
    statuses = {f["rule_id"]: f["status"] for f in json.loads(out)["assessments"][0]["findings"]}
    assert statuses[wb] == "not_met"
    assert invoke("check", str(lep_files["gappy"]), "--fail-on", "high")[0] == 1  # the policy rule is high
    compliant = json.loads(invoke("check", str(lep_files["compliant"]), "--format", "json", "--fail-on", "never")[1])
    assert {f["rule_id"]: f["status"] for f in compliant["assessments"][0]["findings"]}[wb] == "met"


def test_json_report_follows_its_schema(lep_files: dict[str, Path]) -> None:
    _, out, _ = invoke("check", str(lep_files["gappy"]), "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    assert report["schema_version"] == 2
    assessment = report["assessments"][0]
    assert assessment["pack"]["id"] == "naf-2019"
    assert assessment["as_of"] == "2020-03-31"


def test_as_of_overrides_the_facts_date(lep_files: dict[str, Path]) -> None:
    _, out, _ = invoke("check", str(lep_files["compliant"]), "--format", "json", "--as-of", "2021-06-30")
    assessment = json.loads(out)["assessments"][0]
    assert assessment["as_of"] == "2021-06-30"
    wb = next(f for f in assessment["findings"] if f["rule_id"] == "whistleblowing.policy-published-and-reviewed")
    assert wb["status"] == "not_met"  # reviewed 1 Sep 2019: overdue by June 2021


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            "9999-12-31",
            "9999-12-31 is outside the dates govcheck works with (1990-01-01 to 2099-12-31); check the year",
        ),
        ("20190620", "'20190620' is not a date; write it as YYYY-MM-DD, e.g. 2020-03-31"),
        ("2019-W25-4", "'2019-W25-4' is not a date; write it as YYYY-MM-DD, e.g. 2020-03-31"),
    ],
)
@pytest.mark.parametrize("command", ["check", "explain", "rules diff"])
def test_as_of_takes_only_dates_govcheck_works_with(
    lep_files: dict[str, Path], command: str, day: str, message: str
) -> None:
    rule = ["whistleblowing.policy-published-and-reviewed"] if command == "explain" else []
    packs = ["naf-2016", "naf-2019"] if command == "rules diff" else []
    code, out, err = invoke(*command.split(), *rule, *packs, str(lep_files["compliant"]), "--as-of", day)
    assert (code, out) == (2, "")
    assert f"Invalid value for '--as-of': {message}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--jobs", "2"], ["validate"], ["rules", "diff", "naf-2016", "naf-2019"]],
    ids=" ".join,
)
def test_two_files_of_one_lep_id_exit_2_naming_both(lep_files: dict[str, Path], command: list[str]) -> None:
    twin = lep_files["compliant"].with_name("twin.yaml")
    twin.write_text(GAPPY.replace("gappy-lep", "tidy-lep"))
    code, out, err = invoke(*command, str(lep_files["compliant"]), str(twin), str(lep_files["gappy"]))
    assert code == 2
    assert err == (
        f"error: {twin}:3:20: organisation.id 'tidy-lep' is also the id of {lep_files['compliant']}, read in this run "
        "(each LEP has one facts file with its own id, by which results, baselines and waivers know it)\n"
    )
    assert "Tidy LEP" in out or command[0] == "validate"
    assert "Gappy LEP" in out  # the file after the refused one is still read


def test_a_misspelt_key_exits_2_naming_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(COMPLIANT.replace("policies:", "polices:"))
    code, out, err = invoke("check", str(path))
    assert code == 2
    assert out == ""
    assert f"error: {path}:4:1: unknown key 'polices' (did you mean 'policies'?)" in err
    assert "Traceback" not in err


def test_one_broken_file_does_not_hide_the_others(lep_files: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format_version: 2\nas_of: 2020-02-30\n")
    code, out, err = invoke("check", str(lep_files["gappy"]), str(broken), "--fail-on", "never")
    assert code == 2
    assert "Gappy LEP" in out
    assert "is not a real date" in err


def test_output_file_is_written_whole(lep_files: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    code, out, _ = invoke("check", str(lep_files["gappy"]), "--format", "markdown", "--output", str(target))
    assert code == 1
    assert out == ""
    assert target.read_text().startswith("# Gap report: Gappy LEP")
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]  # no temporary file left behind


def test_unknown_format_and_pack_are_usage_errors(lep_files: dict[str, Path]) -> None:
    code, _, err = invoke("check", str(lep_files["gappy"]), "--format", "pdf")
    assert code == 2
    assert "unknown format 'pdf'" in err
    code, _, err = invoke("check", str(lep_files["gappy"]), "--pack", "naf-2091")
    assert code == 2
    assert "no such rule pack" in err


def test_init_writes_a_valid_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    assert invoke("init", "Example Vale LEP", "--output", str(target))[0] == 0
    text = target.read_text()
    assert "id: example-vale-lep" in text
    assert '"Example Vale LEP"' in text
    assert invoke("validate", str(target))[0] == 0
    code, _, err = invoke("init", "Example Vale LEP", "--output", str(target))
    assert code == 2
    assert "does not overwrite it (add --force)" in err
    assert target.read_text() == text
    assert invoke("init", "Other LEP", "--output", str(target), "--force")[0] == 0
    assert "other-lep" in target.read_text()


def test_schema_is_json_schema_for_facts() -> None:
    code, out, _ = invoke("schema")
    schema = json.loads(out)
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"format_version", "as_of", "organisation"} <= set(schema["required"])
    facts = yaml.safe_load(COMPLIANT)
    facts["as_of"] = facts["as_of"].isoformat()
    facts["policies"]["whistleblowing"]["reviewed_on"] = "2019-09-01"
    jsonschema.validate(facts, schema)


def test_rules_test_passes_for_every_bundled_pack() -> None:
    code, out, _ = invoke("rules", "test")
    assert code == 0, out
    assert "FAIL" not in out


def test_default_check_assesses_every_bundled_framework() -> None:
    files = facts_paths([bundled_frameworks()])
    assert len(files) >= 3, "the example frameworks ship inside the package"
    code, out, err = invoke("check", "--format", "json")
    assert code in (0, 1), err
    names = {a["organisation"]["id"] for a in json.loads(out)["assessments"]}
    assert names == {yaml.safe_load(f.read_text())["organisation"]["id"] for f in files}


def test_console_script_runs_as_a_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govcheck.cli.main", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "check" in result.stdout


def test_written_files_get_an_ordinary_mode(lep_files: dict[str, Path], tmp_path: Path) -> None:
    import os

    target = tmp_path / "report.txt"
    invoke("check", str(lep_files["gappy"]), "--output", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("args", [["check", "a" * 5000], ["check", "x.yaml", "--pack", "a" * 5000]])
def test_a_name_too_long_for_the_system_is_an_input_error(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)


def test_a_new_facts_file_is_checked_as_it_stands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["init", "New LEP"]).exit_code == 0
    result = CliRunner().invoke(cli, ["check", "new-lep.yaml", "--quiet"])
    assert result.exit_code == 1, result.stderr  # gaps (nothing is filled in), not an input error
    dated = CliRunner().invoke(cli, ["init", "Other LEP", "--as-of", "2020-03-31", "-o", "-"])
    assert "as_of: 2020-03-31" in dated.stdout


def test_the_command_list_in_help_is_what_click_would_write_from_each_command() -> None:
    from govcheck.cli.main import COMMANDS, SHORT_HELP

    assert set(SHORT_HELP) == set(COMMANDS)
    context = click.Context(cli, info_name="govcheck")
    for width in (60, 80, 100):
        ours, clicks = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
        cli.format_commands(context, ours)
        click.Group.format_commands(cli, context, clicks)  # imports every command to ask it
        assert ours.getvalue() == clicks.getvalue()


def test_help_lists_the_commands_without_importing_them() -> None:
    code = (
        "import sys\nfrom govcheck.cli.main import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('govcheck.cli.', 'govcheck.reports', 'pydantic'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "['govcheck.cli.main']"
