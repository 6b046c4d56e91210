"""`govcheck schema` agrees with `govcheck validate`: an editor using the schema flags what validate refuses.

Every facts file the project keeps that validate accepts (bundled frameworks, fixtures in
both formats, the acceptance suite's real records, the corpus's valid cases, a new `init`
file, every rule's examples) is accepted by the schema; the corpus's schema-level mistakes are refused by both;
and a table of short forms, written right and wrong, gets the same verdict from each.

The schema is allowed to be more permissive than validate only where JSON Schema cannot
say the rule, as its top description lists (``BEYOND_THE_SCHEMA``): ids that must be
unique or name something defined in the file; dates and counts checked against each
other (plausibility); a whole number written 6.0; a date and time written in quotes;
an unquoted date where text is meant (an editor reads YAML 1.2, where it is text).
``test_the_schema_is_more_permissive_only_where_it_says`` shows each of these.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from govcheck.engine.assess.facts_files import find_facts_files
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.facts.schema import BEYOND_THE_SCHEMA, facts_schema
from govcheck.engine.facts.template import facts_template
from govcheck.engine.packs.loading import EXAMPLE_DEFAULTS, available_packs, load_pack
from govcheck.engine.reading import yamlsource
from tests.support.facts import REPO

CORPUS = REPO / "tests" / "corpus" / "facts"
VALIDATOR = jsonschema.Draft202012Validator(facts_schema())


def _valid_corpus_cases() -> list[Path]:
    # A corpus case is valid when its expected output has no error line (tests/acceptance/test_error_corpus.py).
    return [
        case
        for case in sorted(CORPUS.glob("*.yaml"))
        if not any(line.startswith("error: ") for line in case.with_suffix(".expected").read_text().splitlines())
    ]


FILES_VALIDATE_ACCEPTS = [
    *sorted((REPO / "frameworks").glob("*.yaml")),
    *sorted((REPO / "tests" / "fixtures").glob("*.yaml")),
    *sorted((REPO / "tests" / "fixtures" / "format-1").glob("*.yaml")),
    *find_facts_files([REPO / "tests" / "fixtures" / "ci"]).files,  # not its waiver file or rule packs
    *sorted(
        path
        for path in (REPO / "tests" / "acceptance" / "real_records").rglob("*.yaml")
        if not path.name.endswith(".expected.yaml")
    ),
    *_valid_corpus_cases(),
]

# Corpus cases whose mistake is in the data, not the YAML: a schema can and must see each.
SCHEMA_LEVEL_MISTAKES = [
    "unknown-key-top-level",
    "unknown-key-nested",
    "unknown-key-no-near-match",
    "unknown-key-hidden-space",
    "unknown-subject",
    "wrong-choice",
    "wrong-shapes",
    "number-for-a-boolean",
    "yes-for-a-boolean",
    "number-where-text-is-meant",
    "text-where-a-number-is-meant",
    "number-out-of-range",
    "missing-required-keys",
    "empty-values",
    "date-in-words",
    "date-day-month-year",
    "date-week-form",
    "date-compact-form-quoted",
    "date-before-the-range",
    "date-far-future",
    "date-as-a-number",
    "format-version-quoted",
    "format-version-unknown",
    "top-level-list",
    "top-level-text",
]


def as_json(value: Any) -> Any:
    """What an editor's YAML 1.2 reader sees: dates are text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    return value


def schema_errors(text: str) -> list[str]:
    data, _ = yamlsource.parse(text, "case.yaml")
    return [f"{list(error.absolute_path)}: {error.message}" for error in VALIDATOR.iter_errors(as_json(data))]


def validate_accepts(text: str) -> bool:
    try:
        parse_facts(text, "case.yaml")
    except InputError:
        return False
    return True


@pytest.mark.parametrize("path", FILES_VALIDATE_ACCEPTS, ids=lambda path: str(path.relative_to(REPO)))
def test_the_schema_accepts_every_facts_file_validate_accepts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert validate_accepts(text)
    assert schema_errors(text) == []


def test_the_schema_accepts_a_new_init_file() -> None:
    text = facts_template("Example LEP", dt.date(2020, 3, 31))
    assert validate_accepts(text)
    assert schema_errors(text) == []


def test_the_schema_accepts_every_rule_example() -> None:
    # Each example's facts were validated when its pack was loaded; an editor must agree with every one.
    refused = []
    for name in available_packs():
        for rule in load_pack(name).rules:
            for number, example in enumerate(rule.spec.examples, start=1):
                errors = list(VALIDATOR.iter_errors(as_json({**EXAMPLE_DEFAULTS, **example.facts})))
                refused += [f"{rule.spec.id} example {number}: {error.message[:200]}" for error in errors]
    assert refused == []


@pytest.mark.parametrize("case", SCHEMA_LEVEL_MISTAKES)
def test_the_schema_refuses_the_corpus_mistakes_validate_refuses(case: str) -> None:
    text = (CORPUS / f"{case}.yaml").read_text(encoding="utf-8")
    assert not validate_accepts(text)
    assert schema_errors(text), f"the schema accepts {case}.yaml"


