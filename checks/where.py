"""``where:`` filters that pick the items a rule covers (``where: {sector: private}``).

Each key is a facts path relative to the item; its condition is a value to
equal, or one of ``in``, ``not_in`` and ``present``. Through a list, a condition
holds when any element satisfies it (``role.body: board``).
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, TypeAdapter, ValidationError, model_validator

from govcheck.checks.sentences import Code, plain
from govcheck.engine.core import paths
from govcheck.engine.core.wording import in_words, key_words, singular
from govcheck.engine.facts.blocks import NOT_FOUND


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    equals: Any = None
    in_: list[Any] | None = Field(default=None, alias="in")
    not_in: list[Any] | None = None
    present: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _scalar_means_equals(cls, value: Any) -> Any:
        return value if isinstance(value, dict) else {"equals": value}

    def expected_values(self) -> list[Any]:
        values = [self.equals] if self.equals is not None else []
        return values + list(self.in_ or []) + list(self.not_in or [])

    def holds(self, value: Any) -> bool:
        # A fact looked for and not found (format 2) is as absent as one not recorded, for `present`.
        values = value if isinstance(value, list) else ([] if value is None or value == NOT_FOUND else [value])
        if self.present is not None and bool(values) != self.present:
            return False
        if self.equals is not None and self.equals not in values:
            return False
        if self.in_ is not None and not any(v in self.in_ for v in values):
            return False
        return not (self.not_in is not None and any(v in self.not_in for v in values))

    def in_words(self) -> str:
        def show(value: Any) -> str:
            return str(value).lower() if isinstance(value, bool) else str(value)

        if self.present is not None:
            return "is present" if self.present else "is absent"
        if self.in_ is not None:
            return f"is one of {', '.join(map(show, self.in_))}"
        if self.not_in is not None:
            return f"is none of {', '.join(map(show, self.not_in))}"
        return f"is {show(self.equals)}"

    def phrase(self, path: str) -> str:
        """The condition as prose says it, after the items' noun: "whose role is chair", "marked withdrawn"."""
        parts = path.split(".")
        key = parts[-1]
        words = key_words(key)
        # A condition on a list inside the item (a meeting's declarations) holds for one of its elements.
        owner = parts[-2] if len(parts) > 1 and parts[-2].endswith("s") else None
        if self.present is not None:
            said = f"with {words} recorded" if self.present else f"with no {words} recorded"
        elif isinstance(self.equals, bool) and key.startswith(("is_", "has_")):
            said = f"marked {words}" if self.equals else f"not marked {words}"
        elif self.in_ is not None:
            said = f"whose {words} is {in_words(map(_value_words, self.in_), 'or')}"
        elif self.not_in is not None:
            said = f"whose {words} is not {in_words(map(_value_words, self.not_in), 'or')}"
        elif key.endswith("s") and not key.endswith(("ss", "us")):  # a list: one of its values is the one
            said = f"whose {words} include {_value_words(self.equals)}"
        else:
            said = f"whose {words} is {_value_words(self.equals)}"
        return f"with a {singular(key_words(owner))} {said}" if owner else said


class Where(RootModel[dict[str, Condition]]):
    model_config = ConfigDict(frozen=True, defer_build=True)  # built when a pack is read from YAML

    def holds(self, item: Any) -> bool:
        return all(condition.holds(paths.read(item, paths.split(path))) for path, condition in self.root.items())

    def in_words(self, code: Code = plain) -> str:
        """The conditions with their facts paths, for the rule docs and ``govcheck rules show``."""
        return " and ".join(f"{code(path)} {condition.in_words()}" for path, condition in self.root.items())

    def phrase(self) -> str:
        """The conditions in words, without facts keys, for reports: "whose role is chair"."""
        return in_words(condition.phrase(path) for path, condition in self.root.items())

    def problems(self, item_model: type[BaseModel]) -> list[str]:
        """What is wrong with these conditions for items of ``item_model`` (checked at load time)."""
        found: list[str] = []
        for path, condition in self.root.items():
            try:
                path_type = paths.resolve_type(item_model, path)
            except paths.PathError as error:
                found.append(f"where: {error}")
                continue
            leaf = path_type.leaf
            while typing.get_origin(leaf) is list:  # a list matches when one of its elements does
                leaf = paths.strip(typing.get_args(leaf)[0])
            adapter: TypeAdapter[Any] = TypeAdapter(leaf)
            for value in condition.expected_values():
                try:
                    adapter.validate_python(value)
                except ValidationError as error:
                    message = error.errors()[0]["msg"]
                    found.append(f"where: {path}: {value!r} can never match ({message})")
        return found


def _value_words(value: Any) -> str:
    """A value a condition compares with, as prose shows it (``true`` as the facts file writes it)."""
    return str(value).lower() if isinstance(value, bool) else str(value)
