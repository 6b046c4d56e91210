"""Reports speak plainly: no facts keys in the prose, and every count agrees with its noun.

Facts keys belong in the "facts needed" blocks, where a reader is told what to write; the
rest of a report (reasons, items, counts) is read by board secretaries and auditors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import typing
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.paths import is_model, strip
from govcheck.engine.core.results import Assessment
from govcheck.engine.core.wording import counted, in_words, plural, singular, value_words
from govcheck.engine.facts.model import Facts
from govcheck.engine.facts.subjects import SUBJECTS
from govcheck.engine.facts.views import VIEWS
from govcheck.reports import Subject, render
from tests.support.facts import REPO

LEPS = [
    Path("tests/fixtures/empty-lep.yaml"),
    Path("tests/fixtures/gappy-lep.yaml"),
    *sorted(p.relative_to(REPO) for p in (REPO / "frameworks").glob("*.yaml")),
]
FORMATS = ("text", "markdown", "html")
# After "1", a word ending in s may be a verb agreeing with it ("1 fails, 2 lack the facts").
VERBS_AFTER_ONE = {"fails", "lacks", "passes"}
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")
DOTTED = re.compile(r"(?<![\w./-])[a-z_]+(?:\.[a-z_]+)+(?![\w/-])")
ONE_AND_PLURAL = re.compile(r"\b1 ([a-z]+s)\b")


def _field_names(model: type, seen: set[type]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)  # type: ignore[attr-defined]
    for info in model.model_fields.values():  # type: ignore[attr-defined]
        for part in [info.annotation, *typing.get_args(strip(info.annotation))]:
            inner = strip(part)
            while typing.get_origin(inner) in (list, dict):
                inner = strip(typing.get_args(inner)[-1])
            if is_model(inner):
                names |= _field_names(inner, seen)
    return names


@cache
def facts_keys() -> frozenset[str]:
    """Every key a facts file or a rule's path may name, in any model the facts or views are made of."""
    seen: set[type] = set()
    names = _field_names(Facts, seen)
    for view in VIEWS.values():
        names |= _field_names(view.item_model, seen)
    return frozenset(names)


@cache
def prose(path: Path, fmt: str) -> str:
    """A report's words without its "facts needed" blocks, web addresses and file names."""
    assessment: Assessment = Assessor().assess(REPO / path)
    findings = tuple(dataclasses.replace(f, facts_needed=None) for f in assessment.findings)
    text = render(Subject.ASSESSMENTS, fmt, [dataclasses.replace(assessment, findings=findings)])
    if fmt == "html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"\S+\.(?:yaml|yml|json)\b", " ", text)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", LEPS, ids=str)
def test_no_facts_keys_in_report_prose(path: Path, fmt: str) -> None:
    text = prose(path, fmt)
    assert SNAKE_CASE.findall(text) == []
    # A subject's id (policies.expenses) names a coverage item: it is the key of the facts file's
    # coverage map and the name a waiver gives the item, so it is shown beside the subject's words.
    dotted = [
        token for token in DOTTED.findall(text) if set(token.split(".")) <= facts_keys() and token not in SUBJECTS
    ]
    assert dotted == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", LEPS, ids=str)
def test_counts_agree_with_their_nouns(path: Path, fmt: str) -> None:
    text = prose(path, fmt)
    slips = [word for word in ONE_AND_PLURAL.findall(text) if word not in VERBS_AFTER_ONE]
    assert slips == []
    assert re.findall(r"\b(?:all|the|none of) 1 \w+", text) == []
    assert "not: " not in text


def test_one_item_is_the_item_several_are_counted() -> None:
    text = prose(Path("frameworks/typical-gaps-lep.yaml"), "text")
    assert "the complaint passes" in text or "the complaint does not pass" in text
    assert re.search(r"all \d+ board members pass", text)


def test_conditions_on_items_are_worded_without_keys() -> None:
    text = prose(Path("frameworks/lancashire-lep-2019.yaml"), "text")
    assert "board member whose role is chair" in text or "board members whose role is chair" in text


def test_counted_makes_the_noun_agree() -> None:
    assert counted(1, "chair") == "1 chair"
    assert counted(0, "chair") == "0 chairs"
    assert counted(2, "clear working day") == "2 clear working days"
    assert counted(1, "clear working day") == "1 clear working day"
    assert counted(3, "senior staff") == "3 senior staff"


@pytest.mark.parametrize(
    ("one", "many"),
    [
        ("board member", "board members"),
        ("complaint", "complaints"),
        ("whistleblowing concern", "whistleblowing concerns"),
        ("approved project", "approved projects"),
        ("body", "bodies"),
        ("decision body", "decision bodies"),
        ("business", "businesses"),
        ("SME representative", "SME representatives"),
        ("audit and risk committee", "audit and risk committees"),
        ("month", "months"),
    ],
)
def test_plural_and_singular_undo_each_other(one: str, many: str) -> None:
    assert plural(one) == many
    assert singular(many) == one


def test_values_are_written_as_a_reader_writes_them() -> None:
    assert value_words(None) == "not recorded"
    assert value_words(True) == "yes"
    assert value_words(False) == "no"
    assert value_words(dt.date(2025, 1, 9)) == "9 January 2025"
    assert value_words([dt.date(2025, 1, 9), dt.date(2025, 2, 1)]) == "9 January 2025 and 1 February 2025"
    assert value_words(["a", "b", "c"]) == "a, b and c"
    assert value_words([]) == "none"
    assert value_words(SimpleNamespace(words="in Apr 2019")) == "in Apr 2019"  # a date as the evidence gives it
    assert in_words(["chair", "deputy-chair"], "or") == "chair or deputy-chair"
