"""The fix for missing evidence: the skeleton of the missing fact, in the right block, changing no verdict."""

from __future__ import annotations

import pytest
from lsprotocol import types

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts
from govcheck.lsp.actions import code_actions
from govcheck.lsp.diagnostics import diagnostics
from govcheck.lsp.documents import Checked, Checker
from tests.support.facts import REPO

GAPPY = REPO / "tests" / "fixtures" / "gappy-lep.yaml"


@pytest.fixture(scope="module")
def checked() -> Checked:
    return Checker().check(GAPPY.as_uri(), GAPPY.read_text(encoding="utf-8"), 1, str(GAPPY))


def apply(text: str, edit: types.TextEdit) -> str:
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        return sum(len(line) for line in lines[: position.line]) + position.character

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


def fixes(checked: Checked) -> dict[str, tuple[types.CodeAction, types.TextEdit]]:
    found = {}
    for diagnostic in diagnostics(checked):
        context = types.CodeActionContext(diagnostics=[diagnostic])
        params = types.CodeActionParams(types.TextDocumentIdentifier(checked.uri), diagnostic.range, context)
        for action in code_actions(checked, params):
            assert action.kind == types.CodeActionKind.QuickFix
            assert action.diagnostics in (None, [diagnostic])  # a fix for another gap on the line has none
            assert action.edit is not None
            assert action.edit.changes is not None
            (edit,) = action.edit.changes[checked.uri]
            found[action.title] = action, edit
    return found


def test_a_missing_date_is_added_blank_inside_its_mapping(checked: Checked) -> None:
    title = "Add assurance_framework.board_approved_on (needed by assurance-framework.approved-by-board)"
    _, edit = fixes(checked)[title]
    fixed = apply(checked.text, edit)
    assert edit.new_text == "  board_approved_on: \n"
    facts = parse_facts(fixed, "fixed.yaml")
    assert facts.source.keys[("assurance_framework", "board_approved_on")][1] == 3  # beside the framework's keys


def test_a_missing_list_is_added_with_the_keys_each_item_must_have(checked: Checked) -> None:
    _, edit = fixes(checked)["Add complaints (needed by complaints.acknowledged-within-10-working-days)"]
    assert edit.new_text == "complaints:\n  - id: \n    received_on: \n"
    with pytest.raises(InputError) as refused:  # blank required keys are errors at their lines until filled in
        parse_facts(apply(checked.text, edit), "fixed.yaml")
    assert {p.message.split(" ", 1)[0] for p in refused.value.problems} == {
        "complaints[0].id",
        "complaints[0].received_on",
    }


def test_a_fact_of_one_list_item_goes_into_that_item(checked: Checked) -> None:
    title = "Add bodies[1].has_s151_officer_attendance (needed by accountable-body.s151-attends-decision-bodies)"
    _, edit = fixes(checked)[title]
    facts = parse_facts(apply(checked.text, edit), "fixed.yaml")
    assert ("bodies", 1, "has_s151_officer_attendance") in facts.source.keys


def test_every_fix_that_loads_changes_no_verdict(checked: Checked) -> None:
    assert checked.assessment is not None
    before = {f.rule_id: f.status for f in checked.assessment.findings}
    checker = Checker()
    loaded = 0
    found = fixes(checked)
    assert len(found) > 20
    for _, edit in found.values():
        after = checker.check(checked.uri, apply(checked.text, edit), 2, "fixed.yaml")
        if after.assessment is not None:
            loaded += 1
            assert {f.rule_id: f.status for f in after.assessment.findings} == before
        else:
            assert all("has no value" in p.message for p in after.problems)
    assert loaded > len(found) / 2


def test_no_fix_where_the_enclosing_mapping_is_written_on_one_line() -> None:
    text = GAPPY.read_text(encoding="utf-8")
    start = text.index("assurance_framework:\n")
    end = text.index("\n\n", start)
    one_line = text[:start] + 'assurance_framework: {version: "2.1", adopted_on: 2019-03-20}' + text[end:]
    checked = Checker().check(GAPPY.as_uri(), one_line, 1, str(GAPPY))
    assert checked.assessment is not None
    titles = list(fixes(checked))
    assert titles
    assert not [title for title in titles if title.startswith("Add assurance_framework.")]


def test_a_file_with_windows_line_breaks_keeps_them() -> None:
    text = GAPPY.read_text(encoding="utf-8").replace("\n", "\r\n")
    checked = Checker().check(GAPPY.as_uri(), text, 1, str(GAPPY))
    title = "Add assurance_framework.board_approved_on (needed by assurance-framework.approved-by-board)"
    _, edit = fixes(checked)[title]
    assert edit.new_text == "  board_approved_on: \r\n"
    fixed = apply(text, edit)
    assert fixed.count("\n") == fixed.count("\r\n")
