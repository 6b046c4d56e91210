"""Rules and rule packs: their models, and loading them with every path and parameter checked.

A rule's ``check`` is parsed into a tree of ``CheckNode`` by ``engine/packs/checktree.py``;
this module reads rule files and packs, resolves what a pack inherits, retires
and overrides, and validates examples and catalogue ids, so that a misspelling
anywhere is an error with file and line before anything is evaluated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from govcheck.engine.core import suggest
from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.status import Status
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts import plausibility
from govcheck.engine.facts.loader import reference_problems, validate
from govcheck.engine.facts.model import Facts
from govcheck.engine.packs.bundled import packs_folder
from govcheck.engine.packs.catalogue import EDITIONS, Catalogue, catalogue_for, load_catalogue
from govcheck.engine.packs.checktree import CheckNode, CheckTreeParser
from govcheck.engine.reading import yamlsource

RULE_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
REQUIREMENT_ID = re.compile(r"^[A-Z]{3}-\d{2}$")


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    document: str = Field(description="the framework edition or guidance, e.g. NAF19, BPG")
    para: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        return f"{self.document} {self.para}" if self.para else self.document


class Example(BaseModel):
    """Facts that give a rule a known verdict: the rule's own test."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str
    expect: Status
    facts: dict[str, Any]


class RuleSpec(BaseModel):
    """A rule as written in YAML, before its check tree is parsed."""

    # Strict: `override: yes` is not a boolean. Deferred: the rule models (and the check kinds'
    # parameters) are built when a pack is read from YAML; a pack kept between runs never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    id: str = Field(pattern=RULE_ID.pattern)
    title: str
    topic: str
    requirements: list[str] = Field(min_length=1)
    basis: Literal["V", "C", "M"]
    severity: Literal["high", "medium", "low"]
    obligation: Literal["must", "should"]
    cite: Citation
    rationale: str | None = None
    applies_when: dict[str, Any] | None = None
    check: dict[str, Any]
    remediation: str
    override: bool = False
    examples: list[Example] = Field(default_factory=list)


@dataclass(frozen=True)
class Rule:
    """A loaded rule: its metadata, its parsed check tree, and where it was written."""

    spec: RuleSpec
    check: CheckNode
    applies_when: CheckNode | None
    examples: tuple[tuple[Example, Facts], ...]
    file: str
    line: int | None
    column: int | None = None

    @property
    def id(self) -> str:
        return self.spec.id


class InForce(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)

    from_: dt.date = Field(alias="from")
    until: dt.date | None = None
    # Why the edition stopped applying, for the message given when a date after the last one's end is assessed.
    ended_because: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.from_ <= day and (self.until is None or day <= self.until)


ParameterName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# How a rule's check or applies_when names a parameter of its pack: `{parameter: NAME}`.
PARAMETER_KEY = "parameter"


class Parameter(BaseModel):
    """A value set once in a pack that rules refer to by name, which a pack extending it may set otherwise.

    A date a requirement binds from ("one third women by 2020") is written here once, with
    why it is that date, rather than in each rule and example that needs it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    value: dt.date | bool | int | float | str
    description: str = Field(description="what the value is, and the sources for it")


class PackSpec(BaseModel):
    # Strict: an unquoted 20190101 is not read as seconds since 1970.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    edition: str
    publisher: str
    published_on: dt.date
    in_force: InForce
    # The edition as the requirements catalogue's Versions column numbers it (14, 16, 19, 21):
    # coverage lists the catalogue ids of this edition, and every rule cites at least one.
    catalogue_version: Literal[14, 16, 19, 21] | None = None
    # What a reader of the catalogue should know about this edition: what changed, what is assumed.
    description: str | None = None
    # Every rule is assumed carried forward from the edition extended, unchecked against this edition's
    # own text; reports say so under the edition's name.
    carried_forward_unverified: bool = False
    extends: str | None = None
    retire: list[str] = Field(default_factory=list)
    topics: dict[str, str] = Field(default_factory=dict)
    # Catalogue requirements this edition deliberately does not encode, each with the reason.
    not_encoded: dict[str, str] = Field(default_factory=dict)
    # Values rules name with `{parameter: NAME}`; a pack extending this one may set them otherwise,
    # and its values then apply to the rules it inherits too.
    parameters: dict[ParameterName, Parameter] = Field(default_factory=dict)

    @property
    def catalogue_edition(self) -> int | None:
        """``catalogue_version``, or where it is not given the year of publication if that names an edition."""
        if self.catalogue_version is not None:
            return self.catalogue_version
        year = self.published_on.year % 100
        return year if year in EDITIONS else None


@dataclass(frozen=True)
class RulePack:
    """A framework edition's rules, in file order, with inherited rules resolved."""

    spec: PackSpec
    rules: tuple[Rule, ...]
    topics: dict[str, str]
    folder: str
    # The requirements left out and why: the pack's own reasons over those it inherits.
    not_encoded: dict[str, str] = field(default_factory=dict)
    catalogue: Catalogue | None = None
    # The parameters the rules were read with: the pack's own, those it inherits, and any set by
    # a pack extending it.
    parameters: dict[str, Parameter] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.spec.id

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


