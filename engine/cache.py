"""Work kept between runs: the bundled rule packs once validated, and the bank holidays.

Loading a rule pack (reading its YAML, checking every rule against the facts schema,
validating its examples) and loading the bank-holiday library each take longer than
assessing a LEP, and neither result changes unless the files it was made from do. So
the result is kept in a file in the user's cache folder, stamped with everything it was
made from (govcheck's version and a digest of its own code, Python's and pydantic's
versions, and the digests or names of the files read); a file whose stamp no longer
matches, or that cannot be read, is made again. The cache only ever saves time: with it
gone, unwritable or turned off, every run gives the same output, a little later.

Where: ``GOVCHECK_CACHE_DIR`` if set, otherwise the platform's user cache folder
(``~/.cache/govcheck`` on Linux, found by platformdirs). ``GOVCHECK_NO_CACHE=1`` turns
it off. Deleting the folder is always safe.

Trust. Entries are pickles, which run code when read, and a cache folder can be a file
a repository carries (a committed ``.cache/``, or CI pointing ``GOVCHECK_CACHE_DIR`` into
the checkout). So no entry is unpickled unless it carries an HMAC-SHA256, over its name
and its bytes, made with this user's own key: 32 random bytes in a file of the user's
data folder (``~/.local/share/govcheck/cache-key`` on Linux), never in the cache folder,
created readable and writable by the user alone (0600) and used only while it still is.
A repository cannot carry the key, so whatever it carries is never run: an entry whose
HMAC does not match is made again, as a damaged one is. Entries are written whole or
not at all (a temporary file, then a rename), into a folder of the user's own.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import govcheck

FOLDER_VARIABLE = "GOVCHECK_CACHE_DIR"
OFF_VARIABLE = "GOVCHECK_NO_CACHE"
KEY_FILE = "cache-key"
KEY_BYTES = 32
MAGIC = b"govcheck cache 2\n"
SUFFIX = ".cache"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a pack is well under a megabyte


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get(OFF_VARIABLE, "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs  # only here: most commands other than check never ask

    return Path(platformdirs.user_cache_dir("govcheck", appauthor=False))


def key_path() -> Path:
    """Where this user's cache key is kept: the user data folder, whatever the cache folder is."""
    import platformdirs

    return Path(platformdirs.user_data_dir("govcheck", appauthor=False)) / KEY_FILE


def stamp(*parts: object) -> tuple[object, ...]:
    """A stamp for an entry: what it was made from, after what every entry depends on (govcheck's own code)."""
    import pydantic

    return (govcheck.__version__, code_digest(), sys.version_info[:3], pydantic.VERSION, *parts)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A SHA-256 of govcheck's code that makes and defines what is kept: every Python file of the engine and the
    check kinds, by path and content. A loader changed under the same version is not served the old pack."""
    return digest_of_code(Path(govcheck.__file__).parent)


def digest_of_code(root: Path) -> str:
    """The digest ``code_digest`` takes of the package in ``root`` (about 60 files: a few milliseconds)."""
    digest = hashlib.sha256()
    files = [root / "__init__.py"]
    for part in ("engine", "checks"):
        # The package's folders are links into the checkout; os.walk follows them where glob would not.
        for where, folders, names in os.walk(root / part, followlinks=True):
            folders.sort()
            files.extend(Path(where) / name for name in sorted(names) if name.endswith(".py"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load(name: str, expected: tuple[object, ...]) -> Any | None:
    """The value kept under ``name`` if it was made from ``expected`` by this user's govcheck; otherwise None."""
    where = folder()
    if where is None or not _private(where):
        return None
    try:
        key = _key(where, create=False)
        if key is None:
            return None
        data = _read_entry(where / f"{name}{SUFFIX}")
        if data is None or not data.startswith(MAGIC):
            return None
        mac, payload = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
        if not hmac.compare_digest(mac, _mac(key, name, payload)):
            return None  # not written by this user's govcheck: never unpickled
        made_from, value = pickle.loads(payload)
        return value if made_from == expected else None
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
        key = _key(where, create=True)
        if key is None:
            return
        payload = pickle.dumps((made_from, value), protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + _mac(key, name, payload) + payload)
        os.replace(temporary, where / f"{name}{SUFFIX}")
        temporary = None
    except Exception:  # noqa: BLE001 - a read-only home, a full disk or an unpicklable value cost only time
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _read_entry(path: Path) -> bytes | None:
    """An entry's bytes, if it is a regular file of a plausible size (not a link to /dev/zero, say)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        return stream.read(MAX_ENTRY_BYTES + 1)


def _mac(key: bytes, name: str, payload: bytes) -> bytes:
    # The name is signed too: an entry copied to another name is not that entry.
    return hmac.new(key, name.encode("utf-8") + b"\0" + payload, hashlib.sha256).digest()


def _key(cache: Path, *, create: bool) -> bytes | None:
    """This user's cache key (made now if ``create`` and there is none); None where no trustworthy key can be had."""
    path = key_path()
    try:
        if _inside(path, cache):
            return None  # a key kept with the entries could be carried with them
        key = _read_key(path)
        if key is None and create and not path.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")  # created 0600
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(os.urandom(KEY_BYTES))
                os.link(temporary, path)  # never replaces a key another run made meanwhile
            except FileExistsError:
                pass
            finally:
                Path(temporary).unlink(missing_ok=True)
            key = _read_key(path)
        return key
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    """The key in ``path`` if it is a regular file of this user's that no one else can read or write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None
        if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o077):
            return None
        key = stream.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _inside(path: Path, cache: Path) -> bool:
    try:
        path.resolve().relative_to(cache.resolve())
    except ValueError:
        return False
    return True


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
