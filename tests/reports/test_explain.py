"""``govcheck explain``: the check tree, the facts read with their lines, and the day-by-day arithmetic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import Assessor
from govcheck.reports.explain import explain
from tests.support.golden import REPO, assert_golden, assess

GAPPY = Path("tests/fixtures/gappy-lep.yaml")
PAPERS = "transparency.papers-5-clear-working-days-before"


def explained(rule_id: str, path: Path = GAPPY) -> str:
    assessment = assess(path)
    return explain(assessment, next(f for f in assessment.findings if f.rule_id == rule_id))


def line_of(text: str, path: Path = GAPPY) -> int:
    return next(n for n, line in enumerate((REPO / path).read_text().splitlines(), start=1) if text in line)


def test_explain_matches_its_golden_file(update_golden: bool) -> None:
    assert_golden("explain-fixtures-gappy-lep-papers_expected.txt", explained(PAPERS), update_golden)


def test_late_papers_show_each_day_counted_or_skipped_and_why() -> None:
    text = explained(PAPERS)
    meeting = text[
        text.index("Gappy Valley LEP Board, 25 Apr 2019") : text.index("Gappy Valley LEP Board, 20 Jun 2019")
    ]
    assert "papers_published_on: 16 April 2019" in meeting
    assert "held_on: 25 April 2019" in meeting
    assert "required: at least 5 clear working days; found 4 clear working days" in meeting
    steps = [line.strip(" │├└─") for line in meeting.splitlines()]
    days = [step for step in steps if step[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
    assert days == [
        "Wed 17 Apr 2019: counted (1)",
        "Thu 18 Apr 2019: counted (2)",
        "Fri 19 Apr 2019: skipped: bank holiday: Good Friday",
        "Sat 20 Apr 2019: skipped: Saturday",
        "Sun 21 Apr 2019: skipped: Sunday",
        "Mon 22 Apr 2019: skipped: bank holiday: Easter Monday",
        "Tue 23 Apr 2019: counted (3)",
        "Wed 24 Apr 2019: counted (4)",
    ]


def test_each_node_names_the_facts_it_read_with_file_and_line() -> None:
    text = explained(PAPERS)
    published = line_of("papers_published_on: 2019-04-16")
    assert f"reads: meetings[0].papers_published_on (tests/fixtures/gappy-lep.yaml:{published})" in text
    assert f"item: meetings[0] (tests/fixtures/gappy-lep.yaml:{line_of('id: board-2019-04-25')})" in text
    assert text.splitlines()[-1].startswith("Next: Publish agendas and papers")


def test_tree_shows_every_item_with_its_outcome() -> None:
    text = explained(PAPERS)
    assert "PARTIAL  decision meetings: 1 of 3 decision meetings passes, 2 fail" in text
    assert "├─ NOT MET  Gappy Valley LEP Board, 25 Apr 2019" in text
    assert "├─ ok       Gappy Valley LEP Board, 20 Jun 2019" in text
    assert "└─ NOT MET  Investment Committee, 11 Jul 2019" in text


def test_calendar_day_deadlines_show_the_date_due() -> None:
    text = explained("registers.published-within-28-days")
    assert "allowed: 28 days after 3 Jun 2019, so due by 1 Jul 2019" in text
    assert "register published 14 Jul 2019, 41 days after appointment; due by 1 Jul 2019 (28 days allowed)" in text
    # A seat joins a person and a body: each path read points at the fact itself, not at the seat.
    published = line_of("published_on: 2019-07-14")
    assert f"reads: people[2].register_of_interests.published_on (tests/fixtures/gappy-lep.yaml:{published})" in text
    assert "reads: people[2].roles[0].appointed_on" in text


def test_cli_explains_at_another_date(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    rule = "whistleblowing.policy-published-and-reviewed"
    result = CliRunner().invoke(cli, ["explain", rule, str(GAPPY), "--as-of", "2018-06-30", "--pack", "naf-2019"])
    assert result.exit_code == 0, result.output
    assert "Assessed at 30 Jun 2018" in result.output
    assert "Verdict: ok: whistleblowing policy published and last reviewed 15 Jan 2018" in result.output


def test_cli_unknown_rule_is_a_located_error_with_a_suggestion(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["explain", "registers.published-within-28-dayz", str(GAPPY)])
    assert result.exit_code == 2
    assert "has no rule 'registers.published-within-28-dayz'; did you mean 'registers.published-within-28-days'?" in (
        result.output
    )


def test_cli_bad_facts_file_exits_2_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format_version: 2\nas_of: 2020-03-31\norganisation: {id: x, name: X}\npeople: [{id: p, nmae: P}]\n")
    result = CliRunner().invoke(cli, ["explain", PAPERS, str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml:4" in result.output
    assert "Traceback" not in result.output


# What Python would print for a value, where a reader writes words: None, True, a date's repr, a list's brackets.
PYTHON_REPRS = re.compile(r"\b(?:None|True|False)\b|datetime\.|\bdate\(|\[\'|\{\'|\b[A-Z][A-Za-z]+\((?!\))")


@pytest.mark.parametrize(
    "path",
    [Path("tests/fixtures/empty-lep.yaml"), *sorted(p.relative_to(REPO) for p in (REPO / "frameworks").glob("*.yaml"))],
    ids=str,
)
def test_explain_writes_every_value_as_a_reader_would(path: Path) -> None:
    assessment = Assessor().assess(REPO / path)
    for finding in assessment.findings:
        text = explain(assessment, finding)
        assert PYTHON_REPRS.findall(text) == [], finding.rule_id


def test_explain_shows_dates_yes_no_and_absent_values_in_words() -> None:
    assert "person.induction.completed_on: 15 June 2018" in explained("induction.completed-within-3-months")
    standing = explained("transparency.declarations-standing-item")
    for said in ("has_declarations_item: yes", "has_declarations_item: no", "has_declarations_item: not recorded"):
        assert said in standing
