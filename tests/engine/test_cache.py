"""What govcheck keeps between runs only ever saves time: same output with it, without it, or with it damaged;
and nothing in a cache folder is ever run unless this user's govcheck wrote it."""

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
    monkeypatch.setattr(cache, "key_path", lambda: tmp_path / "data" / "govcheck" / cache.KEY_FILE)
    return folder


def _check(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The user data folder, where the key is kept, is the test's own (platformdirs reads XDG_DATA_HOME on Linux).
    data = Path(env.get(cache.FOLDER_VARIABLE, "unused")).parent / "data"
    return subprocess.run(
        [sys.executable, "-c", "from govcheck.cli.main import main; main()", "check", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(data), **env},
        check=False,
    )


def test_the_report_is_the_same_made_cold_warm_and_without_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    arguments = (str(EXEMPLAR), "--format", "json")
    cold = _check(*arguments, env={cache.FOLDER_VARIABLE: str(folder)})
    kept = sorted(p.name for p in folder.iterdir())
    warm = _check(*arguments, env={cache.FOLDER_VARIABLE: str(folder)})
    off = _check(*arguments, env={cache.FOLDER_VARIABLE: str(tmp_path / "unused"), cache.OFF_VARIABLE: "1"})
    # The pack as loaded, and as assessing reads it: without its rules' examples.
    assert kept == ["bank-holidays.cache", "pack-naf-2019-without-examples.cache", "pack-naf-2019.cache"]
    assert cold.returncode == warm.returncode == off.returncode == 0
    assert cold.stdout == warm.stdout == off.stdout
    assert not (tmp_path / "unused").exists()


def test_a_kept_pack_is_the_pack_loaded_afresh(cache_folder: Path) -> None:
    fresh = load_pack("naf-2019")  # kept now
    assert (cache_folder / "pack-naf-2019.cache").is_file()
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
    entry = cache_folder / "pack-naf-2019.cache"
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
    assert isinstance(load_pack("naf-2019"), RulePack)
    assert len(entry.read_bytes()) > 1000  # made again and kept whole


def _signed(name: str, payload: bytes) -> bytes:
    """An entry as this user's govcheck writes it, with any payload."""
    key = cache._key(cache.folder() or Path(), create=True)
    assert key is not None
    return cache.MAGIC + cache._mac(key, name, payload) + payload


def test_an_entry_naming_code_that_no_longer_exists_is_made_again(cache_folder: Path) -> None:
    made_from = cache.stamp("made from", 1)
    cache_folder.mkdir(mode=0o700)
    # A pickle of an object of a class that a later release removed (protocol 0 names classes as text).
    payload = pickle.dumps((made_from, Gone()), protocol=0)
    payload = payload.replace(f"{__name__}\nGone".encode(), b"govcheck.gone\nGone")
    assert b"govcheck.gone" in payload
    (cache_folder / "thing.cache").write_bytes(_signed("thing", payload))
    assert cache.load("thing", made_from) is None


class Gone:
    """A class a later release removed."""


class Payload:
    """What a hostile pickle does when it is read: here, leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("how", ["bare pickle", "entry format, no key", "entry format, another key", "other name"])
def test_an_entry_this_users_govcheck_did_not_write_is_never_run(cache_folder: Path, tmp_path: Path, how: str) -> None:
    """A repository can carry a cache folder (or CI can point GOVCHECK_CACHE_DIR into the checkout): an
    ordinary 0755 folder of the user's, full of files this user's govcheck did not write."""
    marker = tmp_path / "ran"
    made_from = cache.stamp(*_pack_stamp_parts())
    payload = pickle.dumps((made_from, Payload(marker)))
    cache_folder.mkdir(mode=0o755)
    entry = {
        "bare pickle": payload,
        "entry format, no key": cache.MAGIC + bytes(32) + payload,
        "entry format, another key": cache.MAGIC + cache._mac(b"k" * 32, "pack-naf-2019", payload) + payload,
        "other name": _signed("bank-holidays", payload),
    }[how]
    (cache_folder / "pack-naf-2019.cache").write_bytes(entry)
    assert isinstance(load_pack("naf-2019"), RulePack)
    assert not marker.exists()
    assert cache.load("pack-naf-2019", made_from) is not None  # made again, and kept signed


def _pack_stamp_parts() -> tuple[object, ...]:
    from govcheck.engine.packs.loading import available_packs, file_digest

    pack_dir = available_packs()["naf-2019"]
    root = pack_dir.parent
    files = sorted(root.glob("**/*.yaml"))
    return ("rule pack", str(pack_dir.resolve()), [(f.relative_to(root).as_posix(), file_digest(f)) for f in files])


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file permissions are POSIX")
def test_a_key_others_could_read_is_never_used(cache_folder: Path) -> None:
    cache.store("thing", cache.stamp(1), "kept")
    assert cache.load("thing", cache.stamp(1)) == "kept"
    cache.key_path().chmod(0o644)
    assert cache.load("thing", cache.stamp(1)) is None
    cache.store("other", cache.stamp(1), "kept")  # nor made anew over it: the cache only costs time
    assert not (cache_folder / "other.cache").exists()


def test_the_key_is_made_private_and_once(cache_folder: Path) -> None:
    cache.store("thing", cache.stamp(1), "kept")
    key = cache.key_path()
    assert len(key.read_bytes()) == cache.KEY_BYTES
    if hasattr(os, "getuid"):
        assert key.stat().st_mode & 0o777 == 0o600
    before = key.read_bytes()
    cache.store("thing", cache.stamp(2), "kept again")
    assert key.read_bytes() == before


def test_a_key_kept_in_the_cache_folder_is_no_key(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "key_path", lambda: cache_folder / cache.KEY_FILE)
    cache.store("thing", cache.stamp(1), "kept")
    assert not (cache_folder / "thing.cache").exists()
    assert cache.load("thing", cache.stamp(1)) is None


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_an_entry_that_is_a_link_is_never_read(cache_folder: Path) -> None:
    cache_folder.mkdir(mode=0o700)
    os.symlink("/dev/zero", cache_folder / "thing.cache")  # read to its end, it would never end
    assert cache.load("thing", cache.stamp(1)) is None


def test_the_stamp_covers_govchecks_own_code(tmp_path: Path) -> None:
    package = tmp_path / "govcheck"
    (package / "engine" / "packs").mkdir(parents=True)
    (package / "checks").mkdir()
    for name in ("__init__.py", "engine/__init__.py", "engine/packs/loading.py", "checks/dates.py"):
        (package / name).write_text("# version 1\n")
    before = cache.digest_of_code(package)
    (package / "engine" / "packs" / "loading.py").write_text("# a changed loader, the same version\n")
    assert cache.digest_of_code(package) != before
    assert cache.code_digest() in cache.stamp()


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
    assert (cache_folder / "bank-holidays.cache").exists() is False
    assert cold.bank_holiday(dt.date(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert (cache_folder / "bank-holidays.cache").is_file()
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