RULES_START = "a rule file holds a list of rules, each starting with `- id:`"
PACK_START = "pack.yaml names the pack: id, title, edition, publisher, published_on and in_force"
EXAMPLE_DEFAULTS = {"format_version": 2, "organisation": {"id": "example-lep", "name": "Example LEP"}}


def _with_parameters(raw: Any, at: PathKey, parameters: Mapping[str, Parameter], parser: CheckTreeParser) -> Any:
    """``raw`` with every ``{parameter: NAME}`` replaced by that parameter's value; an unknown name is a problem."""
    if isinstance(raw, dict):
        if set(raw) == {PARAMETER_KEY} and isinstance(raw[PARAMETER_KEY], str):
            name = raw[PARAMETER_KEY]
            if name in parameters:
                return parameters[name].value
            known = ", ".join(parameters) or "none"
            parser.problem(
                (*at, PARAMETER_KEY),
                f"unknown parameter {name!r}{did_you_mean(name, parameters)}",
                hint=f"set it under parameters: in pack.yaml; the parameters here: {known}",
            )
            return raw
        return {key: _with_parameters(value, (*at, key), parameters, parser) for key, value in raw.items()}
    if isinstance(raw, list):
        return [_with_parameters(value, (*at, i), parameters, parser) for i, value in enumerate(raw)]
    return raw


def _rules_of_file(
    path: Path, topics: dict[str, str], catalogue: Catalogue, parameters: Mapping[str, Parameter]
) -> tuple[list[Rule], list[Problem]]:
    data, source = yamlsource.load(path, empty_hint=RULES_START)
    if not isinstance(data, list):
        raise InputError.single(
            str(path), "a rule file holds a list of rules (each starting with '- id:')", *(source.locate(()) or (1, 1))
        )
    parser = CheckTreeParser(source)
    rules: list[Rule] = []
    for index, raw in enumerate(data):
        at: PathKey = (index,)
        named_before = len(parser.problems)
        if isinstance(raw, dict):
            raw = {
                key: _with_parameters(value, (*at, key), parameters, parser)
                if key in ("check", "applies_when")
                else value
                for key, value in raw.items()
            }
        if len(parser.problems) > named_before:
            continue  # an unknown parameter: its value, and so the check, cannot be judged
        try:
            spec = validate(RuleSpec, raw, source, prefix=at)
        except InputError as error:
            parser.problems.extend(error.problems)
            continue
        if spec.topic not in topics:
            parser.problem(
                (*at, "topic"),
                f"unknown topic {spec.topic!r}{did_you_mean(spec.topic, topics)}",
                hint="topics are listed in the pack's pack.yaml",
            )
        for r, requirement in enumerate(spec.requirements):
            if not REQUIREMENT_ID.match(requirement):
                parser.problem((*at, "requirements", r), f"{requirement!r} is not a catalogue id such as ROI-02")
            elif requirement not in catalogue:
                parser.problem((*at, "requirements", r), catalogue.unknown(requirement), hint=f"see {catalogue.file}")
        before = len(parser.problems)
        check = parser.check(spec.check, (*at, "check"), Facts)
        applies = parser.check(spec.applies_when, (*at, "applies_when"), Facts) if spec.applies_when else None
        examples = []
        for e, example in enumerate(spec.examples):
            example_at = (*at, "examples", e, "facts")
            try:
                facts = validate(Facts, {**EXAMPLE_DEFAULTS, **example.facts}, source, prefix=example_at)
            except InputError as error:
                parser.problems.extend(error.problems)
                continue
            found = reference_problems(facts, source, example_at)
            parser.problems.extend(found or plausibility.problems(facts, source, example_at))
            examples.append((example, facts))
        if len(parser.problems) == before:
            line, column = source.locate(at) or (None, None)
            rules.append(Rule(spec, check, applies, tuple(examples), str(path), line, column))
    return rules, parser.problems


def available_packs(folder: Path | None = None) -> dict[str, Path]:
    folder = folder or packs_folder()
    return {p.parent.name: p.parent for p in sorted(folder.glob("*/pack.yaml"))}


