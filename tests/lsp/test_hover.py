"""Hover on a fact: the rules that read it, with the verdict on the item it belongs to."""

from __future__ import annotations

import pytest

from govcheck.lsp.documents import Checked, Checker
from govcheck.lsp.hover import hover_text
from tests.support.facts import REPO

GAPPY = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
TEXT = GAPPY.read_text(encoding="utf-8")
LINES = TEXT.splitlines()


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.fixture(scope="module")
def checked(checker: Checker) -> Checked:
    return checker.check(GAPPY.as_uri(), TEXT, 1, str(GAPPY))


def line_of(fragment: str, lines: list[str] = LINES) -> int:
    return next(number for number, line in enumerate(lines) if fragment in line)


def test_a_persons_fact_shows_the_verdict_on_that_person(checked: Checked) -> None:
    line = line_of("register_of_interests: {published_on: 2018-05-20")
    shown = hover_text(checked, line, LINES[line].index("register"))
    assert shown is not None
    assert shown.startswith("**`people[0].register_of_interests`**")
    assert "Read by 3 rules of naf-2019 (January 2019) at 2020-03-31:" in shown
    # The rule is partial over the board; for this member it is met, and the hover says so.
    assert "- **met**: `registers.published-within-28-days`" in shown
    assert "Ann Able (Gappy Valley LEP Board chair): register published 20 May 2018" in shown


def test_the_deepest_fact_under_the_cursor_is_the_one_described(checked: Checked) -> None:
    line = line_of("{body: board, role: chair")
    assert (hover_text(checked, line, 0) or "").startswith("**`people[0].roles[0]`**")  # in the indentation
    at_role = LINES[line].index("role: chair")
    assert (hover_text(checked, line, at_role) or "").startswith("**`people[0].roles[0].role`**")


def test_a_fact_no_rule_reads_says_so(checked: Checked) -> None:
    line = line_of('version: "2.1"')
    assert hover_text(checked, line, 3) == (
        "**`assurance_framework.version`**\n\n"
        'its version number, in quotes, e.g. "3.1"\n\n'  # the model's own description of the key
        "No rule of naf-2019 reads this fact."
    )


def test_a_blank_line_or_a_file_that_does_not_parse_has_no_hover(checker: Checker, checked: Checked) -> None:
    assert hover_text(checked, LINES.index(""), 0) is None
    broken = checker.check("file:///broken.yaml", TEXT + "\n  oops: [", 2, "broken.yaml")
    assert hover_text(broken, line_of("{body: board, role: chair"), 8) is None


def test_without_an_edition_for_its_date_a_fact_is_described_without_verdicts(checker: Checker) -> None:
    text = "format_version: 2\nas_of: 2016-03-31\norganisation: {id: early-lep, name: Early LEP}\n"
    undated = checker.check("file:///early.yaml", text, 1, "early.yaml")
    assert undated.facts is not None
    assert undated.assessment is None
    shown = hover_text(undated, 2, 16)
    assert shown is not None
    assert shown.startswith("**`organisation.id`**")
    assert shown.endswith("Verdicts are shown once the file has no errors.")
