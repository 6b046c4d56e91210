"""Facts paths: checked against the schema when a rule loads, read from the values when it is evaluated."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from govcheck.engine.core import paths
from govcheck.engine.facts.model import Facts, Person
from tests.support.facts import facts_from


def test_a_path_through_models_resolves_to_the_type_at_its_end() -> None:
    found = paths.resolve_type(Person, "induction")
    assert found.leaf.__name__ == "Induction"
    assert not found.through_list
    assert paths.resolve_type(Facts, "as_of").leaf is dt.date
    # A date as found (format 2) is a date, or what stands for one when the evidence gives no day.
    assert dt.date in typing.get_args(paths.resolve_type(Person, "register_of_interests.published_on").leaf)


def test_a_path_through_a_list_says_so() -> None:
    assert paths.resolve_type(Facts, "people.name").through_list


def test_a_misspelt_path_is_an_error_naming_the_key_meant() -> None:
    with pytest.raises(paths.PathError, match="did you mean 'register_of_interests'"):
        paths.resolve_type(Person, "register_of_interest.published_on")


def test_reading_follows_the_path_and_gives_none_where_a_fact_is_absent() -> None:
    facts = facts_from(
        """
        as_of: 2020-03-31
        people:
          - {id: a, name: A, register_of_interests: {published_on: 2019-05-20}}
          - {id: b, name: B}
        """
    ).facts
    first, second = facts.people
    assert paths.read(first, paths.split("register_of_interests.published_on")) == dt.date(2019, 5, 20)
    assert paths.read(second, paths.split("register_of_interests.published_on")) is None
    assert paths.split("") == ()
