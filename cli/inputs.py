"""The files a run read, however it reached them, so that nothing the run writes lands on one of them.

A command adds each file it reads as it learns of it: the facts files and folders named,
the waiver file, the baseline and other saved results, every rule file of the pack and of
each pack it extends, the catalogue, and (from each assessment's manifest) the files a
replay or a worker process read. The writer (``cli/output.py``) refuses a target that is
one of them, before it writes anything and again before it renames its work into place.

Files are compared as the system sees them, by device and inode, so a symbolic link, a hard
link or a ``../`` path to an input is the input. Whatever govcheck itself ships (its rule
packs, example frameworks, templates and code) is never written over either.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from govcheck.engine.core.errors import InputError

if TYPE_CHECKING:
    from govcheck.engine.core.results import Assessment
    from govcheck.engine.packs.loading import RulePack

# What each kind of file read is called in a refusal.
ROLES = {
    "facts": "a facts file",
    "rules": "a rule file",
    "waivers": "the waiver file",
    "catalogue": "the requirements catalogue",
    "baseline": "the baseline",
    "result": "a saved result",
    "replay": "the saved result being replayed",
}


class FilesRead:
    """The files one run has read, by the identity of each on disk."""

    def __init__(self) -> None:
        self._files: dict[tuple[int, int], tuple[str, str]] = {}
        self._seen: set[tuple[str, str]] = set()
        self._packs: set[tuple[str, str | None]] = set()

    def add(self, path: str | Path, role: str) -> None:
        key = (role, str(path))
        if key in self._seen:  # each assessment names the same rule files: look each up once
            return
        self._seen.add(key)
        try:
            status = os.stat(path)
        except (OSError, ValueError):  # gone, or never there: nothing of it to overwrite
            return
        self._files.setdefault((status.st_dev, status.st_ino), (role, str(path)))

    def add_all(self, paths: Iterable[str | Path], role: str) -> None:
        for path in paths:
            self.add(path, role)

    def add_pack(self, pack: RulePack) -> None:
        from govcheck.engine.assess.manifest import pack_files

        for role, path in pack_files(pack):
            self.add(path, role)

    def add_assessment(self, assessment: Assessment) -> None:
        from govcheck.engine.assess.manifest import FACTS, RULES, files_read

        pack = (assessment.pack.id, assessment.pack.source)
        if pack in self._packs:  # its rule files and catalogue are known: each LEP adds its own files only
            self.add(assessment.facts_file, FACTS)
            for entry in assessment.inputs:
                if entry.role != RULES:
                    self.add(entry.path, entry.role)
            return
        self._packs.add(pack)
        for role, path in files_read(assessment):
            self.add(path, role)

    def refuse(self, target: str | Path) -> None:
        """An InputError if writing ``target`` would change a file this run read, or one of govcheck's own."""
        try:
            status = os.stat(target)
        except (OSError, ValueError):  # nothing there yet, or nothing the writer could open either
            return
        found = self._files.get((status.st_dev, status.st_ino))
        if found is not None:
            role, name = found
            same = "" if os.path.normpath(name) == os.path.normpath(target) else f"{name}, "
            raise InputError.single(
                target,
                f"is {same}{ROLES.get(role, 'a file')} this run reads; govcheck never overwrites its input",
                hint="write elsewhere",
            )
        real = os.path.realpath(target)
        if any(real.startswith(folder + os.sep) for folder in _own_folders()):
            raise InputError.single(
                target,
                "is one of govcheck's own files (its rule packs, examples, templates or code); "
                "govcheck never overwrites them",
                hint="write elsewhere",
            )


@cache
def _own_folders() -> tuple[str, ...]:
    """The folders of the installed package: itself and, in a checkout, each folder it links to."""
    import govcheck

    package = Path(govcheck.__file__).parent
    folders = {os.path.realpath(package)}
    folders.update(os.path.realpath(entry) for entry in package.iterdir() if entry.is_dir())
    return tuple(sorted(folders))
