"""A rule's check tree: parsing it from YAML with every kind, parameter and facts path checked.

Each node is a registered check kind with its parameters, or ``all`` / ``any`` /
``not`` of nodes, optionally quantified with ``each: VIEW`` (and ``where:``) over
the items of a named view. Parsing resolves every kind, validates every parameter
against the kind's model, and resolves every facts path against the facts schema.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from govcheck.checks import REGISTRY
from govcheck.checks.base import Params, PathSpec
from govcheck.checks.where import Where
from govcheck.engine.core import paths
from govcheck.engine.core.errors import Problem
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.status import Status
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.facts.views import VIEWS
from govcheck.engine.reading.schema_errors import problems_from
from govcheck.engine.reading.yamlsource import SourceMap

COMBINATORS = ("all", "any", "not")
QUANTIFIER_KEYS = ("each", "where", "when_empty")


@dataclass(frozen=True)
class CheckNode:
    """One node of a rule's check tree, validated."""

    kind: str  # a registered kind, or one of COMBINATORS
    params: Params | None = None
    children: tuple[CheckNode, ...] = ()
    each: str | None = None
    where: Where | None = None
    when_empty: Status = Status.MISSING_EVIDENCE
    line: int | None = None


_UNIONS = (typing.Union, types.UnionType)


class _Filtered(BaseModel):
    """The key a `where:` stands under, for its problems to be worded as any file's (never validated)."""

    model_config = ConfigDict(defer_build=True)

    where: Where


def _in_where(params: type[Params], loc: tuple[Any, ...]) -> bool:
    """Whether a parameter error lies inside a parameter that is a `where:` (and not in the parameters themselves)."""
    field = paths.field_named(params, str(loc[0])) if len(loc) > 1 else None
    return field is not None and paths.strip(field.annotation) is Where


def path_base(params: Params, spec: PathSpec, subject: type[BaseModel]) -> type[BaseModel] | None:
    """The model a path parameter starts from: the checked value's, or the items another parameter names."""
    if spec.relative_to is None:
        return subject
    other = getattr(params, spec.relative_to)
    if spec.relative_to == "of":
        return VIEWS[other].item_model if other in VIEWS else None
    try:
        leaf = paths.resolve_type(subject, other).leaf
    except paths.PathError:
        return None  # reported on the other parameter
    while typing.get_origin(leaf) is list:
        leaf = paths.strip(typing.get_args(leaf)[0])
    return leaf if paths.is_model(leaf) else None


