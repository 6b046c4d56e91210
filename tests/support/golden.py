"""Golden reports: the scenarios they are made from, and comparing output with its reviewed copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import parse_facts

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"
# Small facts files written for the report tests, and the bundled example LEPs where present.
SCENARIO_FOLDERS = ("tests/fixtures", "frameworks")


def scenario_files(folder: str) -> list[Path]:
    """The facts files of one scenario folder, as paths relative to the repository."""
    return sorted(p.relative_to(REPO) for p in (REPO / folder).glob("*.yaml"))


def scenarios() -> list[Path]:
    return [path for folder in SCENARIO_FOLDERS for path in scenario_files(folder)]


def scenario_name(path: Path) -> str:
    """The name golden files take: a bundled framework's own (as tests/test_golden.py names them),
    ``fixtures-gappy-lep`` for a test fixture, so the two never clash."""
    return path.stem if path.parent.name == "frameworks" else f"{path.parent.name}-{path.stem}"


# The fixtures are written against the frozen 28-rule pack, so what the report tests show of
# them stays put however the bundled packs grow; the bundled frameworks use the bundled packs.
FROZEN_PACK = REPO / "tests" / "fixtures" / "ci" / "packs" / "ci-core"
_ASSESSORS = {"fixtures": Assessor(str(FROZEN_PACK)), "frameworks": Assessor()}


def assess(path: Path) -> Assessment:
    """The assessment of a scenario, naming its facts file by its path in the repository."""
    text = (REPO / path).read_text(encoding="utf-8")
    return _ASSESSORS[path.parent.name].assess_file(parse_facts(text, path.as_posix()))


def assert_golden(name: str, text: str, update: bool) -> None:
    """``text`` equals tests/golden/``name`` byte for byte; with --update-golden, rewrite the file instead."""
    path = GOLDEN / name
    if update:
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"tests/golden/{name} does not exist yet: run `pytest --update-golden` and review the new file")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"output differs from tests/golden/{name}; if intended, run `pytest --update-golden`"
