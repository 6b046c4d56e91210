"""The editions bundled: their pack headers, in the order they came into force, and the latest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import validate
from govcheck.engine.packs.loading import PackSpec, available_packs
from govcheck.engine.reading import yamlsource


def pack_specs(folder: Path | None = None) -> dict[str, PackSpec]:
    """Every bundled pack's header (its pack.yaml), oldest edition first, without loading its rules."""
    specs = {}
    for pack_id, pack_dir in available_packs(folder).items():
        data, source = yamlsource.load(pack_dir / "pack.yaml")
        specs[pack_id] = validate(PackSpec, data, source)
    return dict(sorted(specs.items(), key=lambda item: (item[1].in_force.from_, item[0])))


def latest_pack(folder: Path | None = None) -> str:
    """The id of the bundled edition that came into force last."""
    specs = pack_specs(folder)
    if not specs:
        raise InputError.single(str(folder or "rules"), "no rule packs found", hint="a pack is a folder with pack.yaml")
    return list(specs)[-1]


def last_day_assessable(today: dt.date, folder: Path | None = None) -> dt.date:
    """``today``, or the last day any bundled edition was in force when every edition has ended by then:
    the date a new facts file is best written at, so that it can be checked as it stands."""
    ends = [spec.in_force.until for spec in pack_specs(folder).values()]
    if not ends or None in ends:  # an edition still in force
        return today
    return min(today, max(end for end in ends if end is not None))
