"""Open facts files and what govcheck last made of each: its errors, or its assessment.

One ``Checker`` lives as long as the server: it holds the rule packs, the pack headers
and the working calendar in memory (through one ``Assessor``), so a change to a file
costs a parse and an evaluation, not a start-up. Each version of a file is judged
whole: a version that does not load has its errors and no findings, since findings
from an earlier version would point at lines that have moved or facts that changed.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from pathlib import PurePath

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import FactsFile, parse_facts
from govcheck.engine.facts.model import Facts

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:", re.MULTILINE)
_TOP_LEVEL_ITEM = re.compile(r"^-(\s|$)", re.MULTILINE)
FACTS_KEYS = frozenset(Facts.model_fields)


def looks_like_facts(text: str) -> bool:
    """Whether a YAML file is a facts file, or a start on one, rather than YAML of another kind.

    An editor sends every YAML file it opens (a CI workflow, a rule pack) to the server;
    only those judged facts files are checked. A file with a key of the facts format at
    its top is one; so is a file with no top-level key and no top-level list (empty, or
    just begun), so that what a new file needs is said. A file whose top-level keys are
    all foreign, or that is a list (as rule files are), is not.
    """
    keys = set(_TOP_LEVEL_KEY.findall(text))
    if keys:
        return bool(keys & FACTS_KEYS)
    return not _TOP_LEVEL_ITEM.search(text)


@dataclass(frozen=True)
class Checked:
    """One version of one open file, as govcheck read it."""

    uri: str
    version: int | None
    text: str
    problems: tuple[Problem, ...] = ()
    facts: FactsFile | None = None
    assessment: Assessment | None = None
    is_facts: bool = True  # False: YAML of another kind, or outside the files the server was told to check

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@dataclass
class Checker:
    """Checks versions of facts files with the packs and calendar loaded once."""

    assessor: Assessor = field(default_factory=Assessor)
    documents: dict[str, Checked] = field(default_factory=dict)
    # Globs of the paths to check (``frameworks/*.yaml``); none: every YAML file that looks like facts.
    only: tuple[str, ...] = ()

    def wants(self, name: str, text: str) -> bool:
        if self.only:
            return any(PurePath(name).match(pattern) for pattern in self.only)
        return looks_like_facts(text)

    def check(self, uri: str, text: str, version: int | None, name: str) -> Checked:
        """Load and assess ``text`` (named ``name`` in messages) and remember it as the file's latest version."""
        if not self.wants(name, text):
            checked = self.documents[uri] = Checked(uri, version, text, is_facts=False)
        else:
            checked = self.documents[uri] = judge(self.assessor, uri, text, version, name)
        return checked

    def forget(self, uri: str) -> None:
        self.documents.pop(uri, None)


def judge(assessor: Assessor, uri: str, text: str, version: int | None, name: str) -> Checked:
    facts: FactsFile | None = None
    try:
        facts = parse_facts(text, name)
        assessment = assessor.assess_file(facts)
    except InputError as error:
        # A problem in another file (a rule pack named by --pack) is told at the top of this one, with its own place.
        problems = tuple(p if p.file == name else Problem(name, str(p), 1, 1) for p in error.problems)
        return Checked(uri, version, text, problems, facts)
    except Exception as error:  # noqa: BLE001 - a defect on one input must not stop the server for every file
        # Said at the top of the file, so the user has something to report; the server carries on.
        where = traceback.extract_tb(error.__traceback__)[-1]
        message = (
            f"govcheck could not check this file ({type(error).__name__}: {error}, "
            f"at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); this is a defect in govcheck"
        )
        return Checked(uri, version, text, (Problem(name, message, 1, 1, "please report it with the file"),), facts)
    return Checked(uri, version, text, (), facts, assessment)
