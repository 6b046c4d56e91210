"""Writing files whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from govcheck.engine.core.errors import InputError


def write_atomic(path: str | Path, text: str | Iterable[str]) -> None:
    """Write ``text`` to ``path`` so an interrupted run leaves the old file or the new one, never half.

    ``text`` may come in pieces (a report streamed LEP by LEP); each is written as it comes.
    A file that cannot be written is an InputError naming it (exit 2), not a traceback.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError.single(target, "is a directory", hint="name a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(target)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError.single(target, f"cannot be written: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            if isinstance(text, str):
                stream.write(text)
            else:
                for piece in text:
                    stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp makes the file private; keep the mode a plain write would give
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError.single(target, f"cannot be written: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refuse_inputs(path: str | Path, inputs: Iterable[str | Path]) -> None:
    """An InputError if writing ``path`` would overwrite one of ``inputs``: govcheck never changes what it reads."""
    target = Path(path)
    for candidate in map(Path, inputs):
        if _same_file(target, candidate):
            raise InputError.single(
                target, "is one of the files being read; govcheck never overwrites its input", hint="write elsewhere"
            )


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def _mode_for(target: Path) -> int:
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
