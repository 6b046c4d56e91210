"""Whatever is typed, the server answers: every corpus file and any edit of a real one gives diagnostics inside the
document, and hover, completion and fixes on every line of it raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from govcheck.lsp.actions import code_actions
from govcheck.lsp.completion import complete
from govcheck.lsp.diagnostics import diagnostics
from govcheck.lsp.documents import Checked, Checker
from govcheck.lsp.hover import hover
from tests.support.facts import REPO

CORPUS = sorted((REPO / "tests" / "corpus" / "facts").glob("*.yaml"))
GAPPY = (REPO / "tests" / "fixtures" / "gappy-lep.yaml").read_text(encoding="utf-8")
URI = "file:///edited.yaml"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def read(path: Path) -> str:
    # An editor shows any file as text: bytes that are not UTF-8 reach the server replaced.
    return path.read_bytes().decode("utf-8", "replace")


def answers_everywhere(checked: Checked) -> list[types.Diagnostic]:
    """The file's diagnostics, after asking for hover, completion and fixes at the start and end of every line."""
    lines = checked.text.splitlines() or [""]
    found = diagnostics(checked)
    for number, line in enumerate(lines):
        for character in {0, len(line) // 2, len(line)}:
            position = types.Position(number, character)
            hover(checked, position)
            complete(lines, position)
    whole = types.Range(types.Position(0, 0), types.Position(len(lines), 0))
    context = types.CodeActionContext(diagnostics=found)
    code_actions(checked, types.CodeActionParams(types.TextDocumentIdentifier(checked.uri), whole, context))
    for diagnostic in found:
        assert 0 <= diagnostic.range.start.line <= max(len(lines) - 1, 0)
        assert diagnostic.range.start.line == diagnostic.range.end.line
        assert diagnostic.range.start.character <= diagnostic.range.end.character
        assert diagnostic.message
    return found


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_broken_file_of_the_corpus_gets_its_errors(checker: Checker, path: Path) -> None:
    checked = checker.check(path.as_uri(), read(path), 1, str(path))
    found = answers_everywhere(checked)
    if not checked.is_facts:  # a top-level list is YAML of another kind (a rule file): not the server's to judge
        assert found == []
        assert path.name == "top-level-list.yaml"
    elif checked.assessment is None:
        assert found, "a file that did not load must say why"
        assert all(d.severity == types.DiagnosticSeverity.Error and d.code is None for d in found)
    assert "defect in govcheck" not in " ".join(d.message for d in found)


@st.composite
def edits(draw: st.DrawFn) -> str:
    """The gappy LEP with a few slices cut, copied elsewhere or overwritten with YAML's own punctuation."""
    text = GAPPY
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        insert = draw(
            st.one_of(
                st.just(""),
                st.text(alphabet=" \n-:#[]{},'\"&*!|>?%@`\t0123456789abcdefg", max_size=12),
                st.just(text[start:end] * 2),
            )
        )
        text = text[:start] + insert + text[end:]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=edits())
def test_any_edit_of_a_real_file_is_answered(checker: Checker, text: str) -> None:
    checked = checker.check(URI, text, 1, "edited.yaml")
    found = answers_everywhere(checked)
    assert "defect in govcheck" not in " ".join(d.message for d in found)
    if checked.is_facts and checked.assessment is None:
        assert found
        assert all(d.code is None for d in found)  # a version that did not load shows no gaps, old or new
