"""Reading an input file's bytes, within a size limit, refusing what is not an ordinary file."""

from __future__ import annotations

import stat
from pathlib import Path

from govcheck.engine.core.errors import InputError
from govcheck.engine.reading.characters import name_refusal


def read_bounded(path: Path, limit: int, *, what: str, hint: str, directory_hint: str | None) -> bytes:
    """The bytes of the file at ``path`` (``what`` it should be), or an InputError saying plainly why not.

    A folder, a pipe or a device is refused before anything is read (a pipe would block, a device
    never end); at most ``limit`` bytes are read, even if the file grows while it is read.
    """
    name = str(path)
    refused = name_refusal(name)
    if refused is not None:
        raise InputError.single(name, refused[0], hint=refused[1])
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise InputError.single(name, f"is a directory, not {what}", hint=directory_hint)
        if not stat.S_ISREG(status.st_mode):
            raise InputError.single(name, "is not a regular file", hint=hint)
        if status.st_size > limit:
            raise InputError.single(name, f"is {status.st_size:,} bytes long; the limit is {limit:,}")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError.single(name, "does not exist") from None
    except OSError as error:
        raise InputError.single(name, f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise InputError.single(name, f"is more than {limit:,} bytes long")
    return data
