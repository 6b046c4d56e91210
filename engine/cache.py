"""Work kept between runs: the bundled rule packs once validated, and the bank holidays.

Loading a rule pack (reading its YAML, checking every rule against the facts schema,
validating its examples) and loading the bank-holiday library each take longer than
assessing a LEP, and neither result changes unless the files it was made from do. So
the result is kept in a file in the user's cache folder, stamped with everything it was
made from (govcheck's, Python's and pydantic's versions, and the digests or names of the
files read); a file whose stamp no longer matches, or that cannot be read, is made again.
The cache only ever saves time: with it gone, unwritable or turned off, every run gives
the same output, a little later.

Where: ``GOVCHECK_CACHE_DIR`` if set, otherwise the platform's user cache folder
(``~/.cache/govcheck`` on Linux, found by platformdirs). ``GOVCHECK_NO_CACHE=1`` turns
it off. Deleting the folder is always safe.

Entries are pickles, which can run code when read, so govcheck reads them only from a
folder it made for the user alone (mode 0700, owned by them), and writes them whole or
not at all (a temporary file, then a rename).
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import govcheck

FOLDER_VARIABLE = "GOVCHECK_CACHE_DIR"
OFF_VARIABLE = "GOVCHECK_NO_CACHE"


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get(OFF_VARIABLE, "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs  # only here: most commands other than check never ask

    return Path(platformdirs.user_cache_dir("govcheck", appauthor=False))


def stamp(*parts: object) -> tuple[object, ...]:
    """A stamp for an entry: what it was made from, after the versions every entry depends on."""
    import pydantic

    return (govcheck.__version__, sys.version_info[:3], pydantic.VERSION, *parts)


def load(name: str, expected: tuple[object, ...]) -> Any | None:
    """The value kept under ``name`` if it was made from ``expected``; otherwise None."""
    where = folder()
    if where is None or not _private(where):
        return None
    try:
        with (where / f"{name}.pickle").open("rb") as stream:
            if pickle.load(stream) != expected:
                return None
            return pickle.load(stream)
    except Exception:  # noqa: BLE001 - a missing, stale or damaged entry is made again, never an error
        return None


def store(name: str, made_from: tuple[object, ...], value: object) -> None:
    """Keep ``value`` under ``name``; if it cannot be kept, the next run simply makes it again."""
    where = folder()
    if where is None:
        return
    temporary: str | None = None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(made_from, stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, where / f"{name}.pickle")
        temporary = None
    except Exception:  # noqa: BLE001 - a read-only home, a full disk or an unpicklable value cost only time
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _private(where: Path) -> bool:
    """Whether only the current user can write to ``where`` (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return where.is_dir()
    try:
        status = where.stat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )
