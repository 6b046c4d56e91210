"""Saved results are input: whatever a file holds, ``diff``, ``trend`` and ``--replay`` answer with
exit 0 or 1, or with exit 2 and messages that each name the file and where in it; never a traceback.

The corpus (``tests/corpus/results/``) pins the exact messages; here any JSON at all is tried, and a
real result with one part of it replaced by any JSON value.
"""

from __future__ import annotations

import json
import re
import tempfile
from contextlib import chdir
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.cli.main import cli
from govcheck.reports.json_reader import read_result
from tests.support.strategies import json_values

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "results"
VALID = json.loads((CORPUS / "small-valid-result.json").read_text(encoding="utf-8"))
NAME = "saved.json"
PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every message names the file, then a line and column, a field of the report, or says what the whole file is.
LOCATED = re.compile(
    r"^error: (saved|valid)\.json:(\d+:\d+: \S"
    r"| [a-z_]+(\[\d+\]|\.[^:]+)*: \S"
    r"| (is not a govcheck result|is a govcheck result of report schema|holds more than|assesses .* as \S+ does))"
)


def answers(text: str, *commands: list[str]) -> None:
    """Each command on the saved result ``text`` exits 0, 1 or 2, and every error it gives is located.

    The commands may name ``valid.json`` too: the real result, unchanged.
    """
    with tempfile.TemporaryDirectory() as folder, chdir(folder):
        Path(NAME).write_text(text, encoding="utf-8", errors="surrogatepass")
        Path("valid.json").write_text(json.dumps(VALID), encoding="utf-8")
        for command in commands:
            result = CliRunner().invoke(cli, command)
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            assert result.exit_code in (0, 1, 2), result.output
            assert "Traceback" not in result.output
            errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
            if result.exit_code == 2 and "Usage:" not in result.stderr:
                assert errors, result.stderr
            for line in errors:
                assert LOCATED.match(line), line


DELETE = object()


def replaced(document: Any, path: list[int], value: Any) -> Any:
    """``document`` with the node reached by ``path`` (each step an index into a node's children)
    replaced by ``value``, or taken out if ``value`` is ``DELETE``."""
    if not path or not isinstance(document, (dict, list)) or not document:
        return value
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    copy: Any = dict(document) if isinstance(document, dict) else list(document)
    inner = replaced(document[key], path[1:], value)
    if inner is DELETE:
        del copy[key]
    else:
        copy[key] = inner
    return copy


# Values a result might plausibly hold in the wrong place, so that more mutants get past the schema
# and on to the comparing and rendering: statuses, severities, dates, counts, ordinary text.
plausible = (
    st.sampled_from(["met", "not_met", "partial", "missing_evidence", "waived", "error", "not_applicable"])
    | st.sampled_from(["high", "medium", "low", "rules", "facts", "waivers", "applied", "expired", "unused"])
    | st.sampled_from(["2020-03-31", "0001-01-01", "9999-12-31", "", "*", "a" * 300, "naf-2019", "x[0].y"])
    | st.integers(-3, 10**9)
    | st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=30)
)
steps = st.lists(st.integers(0, 50), min_size=1, max_size=7)
# Most changes go into the assessment (its findings above all), where the schema lets the most through.
mutants = st.tuples(
    st.one_of(steps, steps.map(lambda path: [3, 0, *path]), steps.map(lambda path: [3, 0, 6, *path])),
    st.one_of(plausible, plausible, json_values, st.just(DELETE)),
)


@PROPERTY
@given(json_values, st.booleans())
def test_any_json_as_a_saved_result(value: Any, ascii_only: bool) -> None:
    answers(json.dumps(value, ensure_ascii=ascii_only), ["diff", NAME, NAME], ["trend", NAME])


@PROPERTY
@given(st.lists(mutants, min_size=1, max_size=3))
def test_a_real_result_with_any_part_replaced(changes: list[tuple[list[int], Any]]) -> None:
    document = VALID
    for path, value in changes:
        document = replaced(document, path, value)
    answers(
        json.dumps(document, indent=2),
        ["diff", NAME, NAME],
        ["diff", "valid.json", NAME],
        ["diff", NAME, "valid.json", "--format", "json"],
        ["trend", NAME, "valid.json"],
        ["trend", NAME, "--format", "html"],
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutants)
def test_a_real_result_with_any_part_replaced_replays(change: tuple[list[int], Any]) -> None:
    text = json.dumps(replaced(VALID, *change), indent=2)
    with tempfile.TemporaryDirectory() as folder, chdir(folder):
        # The facts file the result names, where it names it, so the replay gets as far as it can.
        Path("empty-lep.yaml").write_text(
            (CORPUS.parents[1] / "fixtures" / "empty-lep.yaml").read_text(encoding="utf-8")
        )
        Path(NAME).write_text(text, encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(cli, ["check", "--replay", NAME])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2), result.output


def test_the_corpus_result_reads_back() -> None:
    saved = read_result(CORPUS / "small-valid-result.json")
    assert [a.organisation_id for a in saved.assessments] == ["empty-lep"]
