"""Schema errors in plain words: what YAML read a value as, where it stands, what was meant."""

from __future__ import annotations

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.reading.schema_errors import dotted, read_as
from tests.support.facts import facts_from


@pytest.mark.parametrize(
    ("value", "words"),
    [(None, "nothing"), (True, "true/false"), (3, "a number"), ([1], "a list"), ({"a": 1}, "a mapping")],
)
def test_a_value_is_named_by_what_yaml_read_it_as(value: object, words: str) -> None:
    assert words in read_as(value)


def test_a_location_is_written_as_a_reader_writes_it() -> None:
    assert dotted(("people", 0, "roles", 1, "body")) == "people[0].roles[1].body"


def test_a_wrong_type_names_the_field_line_and_what_to_write() -> None:
    with pytest.raises(InputError) as caught:
        facts_from(
            "as_of: 2020-03-31\nbodies:\n  - {id: board, name: Board, kind: board, decides_on_public_money: yes}\n"
        )
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 68)
    assert "bodies[0].decides_on_public_money: 'yes' is not true or false" in str(problem)