def load_pack(name_or_path: str | Path, folder: Path | None = None, *, examples: bool = True) -> RulePack:
    """Load a pack by id (from the bundled packs) or by the path of its folder.

    ``examples=False``: a bundled pack may come without its rules' examples, which only ``rules``
    commands read; they are most of a kept pack, and reading them back was most of its loading.
    They were validated all the same when the pack was first loaded and kept.
    """
    packs = available_packs(folder)
    candidate = Path(name_or_path)
    # os.path.isfile, not Path.is_file: a name too long for the system is no pack, not a crash.
    if os.path.isfile(candidate / "pack.yaml"):
        pack_dir = candidate
        folder = candidate.parent
    elif str(name_or_path) in packs:
        pack_dir = packs[str(name_or_path)]
    else:
        raise InputError.single(
            str(name_or_path),
            f"no such rule pack{did_you_mean(str(name_or_path), packs)}",
            hint=f"packs: {', '.join(packs) or 'none'}",
        )
    if folder is None and pack_dir == packs.get(str(name_or_path)):
        return _bundled_pack(pack_dir) if examples else _bundled_pack_without_examples(pack_dir)
    return _load_pack_dir(pack_dir, folder or pack_dir.parent, ())


def _bundled_pack_without_examples(pack_dir: Path) -> RulePack:
    from govcheck.engine import cache

    made_from = _bundled_stamp(pack_dir)
    name = f"pack-{pack_dir.name}-without-examples"
    pack = cache.load(name, made_from)
    if not isinstance(pack, RulePack):
        whole = _bundled_pack(pack_dir)  # the examples are validated here, as ever
        pack = replace(
            whole,
            rules=tuple(
                replace(rule, examples=(), spec=rule.spec.model_copy(update={"examples": []})) for rule in whole.rules
            ),
        )
        cache.store(name, made_from, pack)
    return pack


def _bundled_stamp(pack_dir: Path) -> tuple[object, ...]:
    from govcheck.engine import cache

    # Every file of every bundled pack and the catalogue: a pack reads those it extends too,
    # and hashing them all takes a millisecond, less than working out which they are.
    root = pack_dir.parent
    files = sorted(root.glob("**/*.yaml"))
    return cache.stamp(
        "rule pack", str(pack_dir.resolve()), [(f.relative_to(root).as_posix(), file_digest(f)) for f in files]
    )


def _bundled_pack(pack_dir: Path) -> RulePack:
    """A bundled pack, from the cache when none of the bundled rule files has changed since it was kept."""
    from govcheck.engine import cache

    made_from = _bundled_stamp(pack_dir)
    name = f"pack-{pack_dir.name}"
    pack = cache.load(name, made_from)
    if not isinstance(pack, RulePack):
        pack = _load_pack_dir(pack_dir, pack_dir.parent, ())
        cache.store(name, made_from, pack)
    return pack


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes: what the cache stamps a pack with and a manifest records."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Packs one pack may stand on through `extends:`; the bundled editions go two deep.
MAX_EXTENDS = 16


