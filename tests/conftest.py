"""Shared fixtures: the bundled packs and a calendar; the guard that the tests run this checkout.

Helpers the test modules share live in ``tests/support/``; no test module imports another."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.packs.loading import RulePack, available_packs, load_pack
from tests.support.facts import REPO

_CACHE_FOLDER = pytest.StashKey[tuple[str, str | None]]()
_DATA_FOLDER = pytest.StashKey[str | None]()


def pytest_configure(config: pytest.Config) -> None:
    # The tests judge this checkout, never a copy installed earlier: with a stale install a
    # wrong rule example could pass until the next reinstall.
    import govcheck

    if Path(govcheck.__file__).resolve().parent != REPO / "govcheck":
        raise pytest.UsageError(
            f"govcheck is imported from {Path(govcheck.__file__).parent}, not from this checkout ({REPO}); "
            "install it editable: pip install -e '.[test]'"
        )
    # The tests, and every govcheck they start, keep what they cache in a folder of their own,
    # never in the cache of whoever runs them.
    folder = tempfile.mkdtemp(prefix="govcheck-test-cache-")
    config.stash[_CACHE_FOLDER] = (folder, os.environ.get("GOVCHECK_CACHE_DIR"))
    os.environ["GOVCHECK_CACHE_DIR"] = folder
    # The key that signs what is kept lives in the user data folder, which platformdirs finds
    # through XDG_DATA_HOME on Linux: there, the tests' own too.
    config.stash[_DATA_FOLDER] = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, before = config.stash[_CACHE_FOLDER]
    shutil.rmtree(folder, ignore_errors=True)
    for variable, value in (("GOVCHECK_CACHE_DIR", before), ("XDG_DATA_HOME", config.stash[_DATA_FOLDER])):
        if value is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = value


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*_expected.* from the current output (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture(scope="session")
def packs() -> dict[str, RulePack]:
    return {name: load_pack(name) for name in available_packs()}


@pytest.fixture(scope="session")
def naf2019(packs: dict[str, RulePack]) -> RulePack:
    return packs["naf-2019"]
