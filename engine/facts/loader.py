"""Loading YAML files into models: facts files, and the same located errors for any other file.

Every problem is reported with the file, line and column it concerns and, where
it can tell, the key or value that was meant. Every kind of input file (facts,
rule packs, waivers) is read the same way: YAML read safely and within bounds
(``yamlsource``), then validated against a pydantic model by ``validate``, with
each error turned into a located problem (``schema_errors``).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError

from govcheck.engine.core import suggest
from govcheck.engine.core.errors import MAX_PROBLEMS_SHOWN, InputError, Problem
from govcheck.engine.core.identity import identity
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.suggest import Suggester
from govcheck.engine.facts import plausibility
from govcheck.engine.facts.model import FACTS_FORMAT_VERSION, FACTS_FORMAT_VERSIONS, Facts
from govcheck.engine.reading import yamlsource
from govcheck.engine.reading.schema_errors import dotted, problems_from, read_as
from govcheck.engine.reading.yamlsource import SourceMap

M = TypeVar("M", bound=BaseModel)

WORKBOOK_SUFFIX = ".xlsx"
FACTS_START = "a facts file starts with `format_version: 2`; `govcheck init NAME` writes one to fill in"


@dataclass(frozen=True)
class FactsFile:
    """A validated facts file, with where each fact stood and a digest of the bytes read."""

    path: str
    facts: Facts
    source: SourceMap
    sha256: str


def load_facts(path: Path | str) -> FactsFile:
    """A facts file, YAML or a workbook (.xlsx), validated; an InputError telling every problem found."""
    path = Path(path)
    if path.suffix.lower() == WORKBOOK_SUFFIX:
        from govcheck.engine.workbook.read import read_workbook

        data, cells, digest = read_workbook(path)
        try:  # the same checks as YAML, each problem told at its sheet and cell
            return FactsFile(str(path), checked_facts(data, cells), cells, digest)
        except InputError as error:
            raise cells.placed(error) from None
    text = yamlsource.read_text(path)
    return parse_facts(text, str(path))


def parse_facts(text: str, name: str) -> FactsFile:
    data, source = yamlsource.parse(text, name, empty_hint=FACTS_START)
    facts = checked_facts(data, source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return FactsFile(name, facts, source, digest)


def checked_facts(data: Any, source: SourceMap) -> Facts:
    """Facts read from ``source``, validated, their references resolved and their dates and counts plausible."""
    with suggest.per_file():
        facts = validate(Facts, data, source)
        problems = reference_problems(facts, source)
    if not problems:  # dates and counts are judged once every reference resolves
        problems = plausibility.problems(facts, source)
    if problems:
        raise InputError(problems)
    return facts


def validate(model: type[M], data: Any, source: SourceMap, prefix: PathKey = ()) -> M:
    """Validate plain data against ``model``, turning pydantic's errors into located problems.

    ``prefix`` is where ``data`` stands in its file, for data read from inside a
    larger document (a rule's example facts).
    """
    if not issubclass(model, RootModel) and not isinstance(data, dict):
        line, column = source.locate(prefix) or (1, 1)
        if prefix:
            item = f"list item {prefix[0] + 1}" if prefix == (prefix[0],) and isinstance(prefix[0], int) else None
            place = item or dotted(prefix)
            what = f"{place} has no value" if data is None else f"{place} holds {read_as(data)}"
            message, hint = f"{what}, but a mapping of keys is expected", None
        elif data is None:
            message, hint = "is empty", FACTS_START if model is Facts else None
        else:
            message, hint = f"holds {read_as(data)}, but a mapping of keys is expected", "write `key: value` lines"
        raise InputError.single(source.file, message, line, column, hint)
    version = data.get("format_version") if model is Facts else None
    if isinstance(version, int) and not isinstance(version, bool) and version not in FACTS_FORMAT_VERSIONS:
        at = source.locate((*prefix, "format_version"))
        raise InputError.single(
            source.file,
            f"is written in facts format {version}; this govcheck reads formats "
            f"{' and '.join(map(str, FACTS_FORMAT_VERSIONS))}",
            at[0] if at else None,
            at[1] if at else None,
            hint="upgrade govcheck or convert the file",
        )
    # Format 2's forms (not found, a month, bounds...) are refused in a file that says it is format 1.
    context = {"format_version": version if version in FACTS_FORMAT_VERSIONS else FACTS_FORMAT_VERSION}
    with suggest.per_file():  # the file's own, when it is being read; else one for this value
        try:
            return model.model_validate(data, context=context)
        except ValidationError as error:
            raise InputError(problems_from(model, error.errors(), source, prefix)) from None


PLURAL = {"body": "bodies", "person": "people"}


def reference_problems(facts: Facts, source: SourceMap, prefix: PathKey = ()) -> list[Problem]:
    """Ids that name something the file does not define: a meeting of an unknown body, and so on."""
    problems: list[Problem] = []
    body_ids = [body.id for body in facts.bodies]
    person_ids = [person.id for person in facts.people]
    suggesters = {"body": Suggester(body_ids), "person": Suggester(person_ids)}

    def unknown(path: PathKey, what: str, value: str, choices: list[str]) -> None:
        position = source.locate((*prefix, *path))
        line, column = position if position else (None, None)
        hint = None
        if len(problems) < MAX_PROBLEMS_SHOWN:  # only problems that are shown need a suggestion
            hint = _unknown_id_hint(suggesters[what].nearest(value), value, PLURAL[what], choices)
        problems.append(Problem(source.file, f"{dotted(path)} names unknown {what} {value!r}", line, column, hint))

    for collection, ids in (
        ("bodies", body_ids),
        ("people", person_ids),
        ("senior_staff", [s.id for s in facts.senior_staff]),
        ("meetings", [m.id for m in facts.meetings]),
    ):
        # Ids are compared as a reader sees them: 'jsmith' and 'jsmith' with a zero-width space are one person.
        seen: dict[str, tuple[int, str]] = {}
        for index, item_id in enumerate(ids):
            first_index, first = seen.setdefault(identity(item_id), (index, item_id))
            if first_index != index:
                position = source.locate((*prefix, collection, index, "id"))
                line, column = position if position else (None, None)
                same = "" if first == item_id else f" (as {first!r}, written differently)"
                problems.append(
                    Problem(
                        source.file,
                        f"{collection}[{index}].id {item_id!r} is used twice{same}",
                        line,
                        column,
                        "each id must be unique",
                    )
                )
    bodies, people = set(body_ids), set(person_ids)  # a look-up each, however many there are
    for p, person in enumerate(facts.people):
        for r, role in enumerate(person.roles):
            if role.body not in bodies:
                unknown(("people", p, "roles", r, "body"), "body", role.body, body_ids)
    for m, meeting in enumerate(facts.meetings):
        if meeting.body not in bodies:
            unknown(("meetings", m, "body"), "body", meeting.body, body_ids)
        for a, attendee in enumerate(meeting.attendance or []):
            if attendee not in people:
                unknown(("meetings", m, "attendance", a), "person", attendee, person_ids)
        for d, declaration in enumerate(meeting.declarations or []):
            if declaration.person not in people:
                unknown(("meetings", m, "declarations", d, "person"), "person", declaration.person, person_ids)
    return problems


# An id close enough to be a slip of the keyboard ('investmnet-panel'); an id that merely shares a
# word with one defined ('audit-committee' and 'investment-committee') is more often a body or a
# person the file has yet to define, and is told so.
TYPO_LIKENESS = 0.8


def _unknown_id_hint(nearest: str | None, value: str, plural: str, choices: list[str]) -> str:
    if nearest is not None and difflib.SequenceMatcher(None, value, nearest).ratio() >= TYPO_LIKENESS:
        return f"did you mean {nearest!r}?"
    if not choices:
        return f"no {plural} are defined yet: add it under {plural}:"
    return f"add it under {plural}:, or use one of the {_defined(plural, choices)}"


def _defined(plural: str, choices: list[str], shown: int = 10) -> str:
    if not choices:
        return f"no {plural} are defined"
    more = f", ... ({len(choices):,} in all)" if len(choices) > shown else ""
    return f"defined {plural}: {', '.join(choices[:shown])}{more}"