def facts(fragment: str, version: int = 2) -> str:
    """A facts file of ``fragment``, with the required keys it does not write itself."""
    fragment = textwrap.dedent(fragment)
    required = {
        "format_version": f"format_version: {version}\n",
        "as_of": "as_of: 2020-03-31\n",
        "organisation": "organisation: {id: test-lep, name: Test LEP}\n",
    }
    written = set(re.findall(r"^([a-z_]+):", fragment, flags=re.M))
    return "".join(line for key, line in required.items() if key not in written) + fragment


BOARD = "bodies: [{id: board, name: Board, kind: board, quorum: QUORUM}]\n"
FRAMEWORK = "assurance_framework: {published_on: DATE}\n"
COVERED = "assurance_framework: {coverage: {COVERAGE}}\n"

# (facts, whether both accept it): each short form written right, and written wrong.
SHORT_FORMS = [
    ("policies:\ndocuments:\nmeetings:\nannual_reporting:\nattestations:\n", True),
    ("organisation:\n", False),
    *[
        (FRAMEWORK.replace("DATE", date), True)
        for date in [
            "2019-04-10",
            "2020-02-29",
            "2019-04",
            "not found",
            "not known",
            "late",
            "found",
            "{before: 2019-06-20}",
            "{after: 2019-06-01, before: 2019-06-20}",
            "{between: [2019-06-01, 2019-06-14]}",
            "{is_late: true}",
            "{month: 2019-04, note: from the minutes}",
        ]
    ],
    *[
        (FRAMEWORK.replace("DATE", date), False)
        for date in [
            '"2019-02-29"',  # quoted: YAML itself refuses it unquoted, before any schema
            "1989-12-31",
            "2100-01-01",
            "20/06/2019",
            '"June 2019"',
            "2019-13",
            "not seen",
            "{}",
            "{month: 2019-04, before: 2019-05-01}",
            "{between: [2019-06-01]}",
            "{is_late: false}",
            "{before: 2019-06-20, late: true}",
            "{month: 2019-4}",
        ]
    ],
    ("policies: {whistleblowing: not found, complaints: not known}\n", True),
    ("policies: {whistleblowing: missing}\n", False),
    *[
        (COVERED.replace("COVERAGE", coverage), True)
        for coverage in [
            'quorum: "4.2"',
            "quorum: 4.2",
            "quorum: not covered",
            "quorum: not known",
            'quorum: {partly: no deputy chair, section: "4"}',
            'quorum: {section: "4", page: 3}',
            "quorum: {status: not covered}",
            'quorum: "4", others: not covered',
        ]
    ],
    *[
        (COVERED.replace("COVERAGE", coverage), False)
        for coverage in [
            'quorom: "4.2"',
            "quorum: true",
            "quorum: {status: covered}",
            "quorum: {status: partly, section: '4'}",
            'quorum: {partly: "", section: "4"}',
            "quorum: {partly: 3}",
            "quorum: {section: '4', pages: 3}",
        ]
    ],
    *[
        (BOARD.replace("QUORUM", quorum), True)
        for quorum in ["not found", "not known", "{minimum_present: 6}", "{minimum_share: 0.5}", "{is_set: false}"]
    ],
    *[
        (BOARD.replace("QUORUM", quorum), False)
        for quorum in ["{}", "{minimum_present: 0}", "{minimum_share: 1.5}", "six", "{minimum_present: 6, q: 1}"]
    ],
    *[
        ("bodies: [{id: board, name: Board, kind: board, FACT}]\n".replace("FACT", fact), accepted)
        for fact, accepted in [
            ("every_meeting: {period: {from: 2019-04-01, to: 2020-03-31}, is_quorate: true}", True),
            ("every_meeting: {period: {from_: 2019-04-01}}", False),
            ("every_member: {register_of_interests: {published_on: found}}", True),
            ("every_member: {register_of_interests: found}", False),
            ("vacant_roles: [chair, deputy-chair]", True),
            ("vacant_roles: [president]", False),
            ("composition: {members: 28, women: 4}", True),
            ("composition: {members: 28, women: -1}", False),
            ("composition: {members: 28, men: 24}", False),
        ]
    ],
    ("annual_reporting: {delivery_plans: [not found, {financial_year: 2019-20, published_on: late}]}\n", True),
    ("annual_reporting: {delivery_plans: [{financial_year: 2019-20}, {financial_year: 1999-00}]}\n", True),
    ("annual_reporting: {delivery_plans: [{financial_year: 2019-21}]}\n", False),
    ("annual_reporting: {delivery_plans: [{financial_year: 2019/20}]}\n", False),
    ("attestations: {board.reflects-the-area: {judged_by: Nominations Committee, is_met: true}}\n", True),
    ("attestations: {board.reflects-area: {is_met: true}}\n", False),
    ("local_commitments: {papers_clear_working_days: -1}\n", False),
    ("bodies: [{id: board, name: Board, kind: bord}]\n", False),
    ("bodies: [{id: board, name: Board, kind: board, is_quorate: yes}]\n", False),
    ("organisation: {id: Test LEP, name: Test LEP}\n", False),
]


