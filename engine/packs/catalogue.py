"""The requirements catalogue: every requirement id rules may cite, what it says, and the editions it belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.facts.loader import validate
from govcheck.engine.reading import yamlsource

# The editions of the national framework, as the catalogue's Versions column numbers them.
EDITIONS = (14, 16, 19, 21)
CATALOGUE_FILE = "catalogue.yaml"
# What a requirement's confidence (a rule's basis) means.
BASIS_WORDS = {
    "V": "verified in a public source",
    "C": "corroborated by several LEPs' own documents",
    "M": "not yet verified against a primary text",
}


class Requirement(BaseModel):
    """One catalogue row: a requirement of the framework, paraphrased, with where it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)  # built when a pack is read

    id: str = Field(pattern=r"^[A-Z]{3}-\d{2}$")
    section: str
    topic: str
    requirement: str
    parameters: str | None = None
    source: str
    level: str = Field(pattern=r"^(MUST|SHOULD)\b")
    versions: tuple[int, ...] = Field(min_length=1)
    # The catalogue's own text where it says more than the list ("16+BPG,19,21").
    versions_as_written: str | None = None
    confidence: Literal["V", "C", "M"]
    confidence_as_written: str | None = None
    # Where an entry added after the catalogue notes were converted comes from (research on what
    # audits and reviews of LEPs kept finding, say); entries without it are rows of the notes.
    origin: str | None = None

    @field_validator("versions", mode="before")
    @classmethod
    def _list_is_a_tuple(cls, value: object) -> object:
        # YAML gives a list; strict mode would refuse it for a tuple.
        return tuple(value) if isinstance(value, list) else value

    @field_validator("versions")
    @classmethod
    def _known_editions(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        unknown = [v for v in value if v not in EDITIONS]
        if unknown:
            raise ValueError(f"unknown edition {unknown[0]}; editions: {', '.join(map(str, EDITIONS))}")
        if list(value) != sorted(set(value)):
            raise ValueError("list each edition once, oldest first")
        return value

    def applies_in(self, edition: int | None) -> bool:
        """Whether the requirement belongs to an edition (every edition, when none is named)."""
        return edition is None or edition in self.versions


@dataclass(frozen=True)
class Catalogue:
    """The catalogue's requirements in their order, looked up by id."""

    requirements: tuple[Requirement, ...]
    file: str

    def __contains__(self, requirement_id: object) -> bool:
        return any(r.id == requirement_id for r in self.requirements)

    def __iter__(self) -> Iterator[Requirement]:
        return iter(self.requirements)

    def __len__(self) -> int:
        return len(self.requirements)

    def get(self, requirement_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.requirements]

    def applying_in(self, edition: int | None) -> list[Requirement]:
        return [r for r in self.requirements if r.applies_in(edition)]

    def unknown(self, requirement_id: str) -> str:
        """The message for an id the catalogue does not hold, with the nearest it does."""
        return f"{requirement_id!r} is not in the requirements catalogue{did_you_mean(requirement_id, self.ids)}"


def bundled_catalogue_path() -> Path:
    from govcheck.engine.packs.bundled import packs_folder

    return packs_folder() / CATALOGUE_FILE


def catalogue_for(packs_root: Path) -> Path:
    """The catalogue packs in ``packs_root`` are checked against: theirs if they have one, else the bundled one."""
    own = packs_root / CATALOGUE_FILE
    return own if own.is_file() else bundled_catalogue_path()


_CACHE: dict[tuple[str, int], Catalogue] = {}


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate a catalogue file (the bundled one by default); ids must be unique."""
    path = path or bundled_catalogue_path()
    key = (str(path), path.stat().st_mtime_ns if path.is_file() else 0)
    if key in _CACHE:
        return _CACHE[key]
    data, source = yamlsource.load(path)
    if not isinstance(data, list):
        raise InputError.single(str(path), "the catalogue holds a list of requirements (each starting with '- id:')", 1)
    requirements: list[Requirement] = []
    problems: list[Problem] = []
    first_at: dict[str, int | None] = {}
    for index, raw in enumerate(data):
        try:
            requirement = validate(Requirement, raw, source, prefix=(index,))
        except InputError as error:
            problems.extend(error.problems)
            continue
        if requirement.id in first_at:
            line, column = source.locate((index, "id")) or (None, None)
            problems.append(
                Problem(
                    str(path),
                    f"duplicate requirement id {requirement.id!r} (first at line {first_at[requirement.id]})",
                    line,
                    column,
                )
            )
            continue
        first_at[requirement.id] = source.line_of((index,))
        requirements.append(requirement)
    if problems:
        raise InputError(problems)
    catalogue = Catalogue(tuple(requirements), str(path))
    _CACHE[key] = catalogue
    return catalogue
