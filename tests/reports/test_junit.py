"""JUnit: a suite per LEP, a case per rule; gaps fail with the reason and items; n/a and waived are skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from govcheck.engine.packs.loading import load_pack
from govcheck.reports import RENDERERS, RenderOptions
from tests.support.ci import AFTER, BEFORE, JSMITH, PACK, assess, copy_fixture, run, waiver, waiver_yaml

RULES = len(load_pack(PACK).rules)


def junit_of(*args: str) -> ET.Element:
    result = run("check", *args, "--format", "junit")
    assert result.exit_code in (0, 1), result.output
    return ET.fromstring(result.stdout)


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.iter("testcase")}


def test_a_suite_per_lep_and_a_case_per_rule(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks"
    copy_fixture(BEFORE, folder)
    (folder / "other.yaml").write_text(
        AFTER.read_text(encoding="utf-8").replace(
            "id: riverside-lep, name: Riverside LEP", "id: hill-lep, name: Hill LEP"
        )
    )
    root = junit_of(str(folder))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["Hill LEP (hill-lep)", "Riverside LEP (riverside-lep)"]
    for suite in suites:
        assert suite.get("tests") == str(RULES) == str(len(cases(suite)))
        failures = len(suite.findall("testcase/failure"))
        skipped = len(suite.findall("testcase/skipped"))
        assert (suite.get("failures"), suite.get("skipped")) == (str(failures), str(skipped))
    assert root.get("tests") == str(2 * RULES)
    assert root.get("failures") == str(sum(int(s.get("failures", "")) for s in suites))


def test_gaps_are_failures_with_reason_and_failing_items() -> None:
    suite = junit_of(str(BEFORE)).find("testsuite")
    assert suite is not None
    case = cases(suite)["registers.board-members-published"]
    assert case.get("classname") == "riverside-lep.registers-of-interest"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "missing_evidence"
    assert failure.get("message") == "1 of 3 board members lacks the facts to decide"
    assert f"- {JSMITH}: no published register of interests recorded [{BEFORE}:" in (failure.text or "")
    assert "Cites: NAF19 Best Practice Guidance ch.5" in (failure.text or "")
    met = cases(suite)["complaints.policy-published-and-reviewed"]
    assert list(met) == []  # a met rule is a passing test case


def test_missing_evidence_is_skipped_with_warn_and_other_gaps_still_fail() -> None:
    suite = junit_of(str(BEFORE), "--missing-evidence", "warn").find("testsuite")
    assert suite is not None
    skipped = cases(suite)["registers.board-members-published"].find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("missing evidence (warning): 1 of 3 board members")
    assert cases(suite)["whistleblowing.policy-published-and-reviewed"].find("failure") is not None


def test_not_applicable_and_waived_are_skipped_with_why(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver("whistleblowing.policy-published-and-reviewed")))
    suite = junit_of(str(BEFORE), "--waivers", str(waivers)).find("testsuite")
    assert suite is not None
    waived = cases(suite)["whistleblowing.policy-published-and-reviewed"].find("skipped")
    assert waived is not None
    assert waived.get("message") == (
        "waived until 2020-12-31: A new member's register is being prepared (approved by S. Officer)"
    )
    not_applicable = cases(suite)["registers.committee-members-published"].find("skipped")
    assert not_applicable is not None
    assert not_applicable.get("message") == "not applicable: no committee members recorded"


def test_text_from_facts_cannot_break_the_xml(tmp_path: Path) -> None:
    facts = tmp_path / "odd.yaml"
    facts.write_text(BEFORE.read_text(encoding="utf-8").replace("name: J. Smith", 'name: "J. <Smith> & ]]> \\"Co\\""'))
    text = RENDERERS["junit"].render([assess(facts)], RenderOptions())
    root = ET.fromstring(text)  # would raise on a raw control character or an unescaped '<'
    failure = cases(root[0])["registers.board-members-published"].find("failure")
    assert failure is not None
    assert 'J. <Smith> & ]]> "Co"' in (failure.text or "")


def test_the_exit_code_follows_missing_evidence_warn(tmp_path: Path) -> None:
    # Waive every gap of the "after" facts that is not missing evidence.
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        waiver_yaml(
            waiver("complaints.confidential-reporting-published", expires="2021-03-31"),
            waiver("registers.published-within-28-days", expires="2021-03-31"),
            waiver("transparency.papers-5-clear-working-days-before", expires="2021-03-31"),
        )
    )
    gaps = {f.status.value for f in assess(AFTER, waivers.read_text()).findings if f.is_gap}
    assert gaps == {"missing_evidence"}
    assert run("check", str(AFTER), "--waivers", str(waivers)).exit_code == 1
    assert run("check", str(AFTER), "--waivers", str(waivers), "--missing-evidence", "warn").exit_code == 0