class CheckTreeParser:
    """Parses check trees of one file, collecting problems instead of stopping at the first."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, at: PathKey, message: str, hint: str | None = None) -> None:
        line, column = self.source.locate(at) or (None, None)
        self.problems.append(Problem(self.source.file, message, line, column, hint))

    def check(self, raw: Any, at: PathKey, subject: type[BaseModel]) -> CheckNode:
        line = self.source.line_of(at)
        if not isinstance(raw, dict):
            self.problem(at, "a check is a mapping such as {present: {path: ...}}")
            return CheckNode("all", line=line)
        each = raw.get("each")
        where = None
        if each is not None:
            if each not in VIEWS:
                self.problem(
                    (*at, "each"),
                    f"unknown view {each!r}{did_you_mean(str(each), VIEWS)}",
                    hint=f"views: {', '.join(VIEWS)}",
                )
                return CheckNode("all", line=line)
            subject = VIEWS[each].item_model
        if "where" in raw:
            if each is None:
                self.problem((*at, "where"), "where: needs each: to say which items it filters")
            where = self._where(raw["where"], (*at, "where"), subject)
        when_empty = Status.MISSING_EVIDENCE
        if "when_empty" in raw:
            try:
                when_empty = Status(raw["when_empty"])
            except ValueError:
                self.problem((*at, "when_empty"), f"when_empty must be one of {', '.join(s.value for s in Status)}")
        kinds = [key for key in raw if key not in QUANTIFIER_KEYS]
        if len(kinds) != 1:
            known = [*COMBINATORS, *sorted(REGISTRY)]
            if not kinds:
                self.problem(at, "a check needs exactly one check kind", hint=f"kinds: {', '.join(known)}")
            else:
                self.problem(
                    at,
                    f"a check has exactly one check kind, found {', '.join(map(str, kinds))}",
                    hint="combine several with all: [...]",
                )
            return CheckNode("all", line=line)
        kind = kinds[0]
        body = raw[kind]
        node_at = (*at, kind)
        if kind in ("all", "any"):
            if not isinstance(body, list) or not body:
                self.problem(node_at, f"{kind}: takes a non-empty list of checks")
                return CheckNode(kind, line=line)
            children = tuple(self.check(child, (*node_at, i), subject) for i, child in enumerate(body))
            return CheckNode(kind, None, children, each, where, when_empty, line)
        if kind == "not":
            return CheckNode(kind, None, (self.check(body, node_at, subject),), each, where, when_empty, line)
        if kind not in REGISTRY:
            self.problem(
                node_at,
                f"unknown check kind {kind!r}{did_you_mean(str(kind), [*REGISTRY, *COMBINATORS])}",
                hint=f"kinds: {', '.join([*COMBINATORS, *sorted(REGISTRY)])}",
            )
            return CheckNode("all", line=line)
        params = self._params(kind, body, node_at, subject)
        return CheckNode(kind, params, (), each, where, when_empty, line)

    def _where(self, raw: Any, at: PathKey, subject: type[BaseModel]) -> Where | None:
        try:
            where = Where.model_validate(raw)
        except ValidationError as error:
            # Worded and located as any file's problems are: "unknown key 'eqals' in where.sector (did you mean ...)".
            errors = [{**e, "loc": ("where", *e["loc"])} for e in error.errors()]
            self.problems.extend(problems_from(_Filtered, errors, self.source, at[:-1]))
            return None
        for message in where.problems(subject):
            self.problem(at, message)
        return where

    def _params(self, kind: str, raw: Any, at: PathKey, subject: type[BaseModel]) -> Params | None:
        check_kind = REGISTRY[kind]
        try:
            params: Params = check_kind.params.model_validate(raw if raw is not None else {})
        except ValidationError as error:
            for e in error.errors():
                loc = tuple(e["loc"])
                if _in_where(check_kind.params, loc):
                    found = problems_from(check_kind.params, [e], self.source, at)
                    self.problems.extend(replace(p, message=f"{kind}: {p.message}") for p in found)
                elif e["type"] == "extra_forbidden":
                    name = str(loc[-1])
                    self.problem(
                        (*at, *loc),
                        f"{kind}: unknown parameter {name!r}{did_you_mean(name, check_kind.params.model_fields)}",
                        hint=f"parameters: {', '.join(self._param_names(check_kind.params))}",
                    )
                else:
                    where = ".".join(map(str, loc))
                    message = str(e["msg"]).removeprefix("Value error, ")
                    self.problem((*at, *loc), f"{kind}: {where + ': ' if where else ''}{message}")
            return None
        for name, spec in check_kind.path_fields.items():
            value = getattr(params, name)
            base = path_base(params, spec, subject)
            if value is not None and base is not None:
                self._path(value, spec, (*at, self._alias(check_kind.params, name)), base)
        for name, _info in check_kind.params.model_fields.items():
            value = getattr(params, name)
            if isinstance(value, Where):
                of = getattr(params, "of", None)
                base = VIEWS[of].item_model if of in VIEWS else subject
                for message in value.problems(base):
                    self.problem((*at, name), f"{kind}: {message}")
        return params

    @staticmethod
    def _param_names(model: type[Params]) -> list[str]:
        return [info.alias or name for name, info in model.model_fields.items()]

    @staticmethod
    def _alias(model: type[Params], name: str) -> str:
        return model.model_fields[name].alias or name

    def _path(self, path: str, spec: PathSpec, at: PathKey, subject: type[BaseModel]) -> None:
        try:
            found = paths.resolve_type(subject, path)
        except paths.PathError as error:
            self.problem(at, f"path {path!r}: {error}", hint=f"paths here start from {subject.__name__}")
            return
        if spec.items is not None:
            leaf = found.leaf
            element = paths.strip(typing.get_args(leaf)[0]) if typing.get_origin(leaf) is list else None
            if not (isinstance(element, type) and issubclass(element, spec.items)):
                self.problem(at, f"path {path!r} does not lead to a list of {spec.items.__name__} records")
        if spec.leaf is not None:
            leaf = found.leaf
            # A date as found (facts format 2) is a date or what stands for one: checks read it with checks/when.py.
            choices = [paths.strip(a) for a in typing.get_args(leaf)] if typing.get_origin(leaf) in _UNIONS else [leaf]
            if not any(isinstance(choice, type) and issubclass(choice, spec.leaf) for choice in choices):
                self.problem(at, f"path {path!r} leads to {getattr(leaf, '__name__', leaf)}, not {spec.leaf.__name__}")
            elif found.through_list:
                self.problem(
                    at,
                    f"path {path!r} passes through a list, so it has many values",
                    hint="quantify with each: over a view instead",
                )
