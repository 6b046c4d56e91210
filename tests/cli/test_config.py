"""Project configuration: found as linters find theirs, read as option defaults, wrong settings named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.config import find_config, load_config
from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import bundled_frameworks

EXEMPLAR = bundled_frameworks() / "exemplar-lep.yaml"
GAPPY = bundled_frameworks() / "typical-gaps-lep.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A facts repository: two LEPs under frameworks/, a waiver list and a pre-commit file beside them."""
    (tmp_path / "frameworks").mkdir()
    shutil.copy(EXEMPLAR, tmp_path / "frameworks" / "exemplar-lep.yaml")
    shutil.copy(GAPPY, tmp_path / "frameworks" / "typical-gaps-lep.yaml")
    (tmp_path / "frameworks" / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_nearest_configuration_above_the_current_folder_is_found(project: Path) -> None:
    (project / ".govcheck.yaml").write_text("paths: [frameworks]\n", encoding="utf-8")
    inner = project / "frameworks"
    assert find_config(inner) == project / ".govcheck.yaml"


def test_a_pyproject_counts_only_with_a_govcheck_table(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config(project) is None
    (project / "pyproject.toml").write_text("[tool.govcheck]\npaths = ['frameworks']\n", encoding="utf-8")
    assert find_config(project) == project / "pyproject.toml"


def test_govcheck_yaml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.govcheck]\npaths = ['x']\n", encoding="utf-8")
    (project / ".govcheck.yaml").write_text("paths: [frameworks]\n", encoding="utf-8")
    assert find_config(project) == project / ".govcheck.yaml"


def test_configured_paths_are_checked_when_none_are_named(project: Path) -> None:
    (project / ".govcheck.yaml").write_text("paths: [frameworks]\nexclude: [typical-*]\n", encoding="utf-8")
    code, out, err = run("check", "--format", "json")
    assert [lep["facts_file"] for lep in json.loads(out)["assessments"]] == ["frameworks/exemplar-lep.yaml"]
    assert "note: skipped frameworks/typical-gaps-lep.yaml: excluded by 'typical-*'" in err
    assert "note: skipped frameworks/waivers.yaml: not a facts file" in err
    assert code == 0, err


def test_paths_in_a_configuration_are_relative_to_its_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / ".govcheck.yaml").write_text("paths: [frameworks/exemplar-lep.yaml]\n", encoding="utf-8")
    (project / "work").mkdir()
    monkeypatch.chdir(project / "work")
    code, out, err = run("validate")
    assert code == 0, err
    assert out.startswith("ok: ../frameworks/exemplar-lep.yaml")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".govcheck.yaml", "paths: [frameworks]\nfail-on: never\n"),
        ("pyproject.toml", "[project]\nname = 'facts'\n\n[tool.govcheck]\npaths = ['frameworks']\nfail-on = 'never'\n"),
    ],
)
def test_settings_become_option_defaults(project: Path, name: str, text: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    code, _, err = run("check", "frameworks/typical-gaps-lep.yaml")
    assert code == 0, err  # typical-gaps has gaps: only fail-on never makes this 0


def test_an_option_on_the_command_line_wins_over_the_configuration(project: Path) -> None:
    (project / ".govcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    code, _, _ = run("check", "frameworks/typical-gaps-lep.yaml", "--fail-on", "low")
    assert code == 1


def test_isolated_ignores_the_configuration(project: Path) -> None:
    (project / ".govcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert run("--isolated", "check", "frameworks/typical-gaps-lep.yaml")[0] == 1


def test_a_configuration_can_be_named(project: Path) -> None:
    (project / "strict.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert run("--config", "strict.yaml", "check", "frameworks/typical-gaps-lep.yaml")[0] == 0


def test_a_configured_waiver_file_is_found_from_a_sub_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / ".govcheck.yaml").write_text("waivers: missing-waivers.yaml\n", encoding="utf-8")
    monkeypatch.chdir(project / "frameworks")
    code, _, err = run("check", "exemplar-lep.yaml")
    assert code == 2
    assert "../missing-waivers.yaml" in err  # the configured file, relative to the configuration


def test_replay_is_not_refused_for_what_the_configuration_sets(project: Path) -> None:
    code, _, err = run("check", "frameworks/exemplar-lep.yaml", "-o", "result.json")
    assert code == 0, err
    (project / ".govcheck.yaml").write_text("pack: naf-2016\nfail-on: high\n", encoding="utf-8")
    code, out, err = run("check", "--replay", "result.json")
    assert code == 0, err + out


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            ".govcheck.yaml",
            "paths: [frameworks]\nfail_on: high\n",
            ".govcheck.yaml:2:1: unknown setting 'fail_on'; did you mean 'fail-on'?",
        ),
        (".govcheck.yaml", "fail-on: severe\n", ".govcheck.yaml:1:1: setting 'fail-on': 'severe' is not one of"),
        (".govcheck.yaml", "exclude: drafts\n", ".govcheck.yaml:1:1: setting 'exclude': 'drafts' is not a list"),
        (
            "pyproject.toml",
            "[tool.govcheck]\npaths = ['frameworks']\n  exlcude = ['x']\n",
            "pyproject.toml:3:3: unknown setting 'exlcude'; did you mean 'exclude'?",
        ),
        ("pyproject.toml", "[tool.govcheck]\npaths = [\n", "pyproject.toml:3:1: is not valid TOML"),
        (".govcheck.yaml", "- frameworks\n", ".govcheck.yaml:1:1: the configuration is not a table of settings"),
    ],
)
def test_a_wrong_setting_is_named_at_its_line_with_what_was_meant(
    project: Path, name: str, text: str, message: str
) -> None:
    (project / name).write_text(text, encoding="utf-8")
    code, _, err = run("check")
    assert code == 2
    assert message in err, err
    assert "Traceback" not in err


def test_the_settings_read_are_what_check_takes(project: Path) -> None:
    (project / ".govcheck.yaml").write_text(
        "paths: [frameworks]\nexclude: [drafts]\npack: naf-2019\nformat: markdown\nfail-on: high\n"
        "missing-evidence: warn\nwaivers: w.yaml\nbaseline: b.json\nsign-off: 'A. Auditor, Head of Audit'\njobs: 2\n",
        encoding="utf-8",
    )
    defaults = load_config(project / ".govcheck.yaml").default_map()
    assert defaults["check"] == {
        "exclude": ["drafts"],
        "pack": "naf-2019",
        "format_": "markdown",
        "fail_on": "high",
        "missing_evidence": "warn",
        "waivers_file": "w.yaml",
        "baseline": "b.json",
        "sign_off": "A. Auditor, Head of Audit",
        "jobs": 2,
    }
    assert defaults["validate"] == {"exclude": ["drafts"]}
    assert defaults["lsp"] == {"pack": "naf-2019", "waivers_file": "w.yaml"}


def test_a_configured_sign_off_ends_the_report(project: Path) -> None:
    (project / ".govcheck.yaml").write_text("sign-off: 'A. Auditor, Head of Internal Audit'\n", encoding="utf-8")
    code, out, err = run("check", "frameworks/exemplar-lep.yaml", "--format", "markdown")
    assert code == 0, err
    assert "A. Auditor" in out.split("Provenance")[-1]
    assert "Head of Internal Audit" in out
