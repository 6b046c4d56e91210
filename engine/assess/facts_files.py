"""Which files are facts files: those named, and the YAML and workbooks under folders named, less what is excluded.

A folder is searched through its sub-folders, as linters search a project, except hidden ones
(``.git``, ``.venv``) and those that never hold facts (``node_modules``, ``__pycache__``). A YAML
file found in a folder that says nothing at its top level of what a facts file describes (a
waiver list, a pre-commit configuration, a CI workflow) is another kind of document: it is
skipped, and the caller is told which and why, rather than refused as a broken facts file. A
file named on its own is always read as facts, so a mistake in one is reported, never skipped.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from govcheck.engine.reading.yamllimits import MAX_FILE_BYTES

FACTS_SUFFIXES = (".yaml", ".yml", ".xlsx")
# Folders that hold tools' own files, never facts; hidden folders are left out as well.
NEVER_FACTS_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
# Every facts file has these keys at its top level; a YAML file with neither, at the start of a
# line, is some other document (``format_version`` is no sign: waiver files have one too).
_FACTS_TOP_LEVEL_KEY = re.compile(rb"^[\"']?(?:as_of|organisation)[\"']?[ \t]*:", re.MULTILINE)


@dataclass(frozen=True)
class Skipped:
    """A file found but not read as facts, and why, in words to show after its path."""

    path: Path
    why: str


@dataclass
class FactsFiles:
    """The facts files to read, in a stable order, and those passed over."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def find_facts_files(paths: Iterable[str | Path], exclude: Sequence[str] = ()) -> FactsFiles:
    """Files named, and facts files under folders named, without those ``exclude`` matches.

    A pattern in ``exclude`` is a shell-style pattern: ``drafts`` or ``*.draft.yaml`` matches a
    file or folder by its name, ``archive/2018-*`` the end of a path.
    """
    found = FactsFiles()
    for path in map(Path, paths):
        # os.path.isdir answers False for a name the system refuses (too long, say), where
        # Path.is_dir raises: reading the file then says plainly what is wrong with the name.
        if os.path.isdir(path):
            _search(path, path, exclude, found, set())
            continue
        pattern = _excluded(PurePosixPath(path.as_posix()), exclude)
        if pattern is not None:
            found.skipped.append(Skipped(path, f"excluded by {pattern!r}"))
        else:
            found.files.append(path)
    return found


def _search(root: Path, folder: Path, exclude: Sequence[str], found: FactsFiles, visited: set[Path]) -> None:
    try:
        real = folder.resolve()
        entries = sorted(folder.iterdir())
    except OSError:
        return  # an unreadable sub-folder holds nothing we can read; the folder named was readable
    if real in visited:  # a link back up the tree: each folder is searched once
        return
    visited.add(real)
    for entry in entries:
        below = PurePosixPath(entry.relative_to(root).as_posix())
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if entry.name not in NEVER_FACTS_FOLDERS and _excluded(below, exclude) is None:
                _search(root, entry, exclude, found, visited)
            continue
        # A workbook open in a spreadsheet program has a lock file beside it, ~$lep.xlsx: not facts.
        if entry.suffix not in FACTS_SUFFIXES or entry.name.startswith("~$") or not entry.is_file():
            continue
        pattern = _excluded(below, exclude)
        if pattern is not None:
            found.skipped.append(Skipped(entry, f"excluded by {pattern!r}"))
        elif not _looks_like_facts(entry):
            found.skipped.append(Skipped(entry, "not a facts file (no organisation or as_of)"))
        else:
            found.files.append(entry)


def _excluded(path: PurePosixPath, exclude: Sequence[str]) -> str | None:
    """The first pattern that matches the path, or None.

    A pattern without ``/`` matches any one name along the path (a folder excluded leaves out
    what is in it); one with ``/`` matches the path's last names (``drafts/*`` matches
    ``frameworks/drafts/a.yaml``).
    """
    parts = path.parts
    for pattern in exclude:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            depth = len(PurePosixPath(pattern).parts)
            ends = ["/".join(parts[start:]) for start in range(max(len(parts) - depth, 0), len(parts))]
            if any(fnmatch.fnmatchcase(end, pattern) for end in ends):
                return pattern
        elif any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return pattern
    return None


def _looks_like_facts(path: Path) -> bool:
    if path.suffix == ".xlsx":
        return True  # a workbook's sheets say what it holds; reading it tells a stray one plainly
    # A file that cannot be read, or is too big to be facts, is handed on as facts: reading it
    # then says plainly what is wrong with it.
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError:
        return True
    return len(data) > MAX_FILE_BYTES or _FACTS_TOP_LEVEL_KEY.search(data) is not None
