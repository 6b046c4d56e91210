"""Diagnostics of a checked file: gaps where SARIF puts them, errors where the loader finds them, never both."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.assess.waivers import parse_waivers
from govcheck.engine.core.status import Status
from govcheck.lsp.diagnostics import diagnostics, gap_message
from govcheck.lsp.documents import Checker
from govcheck.reports.registry import RenderOptions
from govcheck.reports.sarif import sarif_log
from tests.support.ci import BEFORE, waiver, waiver_yaml
from tests.support.facts import REPO

FILES = [*sorted((REPO / "frameworks").glob("*.yaml")), REPO / "tests" / "fixtures" / "gappy-lep.yaml"]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def check(checker: Checker, path: Path, text: str | None = None, version: int = 1) -> list[types.Diagnostic]:
    text = path.read_text(encoding="utf-8") if text is None else text
    return diagnostics(checker.check(path.as_uri(), text, version, str(path)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_gap_is_at_the_line_the_sarif_report_gives_it(checker: Checker, path: Path) -> None:
    assessment = Assessor().assess(path)
    results = sarif_log([assessment], RenderOptions())["runs"][0]["results"]
    expected = sorted(
        (r["ruleId"], r["locations"][0]["physicalLocation"].get("region", {}).get("startLine", 1)) for r in results
    )
    found = sorted((str(d.code), d.range.start.line + 1) for d in check(checker, path))
    assert found == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_edition_is_the_one_in_force_at_the_files_as_of(checker: Checker, path: Path) -> None:
    checked = checker.check(path.as_uri(), path.read_text(encoding="utf-8"), 1, str(path))
    assert checked.assessment is not None
    assert checked.assessment.pack.id == Assessor().assess(path).pack.id


def test_a_later_as_of_is_judged_by_the_later_edition(checker: Checker) -> None:
    path = REPO / "frameworks" / "exemplar-lep.yaml"
    text = path.read_text(encoding="utf-8")
    earlier = checker.check("file:///a.yaml", text, 1, "a.yaml")
    later = checker.check("file:///a.yaml", text.replace("as_of: 2020-03-31", "as_of: 2022-03-31", 1), 2, "a.yaml")
    assert earlier.assessment is not None
    assert later.assessment is not None
    assert (earlier.assessment.pack.id, later.assessment.pack.id) == ("naf-2019", "naf-2021")


def test_severity_follows_the_rule_and_missing_evidence_is_information(checker: Checker) -> None:
    path = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
    checked = checker.check(path.as_uri(), path.read_text(encoding="utf-8"), 1, str(path))
    assert checked.assessment is not None
    findings = {f.rule_id: f for f in checked.assessment.findings}
    expected = {
        "high": types.DiagnosticSeverity.Error,
        "medium": types.DiagnosticSeverity.Warning,
        "low": types.DiagnosticSeverity.Information,
    }
    seen = set()
    for diagnostic in diagnostics(checked):
        finding = findings[str(diagnostic.code)]
        if finding.status is Status.MISSING_EVIDENCE:
            assert diagnostic.severity == types.DiagnosticSeverity.Information
        else:
            assert diagnostic.severity == expected[finding.severity], finding.rule_id
            seen.add(finding.severity)
    assert seen == {"high", "medium", "low"}  # the fixture has gaps of every severity


def test_a_file_that_does_not_load_has_its_errors_and_no_gaps(checker: Checker) -> None:
    path = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
    text = path.read_text(encoding="utf-8")
    assert len(check(checker, path, text, 1)) > 20
    broken = text.replace("adopted_on: 2019-03-20", "adopted_on: 2019-02-30", 1)
    found = check(checker, path, broken, 2)
    assert [(d.severity, d.code) for d in found] == [(types.DiagnosticSeverity.Error, None)]
    assert "February 2019 has 28 days" in found[0].message
    line = next(n for n, t in enumerate(broken.splitlines()) if "2019-02-30" in t)
    assert found[0].range.start == types.Position(line, broken.splitlines()[line].index("2019-02-30"))


def test_a_date_with_no_edition_in_force_is_an_error_at_as_of(checker: Checker) -> None:
    text = "format_version: 2\norganisation: {id: early-lep, name: Early LEP}\nas_of: 2016-03-31\n"
    (found,) = check(checker, Path("early-lep.yaml").resolve(), text)
    assert found.severity == types.DiagnosticSeverity.Error
    assert "2016" in found.message
    assert found.range.start == types.Position(2, 7)


def test_missing_evidence_says_the_facts_it_needs() -> None:
    assessment = Assessor().assess(REPO / "tests" / "fixtures" / "gappy-lep.yaml")
    missing = [f for f in assessment.findings if f.status is Status.MISSING_EVIDENCE]
    assert missing
    for finding in missing:
        message = gap_message(finding)
        assert finding.reason in message
        if finding.facts_needed is not None:
            assert f"Facts needed: {', '.join(finding.facts_needed.keys)}." in message
    assert any(finding.facts_needed is not None for finding in missing)


def test_a_waived_gap_is_not_shown() -> None:
    whistleblowing = "whistleblowing.policy-published-and-reviewed"
    text = BEFORE.read_text(encoding="utf-8")
    waivers = parse_waivers(waiver_yaml(waiver(whistleblowing)), "waivers.yaml")
    plain = diagnostics(Checker().check(BEFORE.as_uri(), text, 1, str(BEFORE)))
    waived = diagnostics(Checker(Assessor(waivers=waivers)).check(BEFORE.as_uri(), text, 1, str(BEFORE)))
    assert whistleblowing in {d.code for d in plain}
    assert {d.code for d in waived} == {d.code for d in plain} - {whistleblowing}