@pytest.mark.parametrize(("fragment", "accepted"), SHORT_FORMS, ids=[case for case, _ in SHORT_FORMS])
def test_the_schema_and_validate_agree_on_each_way_of_writing_a_value(fragment: str, accepted: bool) -> None:
    text = facts(fragment)
    assert validate_accepts(text) is accepted
    assert (schema_errors(text) == []) is accepted, schema_errors(text)


FORMAT_2_FORMS = [
    FRAMEWORK.replace("DATE", "2019-04"),
    FRAMEWORK.replace("DATE", "not found"),
    FRAMEWORK.replace("DATE", "{before: 2019-06-20}"),
    "policies: {whistleblowing: not found}\n",
    COVERED.replace("COVERAGE", "quorum: not covered"),
    COVERED.replace("COVERAGE", 'quorum: {partly: no deputy chair, section: "4"}'),
    BOARD.replace("QUORUM", "not found"),
    BOARD.replace("QUORUM", "not known"),
]


@pytest.mark.parametrize("fragment", FORMAT_2_FORMS)
def test_a_format_1_file_may_not_use_format_2_forms(fragment: str) -> None:
    assert validate_accepts(facts(fragment, version=2))
    assert schema_errors(facts(fragment, version=2)) == []
    assert not validate_accepts(facts(fragment, version=1))
    assert schema_errors(facts(fragment, version=1))


def test_a_format_1_file_keeps_the_forms_format_1_reads() -> None:
    text = facts(FRAMEWORK.replace("DATE", "2019-04-10") + BOARD.replace("QUORUM", "{minimum_present: 6}"), 1)
    text += 'policies: {whistleblowing: {coverage: {whistleblowing.routes: "3", others: {status: not covered}}}}\n'
    assert validate_accepts(text)
    assert schema_errors(text) == []


BEYOND = [
    # ids that must be unique or name something defined in the file
    "bodies: [{id: board, name: Board, kind: board}]\nmeetings: [{id: m1, body: bored, held_on: 2019-06-20}]\n",
    "bodies: [{id: board, name: A, kind: board}, {id: board, name: B, kind: panel}]\n",
    # dates and counts checked against each other
    "bodies: [{id: board, name: Board, kind: board, composition: {members: 10, women: 12}}]\n",
    FRAMEWORK.replace("DATE", "{after: 2019-06-20, before: 2019-06-01}"),
    "bodies: [{id: board, name: Board, kind: board}]\n"
    "meetings: [{id: m1, body: board, held_on: 2019-06-20, final_minutes_published_on: 2019-06-01}]\n",
    # a whole number written with a decimal point
    "local_commitments: {papers_clear_working_days: 5.0}\n",
    # a date and time in quotes
    'as_of: "2020-03-31 10:00:00"\n',
    # an unquoted date where text is meant
    "bodies: [{id: board, name: 2019-06-20, kind: board}]\n",
]


@pytest.mark.parametrize("fragment", BEYOND)
def test_the_schema_is_more_permissive_only_where_it_says(fragment: str) -> None:
    text = facts(fragment)
    assert not validate_accepts(text)
    assert schema_errors(text) == []
    assert len(BEYOND_THE_SCHEMA) == 5  # each kind above is named in the schema's description
    for said in BEYOND_THE_SCHEMA:
        assert said in facts_schema()["description"]


def declared_properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every key the schema declares, with where it is: the properties of each object that closes its keys
    (every facts model, and each map keyed by a vocabulary); the conditions that only require a key are not."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        declares = node.get("additionalProperties") is False or "propertyNames" in node
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found += [(f"{path}.{name}", prop) for name, prop in value.items() if declares]
                for name, prop in value.items():
                    found += declared_properties(prop, f"{path}.{name}")
            else:
                found += declared_properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += declared_properties(item, f"{path}[{index}]")
    return found


def test_every_property_has_a_description() -> None:
    properties = declared_properties(facts_schema())
    assert len(properties) > 600  # some 300 keys of facts and their subjects, in the variants of both formats
    undescribed = [path for path, schema in properties if not schema.get("description")]
    assert undescribed == []


def test_no_generated_title_stands_in_for_a_description() -> None:
    # Editors show a property's title in place of its description, and pydantic's ("Published On") say
    # nothing; a definition's title, in words, is how an editor names what it expected ("quorum rule").
    def titles(node: Any, names: bool = False) -> list[str]:
        if isinstance(node, list):
            return [title for item in node for title in titles(item)]
        if not isinstance(node, dict):
            return []
        if names:
            return [title for value in node.values() for title in titles(value)]
        own = [node["title"]] if isinstance(node.get("title"), str) else []
        inner = [t for k, v in node.items() for t in titles(v, k in ("properties", "patternProperties", "$defs"))]
        return own + inner

    schema = facts_schema()
    definitions = [d["title"] for d in schema["$defs"].values() if "title" in d]
    assert "quorum rule" in definitions
    assert sorted(titles(schema)) == sorted(["govcheck facts file", *definitions])
