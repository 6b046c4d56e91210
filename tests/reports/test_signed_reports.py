"""What makes a report one an auditor can sign: its waivers, how it was made, the sign-off, citations linked,
and national requirements counted apart from the rest, the same in every format."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from govcheck import __version__
from govcheck.engine.core.results import Assessment
from govcheck.engine.core.status import SEVERITIES
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.common import NATIONAL, OTHER, standing
from govcheck.reports.provenance import SignOff, pack_digest
from tests.support.ci import BEFORE, KLEE, assess, run, waiver, waiver_yaml
from tests.support.facts import REPO
from tests.support.golden import assert_golden
from tests.support.golden import assess as assess_scenario
from tests.support.html import Page

WHISTLEBLOWING = "whistleblowing.policy-published-and-reviewed"
COMPLAINTS = "complaints.policy-published-and-reviewed"
ON_TIME = "registers.published-within-28-days"
AFTER = BEFORE.parent / "riverside-2020-09.yaml"
HUMAN = ("text", "markdown", "html")


def _waivers(tmp_path: Path) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        waiver_yaml(
            waiver(WHISTLEBLOWING, expires="2020-04-20"),  # applies, but expires within 20 working days
            waiver(COMPLAINTS),  # matches no gap: unused
            waiver("registers.board-members-published", "jsmith", expires="2020-03-01"),  # expired
        ),
        encoding="utf-8",
    )
    return path


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))


@pytest.mark.parametrize("format_", [*HUMAN, "csv"])
def test_every_format_shows_each_waiver_with_who_why_until_when_and_its_warning(format_: str, tmp_path: Path) -> None:
    waivers = _waivers(tmp_path)
    result = run("check", str(BEFORE), "--waivers", str(waivers), "--format", format_)
    assert result.exit_code == 1, result.output
    report = result.stdout
    told = [line.split(": ", 2)[2] for line in result.stderr.splitlines()]  # still told on standard error
    assert [sentence.split(" for ")[0] for sentence in told] == [
        f"waiver of {WHISTLEBLOWING}",
        f"waiver of {COMPLAINTS}",
        "waiver of registers.board-members-published",
    ]
    assert "expires on 2020-04-20" in told[0]
    assert "matches no gap at 2020-03-31 (unused)" in told[1]
    assert "expired on 2020-03-01 and no longer applies" in told[2]
    shown = " ".join(report.replace("&#39;", "'").replace("\\", "").split())
    for sentence in told:
        assert sentence in shown
    for said in ("A new member's register is being prepared", "A. Clerk", "S. Officer"):
        assert said in report.replace("&#39;", "'")
    if format_ == "csv":
        (row,) = [r for r in _csv_rows(report) if r["rule_id"] == WHISTLEBLOWING]
        assert (row["status"], row["waiver_state"], row["waiver_items"]) == ("waived", "applied", "the whole rule")
        assert (row["waiver_requested_by"], row["waiver_approved_by"]) == ("A. Clerk", "S. Officer")
        assert (row["waiver_granted_on"], row["waiver_expires_on"]) == ("2020-01-10", "2020-04-20")
        assert row["waiver_file"] == f"{waivers}:3"
    else:
        assert "10 Jan 2020" in report
        assert "20 Apr 2020" in report


def test_a_report_without_waivers_has_no_waiver_section() -> None:
    for format_ in HUMAN:
        report = run("check", str(BEFORE), "--format", format_).stdout
        assert "WAIVERS" not in report
        assert "## Waivers" not in report
        assert "--waivers" not in report


def test_waived_items_are_counted_apart_from_failing_ones() -> None:
    # After: J. Smith's register went online late and K. Lee has none; only K. Lee is waived.
    plain = next(f for f in assess(AFTER).findings if f.rule_id == ON_TIME)
    waived = next(f for f in assess(AFTER, waiver_yaml(waiver(ON_TIME, "klee"))).findings if f.rule_id == ON_TIME)
    assert plain.reason == "2 of 4 decision makers pass, 1 fails, 1 lacks the facts"
    assert waived.reason == "2 of 4 decision makers pass, 1 fails, 1 waived"
    for format_ in ("text", "markdown", "html", "csv"):
        rendered = RENDERERS[format_].render([assess(AFTER, waiver_yaml(waiver(ON_TIME, "klee")))], RenderOptions())
        assert "1 fails, 1 waived" in rendered
        if format_ == "html":
            assert f'<tr><th scope="row">{KLEE}</th><td><span class="status status-waived">' in rendered
        elif format_ != "csv":
            assert f"{KLEE}: waived" in rendered.replace("\\", "")


@pytest.mark.parametrize("format_", [*HUMAN, "csv"])
def test_every_format_says_how_it_was_made_and_nothing_of_the_clock(format_: str, tmp_path: Path) -> None:
    waivers = _waivers(tmp_path)
    result = run("check", str(BEFORE), "--waivers", str(waivers), "--format", format_)
    assessment = assess(BEFORE, waivers.read_text(encoding="utf-8"))
    report = result.stdout
    digest = pack_digest(assessment)
    assert digest is not None
    waiver_digest = next(sha for role, _, sha in run_inputs(str(BEFORE), waivers) if role == "waivers")
    flat = "".join(report.split())
    for value in (__version__, "ci-core", digest, assessment.facts_sha256, waiver_digest):
        assert value in flat, value
    assert "2020-03-31" in report
    assert not re.search(r"\b\d\d:\d\d(:\d\d)?\b", report.replace("riverside", ""))  # no clock time
    assert run("check", str(BEFORE), "--waivers", str(waivers), "--format", format_).stdout == report


def run_inputs(facts: str, waivers: Path) -> list[tuple[str, str, str]]:
    """The manifest the JSON report records: (role, path, sha256), so provenance is checked against it."""
    import json

    report = json.loads(run("check", facts, "--waivers", str(waivers), "--format", "json").stdout)
    return [(i["role"], i["path"], i["sha256"]) for i in report["manifest"]["inputs"]]


def test_the_pack_digest_follows_every_rule_file_and_only_them() -> None:
    assessment = assess(BEFORE)
    digest = pack_digest(assessment)
    assert digest is not None
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    from dataclasses import replace

    reordered = replace(assessment, inputs=tuple(reversed(assessment.inputs)))
    assert pack_digest(reordered) == digest
    rules = [i for i in assessment.inputs if i.role == "rules"]
    changed = replace(rules[0], sha256="0" * 64)
    assert pack_digest(replace(assessment, inputs=(changed, *rules[1:]))) != digest
    assert pack_digest(replace(assessment, inputs=())) is None


@pytest.mark.parametrize("format_", HUMAN)
def test_sign_off_prints_a_block_with_name_role_and_room_to_sign_and_date(format_: str) -> None:
    signed = run("check", str(BEFORE), "--format", format_, "--sign-off", "Ann Auditor,  Head of Internal Audit")
    assert signed.exit_code == 1, signed.output
    text = signed.stdout
    assert "Ann Auditor" in text
    assert "Head of Internal Audit" in text
    assert "Signature" in text
    assert text.index("Signature") < text.rindex("Date")
    assert "_" * 20 in text.replace("\\_", "_")
    assert "Sign-off" in text or "SIGN-OFF" in text
    assert "Ann Auditor" not in run("check", str(BEFORE), "--format", format_).stdout


def test_a_sign_off_without_a_name_is_exit_2_with_what_to_write() -> None:
    result = run("check", str(BEFORE), "--sign-off", " , Head of Audit")
    assert result.exit_code == 2
    assert 'write it as "Name, role"' in result.output
    assert SignOff.parse("A. Auditor") == SignOff("A. Auditor", None)


def test_citations_with_a_published_address_are_links_and_text_lists_each_address_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    facts = "frameworks/typical-gaps-lep.yaml"
    assessment = assess_scenario(Path(facts))
    cited = [f for f in assessment.findings if f.is_gap and f.citation_url]
    assert cited, "the example should cite at least one published address"
    text = run("check", facts, "--pack", "naf-2019", "--fail-on", "never").stdout
    markdown = run("check", facts, "--pack", "naf-2019", "--format", "markdown", "--fail-on", "never").stdout
    html = run("check", facts, "--pack", "naf-2019", "--format", "html", "--fail-on", "never").stdout
    for finding in cited:
        url = finding.citation_url
        assert url is not None
        assert f"](<{url}>)" in markdown
        assert f'href="{url}"' in html
        assert "".join(text.split()).count(url) == 1


def _gaps(assessment: Assessment, kind: str, severity: str) -> int:
    return sum(
        f.is_gap and f.severity == severity and standing(f, assessment.pack) == kind for f in assessment.findings
    )


def test_every_count_of_gaps_agrees_between_summary_filters_and_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assessment = assess_scenario(Path("frameworks/typical-gaps-lep.yaml"))
    national = {s: _gaps(assessment, NATIONAL, s) for s in SEVERITIES}
    other = {s: _gaps(assessment, OTHER, s) for s in SEVERITIES}
    assert sum(national.values())
    assert sum(other.values())
    options = RenderOptions()

    text = RENDERERS["text"].render([assessment], options)
    for kind, counts in (("national requirements", national), ("should, local practice", other)):
        (line,) = [line for line in text.splitlines() if line.strip().startswith(kind)]
        assert line.endswith(", ".join(f"{s} {counts[s]}" for s in SEVERITIES))

    markdown = RENDERERS["markdown"].render([assessment], options)
    for severity in SEVERITIES:
        assert f"| {severity} | {national[severity]} | {other[severity]} |" in markdown

    html = RENDERERS["html"].render([assessment], options)
    for severity in SEVERITIES:
        gaps = national[severity] + other[severity]
        found = sum(f.severity == severity for f in assessment.findings)
        assert f'value="{severity}" checked> {severity} <span class="count">({found} findings, {gaps} gap' in html
        assert re.search(
            rf'<th scope="row">{severity}</th><td class="num">{national[severity]}</td>'
            rf'<td class="num">{other[severity]}</td><td class="num">{gaps}</td>',
            html,
        )
    for kind, counts in ((NATIONAL, national), (OTHER, other)):
        findings = sum(standing(f, assessment.pack) == kind for f in assessment.findings)
        assert f'value="{kind}" checked>' in html
        assert f"({findings} findings, {sum(counts.values())} gap" in html
        assert html.count(f'data-standing="{kind}"') == findings

    matrix_csv = _csv_rows(RENDERERS["matrix-csv"].render([assessment, assessment], options))
    totals = {r["rule_id"]: r for r in matrix_csv if r["topic"] == "totals"}
    for severity in SEVERITIES:
        row = totals[f"{severity} gaps: national requirements (must, verified)"]
        assert list(row.values())[5:7] == [str(national[severity])] * 2
        row = totals[f"{severity} gaps: should, local practice or unverified"]
        assert list(row.values())[5:7] == [str(other[severity])] * 2
    rows = [r for r in matrix_csv if r["topic"] not in ("totals", "waiver")]
    assert sum(r["standing"] == NATIONAL for r in rows) == sum(
        standing(f, assessment.pack) == NATIONAL for f in assessment.findings
    )


def test_national_requirements_are_verified_musts_of_the_framework_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assessment = assess_scenario(Path("frameworks/typical-gaps-lep.yaml"))
    kinds = {f.rule_id: standing(f, assessment.pack) for f in assessment.findings}
    for finding in assessment.findings:
        local = "local practice" in finding.citation
        expected = finding.obligation == "must" and finding.basis == "V" and not local
        assert (kinds[finding.rule_id] == NATIONAL) == expected, finding.rule_id
    carried = run("check", "frameworks/typical-gaps-lep.yaml", "--pack", "naf-2021", "--format", "csv")
    assert {r["standing"] for r in _csv_rows(carried.stdout)} == {OTHER}  # carried forward unverified


@pytest.mark.parametrize("format_", ["matrix", "matrix-markdown", "matrix-csv", "matrix-html"])
def test_matrix_formats_say_who_waived_a_cell_and_until_when(format_: str, tmp_path: Path) -> None:
    waivers = _waivers(tmp_path)
    other = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
    result = run("check", str(BEFORE), str(other), "--waivers", str(waivers), "--format", format_)
    assert result.exit_code == 1, result.output
    report = result.stdout.replace("&#39;", "'").replace("\\", "")
    assert "waived until 20 Apr 2020: A new member's register is being prepared (approved by S. Officer)" in report


@pytest.mark.parametrize(("format_", "extension"), [("text", "txt"), ("markdown", "md")])
def test_a_signed_report_with_waivers_matches_its_golden_file(
    format_: str, extension: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # the report names its files as given: keep them relative
    facts = "tests/fixtures/ci/riverside-2020-09.yaml"
    waivers = "tests/fixtures/ci/riverside-waivers.yaml"
    sign_off = "Ann Auditor, Head of Internal Audit"
    result = run("check", facts, "--waivers", waivers, "--format", format_, "--sign-off", sign_off)
    assert result.exit_code == 1, result.output
    assert_golden(f"signed-riverside-waivers_expected.{extension}", result.stdout, update_golden)


def test_a_signed_html_report_over_several_leps_is_well_formed_with_unique_ids(tmp_path: Path) -> None:
    other = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
    result = run(
        "check", str(BEFORE), str(other), "--waivers", str(_waivers(tmp_path)), "--format", "html",
        "--sign-off", "Ann Auditor, Head of Internal Audit",
    )  # fmt: skip
    page = Page(result.stdout)
    assert page.errors == []
    assert len(page.ids) == len(set(page.ids)), "an id is used twice"
    assert set(page.fragments) <= set(page.ids)
    assert page.ids.count("sign-off") == 1  # one block for the whole report, after every LEP's
    assert result.stdout.index('id="sign-off"') > result.stdout.index('id="gappy-lep--provenance"')


def test_the_pack_digest_is_the_same_wherever_the_pack_stands(tmp_path: Path) -> None:
    import shutil

    from govcheck.engine.assess.assessor import Assessor
    from tests.support.golden import FROZEN_PACK

    moved = tmp_path / "elsewhere" / "ci-core"
    shutil.copytree(FROZEN_PACK, moved)
    facts = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
    here, there = Assessor(str(FROZEN_PACK)).assess(facts), Assessor(str(moved)).assess(facts)
    assert pack_digest(here) == pack_digest(there) is not None
    (moved / "pack.yaml").write_text((moved / "pack.yaml").read_text(encoding="utf-8") + "\n# changed\n")
    assert pack_digest(Assessor(str(moved)).assess(facts)) != pack_digest(here)  # content, not place
