"""A rule's check in plain English: every check kind has a sentence, and the sentences say what is checked."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from govcheck.checks import REGISTRY
from govcheck.checks.base import Params
from govcheck.checks.sentences import Sentence
from govcheck.engine.packs.describe import describe_check, sentence_case
from govcheck.engine.packs.loading import RulePack, load_pack

PACK_YAML = """\
id: words
title: Words
edition: test
publisher: test
published_on: 2019-01-01
in_force: {from: 2019-01-01}
topics: {registers-of-interest: Registers}
"""


def check_of(tmp_path: Path, check: str) -> Sentence:
    pack = tmp_path / "words"
    pack.mkdir(exist_ok=True)
    (pack / "pack.yaml").write_text(PACK_YAML)
    rule = textwrap.dedent("""\
        - id: registers.words
          title: Words
          topic: registers-of-interest
          requirements: [ROI-02]
          basis: M
          severity: high
          obligation: must
          cite: {document: NAF19}
          remediation: Do it.
          check:
        """) + textwrap.indent(textwrap.dedent(check), "    ")
    (pack / "rules.yaml").write_text(rule)
    return describe_check(load_pack(pack).rules[0].check)


def test_every_check_kind_has_its_own_sentence() -> None:
    without = [kind.name for kind in REGISTRY.values() if kind.params.in_words is Params.in_words]
    assert without == [], "give each kind's parameter model an in_words method, beside the kind's function"


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (
            """\
            each: board_members
            deadline:
              from: role.appointed_on
              to: person.register_of_interests.published_on
              within: {days: 28}
              local: register_days_after_appointment
            """,
            "for each of the board members — current members of the board (chair, deputy, members, co-optees): "
            "person.register_of_interests.published_on is within 28 days after role.appointed_on "
            "(or the LEP's own stricter local_commitments.register_days_after_appointment)",
        ),
        (
            """\
            each: decision_meetings
            deadline: {from: papers_published_on, to: held_on, at_least: {clear_working_days: 5}}
            """,
            "papers_published_on is at least 5 clear working days before held_on",
        ),
        (
            "present: {path: policies.expenses, what: expenses policy}\n",
            "policies.expenses is recorded (expenses policy)",
        ),
        ("is_true: {path: documents.induction_pack.is_in_place}\n", "documents.induction_pack.is_in_place is yes"),
        (
            "is_one_of: {path: organisation.legal_form, values: [company limited by guarantee, mayoral]}\n",
            "organisation.legal_form is one of company limited by guarantee, mayoral",
        ),
        (
            "recent: {path: assurance_framework.reviewed_on, within: {months: 12}}\n",
            "assurance_framework.reviewed_on is no more than 12 months before the assessment date",
        ),
        (
            "kept_current: {path: policies.complaints, review_within: {months: 12}}\n",
            "policies.complaints is in place, published (a url or published_on), and adopted or reviewed "
            "no more than 12 months before the assessment date",
        ),
        (
            "count: {of: board_members, at_most: 20}\n",
            "the number of board members is at most 20",
        ),
        (
            "share: {of: board_members, where: {person.sector: private}, at_least: 2/3}\n",
            "for at least 2/3 of the board members, person.sector is private",
        ),
        (
            "share: {of: board_members, where: {person.gender: woman}, at_least: 50%}\n",
            "for at least 1/2 of the board members, person.gender is woman",
        ),
        (
            "each: decision_meetings\nwhen_empty: not_applicable\nquorate: {after_withdrawals: true}\n",
            "(if there are none, the rule is not applicable): the meeting had its body's quorum of voting members "
            "present (the body's own quorum rule), and kept it for every item after members who declared an "
            "interest withdrew",
        ),
    ],
)
def test_each_kind_says_what_it_checks(tmp_path: Path, check: str, expected: str) -> None:
    sentence = check_of(tmp_path, check)
    assert expected in sentence.text
    assert sentence.parts == ()


def test_covers_lists_each_subject_with_its_meaning(tmp_path: Path) -> None:
    sentence = check_of(tmp_path, "covers: {subjects: [quorum, risk]}\n")
    assert sentence.text == "assurance_framework names the section that covers each of these subjects:"
    assert [part.text for part in sentence.parts] == [
        "quorum: the quorum of the board and of each decision-making body",
        "risk: the LEP's approach to risk",
    ]


def test_combinators_nest_and_lines_indent_them(tmp_path: Path) -> None:
    sentence = check_of(
        tmp_path,
        """\
        all:
          - present: {path: policies.whistleblowing}
          - any:
              - present: {path: policies.complaints}
              - not: {present: {path: policies.expenses}}
        """,
    )
    assert sentence.lines() == [
        "all of:",
        "  - policies.whistleblowing is recorded",
        "  - at least one of:",
        "    - policies.complaints is recorded",
        "    - not:",
        "      - policies.expenses is recorded",
    ]


def test_facts_paths_go_through_the_code_marker(tmp_path: Path) -> None:
    pack = tmp_path / "words"
    check_of(tmp_path, "each: board_members\nwhere: {person.sector: private}\npresent: {path: person.name}\n")
    rule = load_pack(pack).rules[0]
    text = describe_check(rule.check, lambda path: f"`{path}`").text
    assert "where `person.sector` is private: `person.name` is recorded" in text


def test_every_bundled_rule_reads_as_a_sentence(packs: dict[str, RulePack]) -> None:
    for pack in packs.values():
        for rule in pack.rules:
            lines = describe_check(rule.check).lines()
            assert lines, rule.id
            assert all(line.strip() for line in lines), rule.id
            # A kind without its own sentence would show as "kind: summary".
            assert not any(line.lstrip(" -").startswith(tuple(f"{k}:" for k in REGISTRY)) for line in lines), rule.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for each of the board members: x", "For each of the board members: x"),
        ("the number of board members is at most 20", "The number of board members is at most 20"),
        ("policies.whistleblowing is recorded", "policies.whistleblowing is recorded"),
        ("assurance_framework names the section", "assurance_framework names the section"),
    ],
)
def test_a_sentence_starting_with_a_path_keeps_its_case(text: str, expected: str) -> None:
    assert sentence_case(text) == expected
