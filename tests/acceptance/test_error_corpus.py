"""The corpus of broken and hostile inputs: each gives exactly its expected messages, and exit code 2.

Each facts file ``tests/corpus/facts/CASE.yaml`` is checked with ``govcheck
validate CASE.yaml``, each pack folder ``tests/corpus/rules/CASE/`` with
``govcheck rules test --pack CASE``, each saved result ``tests/corpus/results/CASE.json``
with ``govcheck diff CASE.json CASE.json``, each waiver file ``tests/corpus/waivers/CASE.yaml``
with ``govcheck check --waivers CASE.yaml`` on the bundled exemplar LEP; the output must
be exactly the lines of ``CASE.expected`` beside it. A case whose expected lines are all ``error: ...``
must exit 2; the few valid cases (YAML features used correctly) exit 0. After
an intended change to a message, ``pytest --update-golden`` rewrites the
expected files, and the diff is reviewed like code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govcheck.cli.main import cli

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FACTS_CASES = sorted((CORPUS / "facts").glob("*.yaml"))
PACK_CASES = sorted(path for path in (CORPUS / "rules").iterdir() if path.is_dir())
RESULT_CASES = sorted((CORPUS / "results").glob("*.json"))
WAIVER_CASES = sorted((CORPUS / "waivers").glob("*.yaml"))
EXEMPLAR = Path(__file__).resolve().parents[2] / "frameworks" / "exemplar-lep.yaml"

# file:line:column: message, with an optional (hint); every content problem is located.
LOCATED = re.compile(r"^error: (?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): \S")
# Problems with the file as a whole (it is a directory, cannot be read) have no line to point at.
WHOLE_FILE = re.compile(
    r"^error: [^:]+: (is a directory|does not exist|cannot be read|is not a regular file"
    r"|is not a govcheck result \(|is a govcheck result of report schema|holds more than)"
)
# A saved result that breaks the report's schema is placed by the path of the field at fault.
FIELD = re.compile(r"^error: [^:]+: [a-z_]+(\[\d+\]|\.[a-z_]+)*: \S")


def expected_of(case: Path) -> Path:
    return case.with_suffix(".expected") if case.is_file() else case.parent / f"{case.name}.expected"


def check_output(case: Path, result: Result, update_golden: bool) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = (result.stdout + result.stderr).splitlines()
    expected_file = expected_of(case)
    if update_golden:
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    assert "Traceback" not in result.output
    errors = [line for line in lines if line.startswith("error: ")]
    assert result.exit_code == (2 if errors else 0), result.output
    for line in errors:
        assert LOCATED.match(line) or WHOLE_FILE.match(line) or FIELD.match(line), f"not located: {line}"


@pytest.mark.parametrize("case", FACTS_CASES, ids=lambda path: path.stem)
def test_facts_case(case: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(case.parent)
    before = case.read_bytes()
    result = CliRunner().invoke(cli, ["validate", case.name])
    check_output(case, result, update_golden)
    assert case.read_bytes() == before  # nothing read is ever changed


@pytest.mark.parametrize("case", PACK_CASES, ids=lambda path: path.name)
def test_pack_case(case: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(case.parent)
    result = CliRunner().invoke(cli, ["rules", "test", "--pack", case.name])
    check_output(case, result, update_golden)


@pytest.mark.parametrize("case", RESULT_CASES, ids=lambda path: path.stem)
def test_saved_result_case(case: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(case.parent)
    before = case.read_bytes()
    result = CliRunner().invoke(cli, ["diff", case.name, case.name])
    check_output(case, result, update_golden)
    assert case.read_bytes() == before


@pytest.mark.parametrize("case", WAIVER_CASES, ids=lambda path: path.stem)
def test_waiver_case(case: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(case.parent)
    result = CliRunner().invoke(cli, ["check", str(EXEMPLAR), "--waivers", case.name])
    check_output(case, result, update_golden)


def test_every_case_has_its_expected_messages() -> None:
    cases = [*FACTS_CASES, *PACK_CASES, *RESULT_CASES, *WAIVER_CASES]
    assert len(cases) > 50
    missing = [case.name for case in cases if not expected_of(case).is_file()]
    assert not missing, f"cases without a .expected file (run pytest --update-golden, then review): {missing}"
    names = {case.stem if case.is_file() else case.name for case in cases}
    # Workbook cases (corpus/workbooks/) are built and checked by test_workbook_corpus.py.
    orphans = {path.stem for path in CORPUS.glob("*/*.expected") if path.parent.name != "workbooks"} - names
    assert not orphans, f".expected files without a case: {orphans}"


def test_all_broken_facts_in_one_real_process() -> None:
    """The command's entry point in a process of its own: every file reported, none hides another, exit 2."""
    names = [case.name for case in FACTS_CASES]
    done = subprocess.run(
        [sys.executable, "-c", "from govcheck.cli.main import main; main()", "validate", *names],
        cwd=CORPUS / "facts",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    expected = [line for case in FACTS_CASES for line in expected_of(case).read_text(encoding="utf-8").splitlines()]
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [line for line in expected if line.startswith("error: ")]
    assert done.stdout.splitlines() == [line for line in expected if line.startswith("ok: ")]
