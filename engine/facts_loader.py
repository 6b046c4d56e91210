"""Loading a facts file: YAML with positions, schema validation, and cross-references.

Every problem is reported with the file, line and column it concerns and, where
it can tell, the key or value that was meant.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from govcheck.engine import yamlsource
from govcheck.engine.errors import InputError, Problem
from govcheck.engine.facts import FACTS_FORMAT_VERSION, Facts
from govcheck.engine.paths import model_at
from govcheck.engine.suggest import did_you_mean
from govcheck.engine.yamlsource import PathKey, SourceMap

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class FactsFile:
    """A validated facts file, with where each fact stood and a digest of the bytes read."""

    path: str
    facts: Facts
    source: SourceMap
    sha256: str


def load_facts(path: Path | str) -> FactsFile:
    path = Path(path)
    text = yamlsource.read_text(path)
    return parse_facts(text, str(path))


def parse_facts(text: str, name: str) -> FactsFile:
    data, source = yamlsource.parse(text, name)
    facts = validate(Facts, data, source)
    problems = reference_problems(facts, source)
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return FactsFile(name, facts, source, digest)


def validate(model: type[M], data: Any, source: SourceMap, prefix: PathKey = ()) -> M:
    """Validate plain data against ``model``, turning pydantic's errors into located problems.

    ``prefix`` is where ``data`` stands in its file, for data read from inside a
    larger document (a rule's example facts).
    """
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r})"
        line, column = source.locate(prefix) or (1, 1)
        raise InputError.single(
            source.file,
            f"holds {kind}, but a mapping of keys is expected",
            line,
            column,
            hint="the file's top level is `key: value` lines",
        )
    if model is Facts and "format_version" in data and data["format_version"] != FACTS_FORMAT_VERSION:
        position = source.locate((*prefix, "format_version"))
        raise InputError.single(
            source.file,
            f"is written in facts format {data['format_version']!r}; this govcheck reads format {FACTS_FORMAT_VERSION}",
            position[0] if position else None,
            position[1] if position else None,
            hint="upgrade govcheck or convert the file",
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError([_problem(model, source, e, prefix) for e in error.errors()]) from None


def _problem(model: type[BaseModel], source: SourceMap, error: Any, prefix: PathKey = ()) -> Problem:
    loc: PathKey = tuple(part for part in error["loc"] if not _is_pydantic_tag(part))
    kind = error["type"]
    dotted = _dotted(loc)
    if kind == "extra_forbidden":
        owner = model_at(model, loc)
        known = owner.model_fields if owner else {}
        key = loc[-1] if loc else "?"
        message = f"unknown key {key!r}" + (f" in {_dotted(loc[:-1])}" if len(loc) > 1 else "")
        hint = did_you_mean(str(key), known).removeprefix("; ") or (
            f"valid keys here: {', '.join(known)}" if known else None
        )
        position = source.locate((*prefix, *loc), prefer_key=True)
    elif kind == "missing":
        message = f"missing required key {loc[-1]!r}" + (f" in {_dotted(loc[:-1])}" if len(loc) > 1 else "")
        hint = None
        position = source.locate((*prefix, *loc[:-1]))
    else:
        message = f"{dotted}: {_plain(error)}"
        hint = None
        position = source.locate((*prefix, *loc))
    line, column = position if position else (None, None)
    return Problem(source.file, message, line, column, hint)


def _is_pydantic_tag(part: Any) -> bool:
    # Pydantic inserts validator names ("function-before[...]") into locations; they are not keys.
    return (
        isinstance(part, str)
        and ("[" in part and "]" in part)
        and part.split("[")[0] in {"function-before", "function-after", "function-wrap", "function-plain"}
    )


def _plain(error: Any) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _dotted(loc: PathKey) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def reference_problems(facts: Facts, source: SourceMap, prefix: PathKey = ()) -> list[Problem]:
    """Ids that name something the file does not define: a meeting of an unknown body, and so on."""
    problems: list[Problem] = []
    body_ids = [body.id for body in facts.bodies]
    person_ids = [person.id for person in facts.people]

    def unknown(path: PathKey, what: str, value: str, choices: list[str]) -> None:
        position = source.locate((*prefix, *path))
        line, column = position if position else (None, None)
        hint = did_you_mean(value, choices).removeprefix("; ") or (
            f"defined {what}s: {', '.join(choices)}" if choices else f"no {what}s are defined"
        )
        problems.append(Problem(source.file, f"{_dotted(path)} names unknown {what} {value!r}", line, column, hint))

    for collection, ids in (
        ("bodies", body_ids),
        ("people", person_ids),
        ("senior_staff", [s.id for s in facts.senior_staff]),
        ("meetings", [m.id for m in facts.meetings]),
    ):
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                position = source.locate((*prefix, collection, index, "id"))
                line, column = position if position else (None, None)
                problems.append(
                    Problem(
                        source.file,
                        f"{collection}[{index}].id {item_id!r} is used twice",
                        line,
                        column,
                        "each id must be unique",
                    )
                )
            seen.add(item_id)
    for p, person in enumerate(facts.people):
        for r, role in enumerate(person.roles):
            if role.body not in body_ids:
                unknown(("people", p, "roles", r, "body"), "body", role.body, body_ids)
    for m, meeting in enumerate(facts.meetings):
        if meeting.body not in body_ids:
            unknown(("meetings", m, "body"), "body", meeting.body, body_ids)
        for a, attendee in enumerate(meeting.attendance or []):
            if attendee not in person_ids:
                unknown(("meetings", m, "attendance", a), "person", attendee, person_ids)
        for d, declaration in enumerate(meeting.declarations or []):
            if declaration.person not in person_ids:
                unknown(("meetings", m, "declarations", d, "person"), "person", declaration.person, person_ids)
    return problems
