"""docs/ci.md and .pre-commit-hooks.yaml stay true: every example parses and every govcheck command in them runs."""

from __future__ import annotations

import glob
import json
import re
import shlex
import subprocess
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest
import yaml

from govcheck.cli.main import cli
from govcheck.engine.assess.waivers import parse_waivers
from govcheck.engine.reading import yamlsource
from tests.support.ci import AFTER, BEFORE, run
from tests.support.sarif import valid

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def example(name: str) -> Any:
    """An example of the guide, read as YAML 1.2 (as CI services read it: ``on:`` is a key, not true)."""
    found = re.search(rf"<!-- example: {name} -->\n```yaml\n(.*?)```", DOC, re.S)
    assert found, f"docs/ci.md has no example {name!r}"
    return yamlsource.parse(found.group(1), f"docs/ci.md ({name})")[0]


def service_schema(name: str) -> jsonschema.protocols.Validator:
    """The published schema of a CI service's configuration, as check-jsonschema ships it for offline use."""
    schema = json.loads((files("check_jsonschema") / "builtin_schemas" / "vendor" / f"{name}.json").read_text("utf-8"))
    validator: jsonschema.protocols.Validator = jsonschema.validators.validator_for(schema)(schema)
    return validator


@pytest.mark.parametrize(("name", "schema"), [("github-actions", "github-workflows"), ("gitlab-ci", "gitlab-ci")])
def test_the_ci_examples_follow_the_services_schemas(name: str, schema: str) -> None:
    validator = service_schema(schema)
    assert [e.message for e in validator.iter_errors(example(name))] == []
    broken = {"misspelt_key": True, **example(name)} if name == "github-actions" else {"stages": "not a list"}
    assert list(validator.iter_errors(broken))  # the schema does refuse what the service would


def commands(text: str) -> list[list[str]]:
    """The govcheck command lines in ``text``, comments dropped, globs expanded as a shell would."""
    lines = []
    for line in text.splitlines():
        line = re.split(r"\s#\s", line.strip().removeprefix("- ").removeprefix("run: "))[0].strip()
        if line.startswith("govcheck "):
            words = []
            for word in shlex.split(line)[1:]:
                words += sorted(glob.glob(word)) if "*" in word else [word]
            lines.append(words)
    return lines


@pytest.fixture
def facts_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A facts repository as the docs assume it: frameworks/, waivers.yaml, results/ with saved results."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "results").mkdir()
    facts = tmp_path / "frameworks" / "riverside.yaml"
    facts.write_text(BEFORE.read_text(encoding="utf-8"))
    assert run("check", "frameworks/", "-o", "results/2020-03-31.json").exit_code == 1
    assert run("check", "frameworks/", "--as-of", "2020-06-30", "-o", "results/baseline.json").exit_code == 1
    facts.write_text(AFTER.read_text(encoding="utf-8"))
    assert run("check", "frameworks/", "-o", "result.json").exit_code == 1
    waivers = re.search(r"<!-- example: waivers -->\n```yaml\n(.*?)```", DOC, re.S)
    assert waivers
    (tmp_path / "waivers.yaml").write_text(waivers.group(1))
    return tmp_path


def run_all(lines: list[list[str]]) -> None:
    """Run each command line (``> FILE`` redirects standard output, as in a shell); none may be refused."""
    assert lines
    for words in lines:
        target = words[words.index(">") + 1] if ">" in words else None
        arguments = words[: words.index(">")] if target else words
        result = run(*arguments)
        assert result.exit_code in (0, 1), (words, result.output)
        if target:
            Path(target).write_text(result.stdout, encoding="utf-8")


def test_every_command_in_the_guide_runs(facts_repository: Path) -> None:
    blocks = "\n".join(re.findall(r"```bash\n(.*?)```", DOC, re.S))
    lines = commands(blocks)
    assert {words[0] for words in lines} == {"check", "diff", "trend"}
    run_all(lines)
    valid(json.loads((facts_repository / "results.sarif").read_text(encoding="utf-8")))
    ET.parse(facts_repository / "junit.xml")
    assert (facts_repository / "trend.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_waiver_example_is_a_valid_waiver_file_that_applies(facts_repository: Path) -> None:
    waivers = parse_waivers((facts_repository / "waivers.yaml").read_text(encoding="utf-8"), "waivers.yaml")
    assert waivers.waivers[0].item == "klee"
    report = json.loads(run("check", "frameworks/", "--waivers", "waivers.yaml", "--format", "json").stdout)
    assert [s["state"] for s in report["assessments"][0]["waivers"]] == ["applied"]


def test_the_github_actions_example(facts_repository: Path) -> None:
    workflow = example("github-actions")
    steps = workflow["jobs"]["govcheck"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"  # upload-sarif needs it
    run_all(commands("\n".join(step.get("run", "") for step in steps)))
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    valid(json.loads((facts_repository / upload["with"]["sarif_file"]).read_text(encoding="utf-8")))
    (artifact,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert json.loads((facts_repository / artifact["with"]["path"]).read_text(encoding="utf-8"))["manifest"]


def test_the_gitlab_ci_example(facts_repository: Path) -> None:
    job = example("gitlab-ci")["govcheck"]
    run_all(commands("\n".join(job["script"])))
    report = ET.parse(facts_repository / job["artifacts"]["reports"]["junit"]).getroot()
    assert report.tag == "testsuites"
    assert report.find("testsuite") is not None
    for path in job["artifacts"]["paths"]:
        assert (facts_repository / path).is_file()


def test_the_pre_commit_hooks_run_on_the_files_a_commit_changes(facts_repository: Path) -> None:
    hooks = {hook["id"]: hook for hook in HOOKS}
    assert set(hooks) == {"govcheck-validate", "govcheck-check"}
    configured = example("pre-commit")["repos"][0]["hooks"]
    assert {h["id"] for h in configured} <= set(hooks)
    for hook in configured:
        definition = hooks[hook["id"]]
        assert definition["language"] == "python"
        assert re.search(definition["files"], "frameworks/riverside.yaml")
        assert not re.search(definition["files"], "docs/ci.md")
        entry = shlex.split(definition["entry"])
        assert entry[0] == "govcheck"
        assert cli.get_command(click.Context(cli), entry[1]) is not None
        # pre-commit runs: entry, then the hook's args, then the files changed.
        run_all([[*entry[1:], *hook.get("args", []), "frameworks/riverside.yaml"]])
    assert run("validate", "frameworks/riverside.yaml").exit_code == 0


def test_the_documented_pre_commit_pin_is_a_release_tag() -> None:
    from govcheck import __version__

    pinned = example("pre-commit")["repos"][0]["rev"]
    assert pinned == f"v{__version__}"  # releases are tagged v<version> (CONTRIBUTING.md)
    tags = subprocess.run(["git", "tag", "--list"], cwd=REPO, capture_output=True, text=True, check=False)
    if tags.returncode != 0 or not tags.stdout.strip():
        pytest.skip("not a git checkout with its tags")
    assert pinned in tags.stdout.split()
