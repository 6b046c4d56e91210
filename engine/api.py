"""The library API the CLI sits on: find facts files, pick the pack in force, assess.

Usable on its own::

    from govcheck.engine.api import Assessor
    assessment = Assessor().assess("frameworks/exemplar-lep.yaml")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.errors import InputError
from govcheck.engine.evaluate import Context, evaluate
from govcheck.engine.facts_loader import FactsFile, load_facts
from govcheck.engine.manifest import record_inputs
from govcheck.engine.results import Assessment
from govcheck.engine.rules import RulePack, load_pack, pack_in_force
from govcheck.engine.waivers import WaiverSet


def bundled_frameworks() -> Path:
    """The example facts files shipped inside the installed package."""
    from importlib.resources import files

    return Path(str(files("govcheck") / "frameworks"))


def facts_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the ``*.yaml``/``*.yml`` files in folders named, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            found.append(path)
    return found


class Assessor:
    """Assesses facts files, loading each rule pack once however many files use it."""

    def __init__(
        self, pack: str | Path | None = None, as_of: dt.date | None = None, waivers: WaiverSet | None = None
    ) -> None:
        self.pack_name = pack
        self.as_of = as_of
        self.waivers = waivers
        self.calendar = WorkingCalendar()
        self._packs: dict[str, RulePack] = {}

    def pack_for(self, on: dt.date) -> RulePack:
        name = str(self.pack_name) if self.pack_name is not None else pack_in_force(on)
        if name not in self._packs:
            self._packs[name] = load_pack(name)
        return self._packs[name]

    def assess_file(self, facts_file: FactsFile) -> Assessment:
        on = self.as_of or facts_file.facts.as_of
        pack = self.pack_for(on)
        waivers = self.waivers.waivers if self.waivers else ()
        return record_inputs(evaluate(pack, facts_file, Context(on, self.calendar, waivers)), pack, self.waivers)

    def assess(self, path: str | Path) -> Assessment:
        return self.assess_file(load_facts(path))


__all__ = ["Assessor", "InputError", "bundled_frameworks", "facts_paths"]
