"""What govcheck keeps between runs only ever saves time: same output with it, without it, or with it damaged."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from govcheck.engine import cache
from govcheck.engine.calendar import KEPT_YEARS, WorkingCalendar
from govcheck.engine.packs.loading import RulePack, load_pack
from tests.support.facts import REPO

EXEMPLAR = REPO / "frameworks" / "exemplar-lep.yaml"


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.FOLDER_VARIABLE, str(folder))
    monkeypatch.delenv(cache.OFF_VARIABLE, raising=False)
    return folder


def _check(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from govcheck.cli.main import main; main()", "check", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def test_the_report_is_the_same_made_cold_warm_and_without_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    arguments = (str(EXEMPLAR), "--format", "json")
    cold = _check(*arguments, env={cache.FOLDER_VARIABLE: str(folder)})
    kept = sorted(p.name for p in folder.iterdir())
    warm = _check(*arguments, env={cache.FOLDER_VARIABLE: str(folder)})
    off = _check(*arguments, env={cache.FOLDER_VARIABLE: str(tmp_path / "unused"), cache.OFF_VARIABLE: "1"})
    assert kept == ["bank-holidays.pickle", "pack-naf-2019.pickle"]
    assert cold.returncode == warm.returncode == off.returncode == 0
    assert cold.stdout == warm.stdout == off.stdout
    assert not (tmp_path / "unused").exists()


def test_a_kept_pack_is_the_pack_loaded_afresh(cache_folder: Path) -> None:
    fresh = load_pack("naf-2019")  # kept now
    assert (cache_folder / "pack-naf-2019.pickle").is_file()
    kept = load_pack("naf-2019")
    assert isinstance(kept, RulePack)
    assert kept == fresh
    assert [rule.check for rule in kept.rules] == [rule.check for rule in fresh.rules]


def test_an_entry_is_used_only_for_the_stamp_it_was_made_from(cache_folder: Path) -> None:
    cache.store("thing", cache.stamp("made from", 1), {"value": 1})
    assert cache.load("thing", cache.stamp("made from", 1)) == {"value": 1}
    assert cache.load("thing", cache.stamp("made from", 2)) is None
    assert cache.load("other", cache.stamp("made from", 1)) is None


def test_a_damaged_entry_is_made_again(cache_folder: Path) -> None:
    load_pack("naf-2019")
    entry = cache_folder / "pack-naf-2019.pickle"
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
    assert isinstance(load_pack("naf-2019"), RulePack)
    assert len(entry.read_bytes()) > 1000  # made again and kept whole


def test_an_entry_naming_code_that_no_longer_exists_is_made_again(cache_folder: Path) -> None:
    made_from = cache.stamp("made from", 1)
    cache_folder.mkdir(mode=0o700)
    with (cache_folder / "thing.pickle").open("wb") as stream:
        pickle.dump(made_from, stream)
        # A pickle of an object of a class that a later release removed.
        stream.write(b"cgovcheck.gone\nGone\n.")
    assert cache.load("thing", made_from) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder permissions are POSIX")
def test_entries_in_a_folder_others_can_write_to_are_never_read(cache_folder: Path) -> None:
    cache.store("thing", cache.stamp(1), "kept")
    cache_folder.chmod(0o777)  # anyone could have put a pickle there
    assert cache.load("thing", cache.stamp(1)) is None
    cache_folder.chmod(0o700)
    assert cache.load("thing", cache.stamp(1)) == "kept"


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    result = _check(str(EXEMPLAR), env={cache.FOLDER_VARIABLE: str(blocked / "cache")})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert blocked.read_text() == ""


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.FOLDER_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setenv(cache.OFF_VARIABLE, "1")
    load_pack("naf-2019")
    WorkingCalendar().bank_holiday(dt.date(2020, 12, 25))
    assert not (tmp_path / "cache").exists()


def test_packs_named_by_folder_are_read_afresh_every_time(cache_folder: Path) -> None:
    load_pack(REPO / "tests" / "fixtures" / "ci" / "packs" / "ci-core")
    assert not cache_folder.exists()


def test_kept_bank_holidays_are_the_librarys(cache_folder: Path) -> None:
    cold, warm = WorkingCalendar(), WorkingCalendar()  # the second reads what the first kept
    library = holidays.country_holidays("GB", subdiv="ENG", years=KEPT_YEARS)
    assert (cache_folder / "bank-holidays.pickle").exists() is False
    assert cold.bank_holiday(dt.date(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert (cache_folder / "bank-holidays.pickle").is_file()
    for year in (KEPT_YEARS.start, 2019, 2020, 2022, KEPT_YEARS.stop - 1):
        day = dt.date(year, 1, 1)
        while day.year == year:
            expected = library.get(day)
            assert warm.bank_holiday(day) == (str(expected) if expected else None), day
            day += dt.timedelta(days=1)


def test_years_beyond_those_kept_come_from_the_library(cache_folder: Path) -> None:
    calendar = WorkingCalendar()
    assert calendar.bank_holiday(dt.date(KEPT_YEARS.stop + 5, 12, 25)) == "Christmas Day"
    assert calendar.bank_holiday(dt.date(KEPT_YEARS.start - 1, 12, 25)) == "Christmas Day"
    assert calendar.bank_holiday(dt.date(KEPT_YEARS.start - 1, 12, 27)) is None