def _load_pack_dir(
    pack_dir: Path,
    folder: Path,
    seen: tuple[tuple[Path, str], ...],
    overrides: Mapping[str, Parameter] | None = None,
) -> RulePack:
    """The pack in ``pack_dir``, with what it extends from ``folder``; ``seen``: the folders and ids extending it;
    ``overrides``: parameters set by the packs extending it."""
    overrides = overrides or {}
    pack_file = pack_dir / "pack.yaml"
    data, source = yamlsource.load(pack_file, empty_hint=PACK_START)
    spec = validate(PackSpec, data, source)
    if spec.id != pack_dir.name:
        raise InputError.single(
            str(pack_file),
            f"pack id {spec.id!r} differs from its folder {pack_dir.name!r}",
            *(source.locate(("id",)) or (None, None)),
        )
    parent: RulePack | None = None
    if spec.extends:
        line, column = source.locate(("extends",)) or (None, None)
        if not os.path.isfile(folder / spec.extends / "pack.yaml"):
            raise InputError.single(
                str(pack_file),
                f"extends unknown pack {spec.extends!r}{did_you_mean(spec.extends, available_packs(folder))}",
                line,
                column,
            )
        # Folders, not names, are compared: `./a`, `a/` and a link to `a` are all the pack `a`.
        chain = (*seen, (pack_dir.resolve(), spec.id))
        if (folder / spec.extends).resolve() in (real for real, _ in chain):
            names = " -> ".join((*(pack_id for _, pack_id in chain), spec.extends))
            raise InputError.single(str(pack_file), f"packs extend each other in a loop: {names}", line, column)
        if len(chain) >= MAX_EXTENDS:
            raise InputError.single(
                str(pack_file),
                f"extends {spec.extends!r}, making a chain of more than {MAX_EXTENDS} packs, each extending the next",
                line,
                column,
                f"at most {MAX_EXTENDS} are read; extend an edition directly",
            )
        # This pack's parameters, and those of the packs extending it, apply to the rules it inherits.
        parent = _load_pack_dir(folder / spec.extends, folder, chain, {**spec.parameters, **overrides})
    parameters = {**(parent.parameters if parent else {}), **spec.parameters, **overrides}
    topics = {**(parent.topics if parent else {}), **spec.topics}
    catalogue = load_catalogue(catalogue_for(folder))
    problems: list[Problem] = []
    for key in spec.not_encoded:
        if key not in catalogue:
            line, column = source.locate(("not_encoded", key), prefer_key=True) or (None, None)
            problems.append(Problem(str(pack_file), f"not_encoded: {catalogue.unknown(key)}", line, column))
    own: list[Rule] = []
    for rule_file in sorted(pack_dir.glob("*.yaml")):
        if rule_file.name == "pack.yaml":
            continue
        try:
            with suggest.per_file():
                rules, found = _rules_of_file(rule_file, topics, catalogue, parameters)
        except InputError as error:
            problems.extend(error.problems)
            continue
        own.extend(rules)
        problems.extend(found)
    inherited = {rule.id: rule for rule in parent.rules} if parent else {}
    seen_ids: dict[str, Rule] = {}
    for rule in own:
        if rule.id in seen_ids:
            first = seen_ids[rule.id]
            problems.append(
                Problem(
                    rule.file,
                    f"duplicate rule id {rule.id!r} (first at {first.file}:{first.line})",
                    rule.line,
                    rule.column,
                    "rule ids are unique within a pack",
                )
            )
        elif rule.id in inherited and not rule.spec.override:
            problems.append(
                Problem(
                    rule.file,
                    f"rule {rule.id!r} is already defined by pack {spec.extends!r}",
                    rule.line,
                    rule.column,
                    "add override: true to replace it",
                )
            )
        elif rule.spec.override and rule.id not in inherited:
            problems.append(
                Problem(
                    rule.file,
                    f"rule {rule.id!r} overrides nothing in {spec.extends or 'this pack (it extends none)'}",
                    rule.line,
                    rule.column,
                )
            )
        seen_ids[rule.id] = rule
    for r, retired in enumerate(spec.retire):
        if retired not in inherited:
            line, column = source.locate(("retire", r)) or (None, None)
            problems.append(
                Problem(
                    str(pack_file), f"retires unknown rule {retired!r}{did_you_mean(retired, inherited)}", line, column
                )
            )
    if problems:
        raise InputError(problems)
    merged = [seen_ids.get(rule.id, rule) for rule in (parent.rules if parent else ()) if rule.id not in spec.retire]
    merged.extend(rule for rule in own if rule.id not in inherited)
    # An inherited topic whose rules were all retired goes with them.
    used = {rule.spec.topic for rule in merged}
    topics = {key: title for key, title in topics.items() if key in spec.topics or key in used}
    not_encoded = {**(parent.not_encoded if parent else {}), **spec.not_encoded}
    return RulePack(spec, tuple(merged), topics, str(pack_dir), not_encoded, catalogue, parameters)


def pack_in_force(on: dt.date, folder: Path | None = None, specs: Mapping[str, PackSpec] | None = None) -> str:
    """The id of the bundled pack in force on a date (the latest to come into force, if several).

    ``specs`` are the packs' headers by id, where the caller has read them already (one
    assessing many LEPs, each with its own date, reads them once).
    """
    if specs is None:
        specs = {}
        for pack_id, pack_dir in available_packs(folder).items():
            data, source = yamlsource.load(pack_dir / "pack.yaml", empty_hint=PACK_START)
            specs[pack_id] = validate(PackSpec, data, source)
    candidates = [(spec.in_force.from_, pack_id) for pack_id, spec in specs.items() if spec.in_force.covers(on)]
    if candidates:
        return max(candidates)[1]
    message = f"no bundled rule pack is in force on {on.isoformat()}"
    if specs:
        last_id, last = max(specs.items(), key=lambda item: (item[1].in_force.from_, item[0]))
        until = last.in_force.until
        if until is not None and on > until:
            why = f" ({last.in_force.ended_because})" if last.in_force.ended_because else ""
            raise InputError.single(
                "rules",
                f"{message}: the last edition, {last_id} ({last.title}, {last.edition}), "
                f"ended on {date_label(until)}{why}",
                hint=f"to assess against {last_id} anyway, name it: --pack {last_id}",
            )
    raise InputError.single("rules", message, hint="name one with --pack")
