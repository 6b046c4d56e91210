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


class Where(RootModel[dict[str, Condition]]):
    model_config = ConfigDict(frozen=True, defer_build=True)  # built when a pack is read from YAML

    def holds(self, item: Any) -> bool:
        return all(condition.holds(paths.read(item, paths.split(path))) for path, condition in self.root.items())

    def in_words(self, code: Code = plain) -> str:
        return " and ".join(f"{code(path)} {condition.in_words()}" for path, condition in self.root.items())

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
