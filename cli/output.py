"""Writing what govcheck writes: whole or not at all, onto what the target really is, never over an input.

Where a report goes, by what the target is:

- ``-``: standard output. ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` are the streams
  already open (written where they go, appended to if the shell appends), not files to replace;
- a regular file, or a name not yet taken: a temporary file beside it, renamed into place, so an
  interrupted run leaves the old file or the new one, never half of one;
- a symbolic link: followed on purpose. The file it points to is written that way, and the link
  stays a link (renaming onto the link itself would replace it with a plain file);
- a named pipe or a character device (``/dev/null``, ``/dev/stdout``, a terminal): opened and
  written, since there is nothing to rename onto and replacing it would break it; what goes to a
  terminal is made inert (``cli/terminal.py``);
- a folder, a block device (a disk) or a socket: refused.

A target that is one of the files the run read (``cli/inputs.py``) is refused before anything is
written and again just before the rename. Temporary files are tracked until renamed, so a run
stopped by a signal removes them (``cli/signals.py``).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govcheck.cli import signals
from govcheck.engine.core.errors import InputError

if TYPE_CHECKING:
    from govcheck.cli.inputs import FilesRead

STANDARD_OUTPUT = "-"

# Temporary files written and not yet renamed into place: removed if the run is stopped.
_temporaries: set[str] = set()


def write_atomic(path: str | Path, text: str | Iterable[str], read: FilesRead | None = None) -> None:
    """Write ``text`` to ``path`` as its kind of target needs (see above); ``read`` names the files it must not be.

    ``text`` may come in pieces (a report streamed LEP by LEP); each is written as it comes.
    A target that cannot be written is an InputError naming it (exit 2), not a traceback.
    """
    if str(path) == STANDARD_OUTPUT:
        _write_stream(sys.stdout, text)
        return
    target = Path(path)
    descriptor = open_stream(target)
    if descriptor is not None:
        _write_through(target, text, descriptor)
        return
    if read is not None:
        read.refuse(target)
    kind = _kind(target)
    if kind is not None and stat.S_ISDIR(kind):
        raise InputError.single(target, "is a directory", hint="name a file to write")
    if kind is not None and (stat.S_ISCHR(kind) or stat.S_ISFIFO(kind)):
        _write_through(target, text)
    elif kind is not None and not stat.S_ISREG(kind):
        what = "a block device (a disk)" if stat.S_ISBLK(kind) else "a socket" if stat.S_ISSOCK(kind) else "not a file"
        raise InputError.single(target, f"is {what}; govcheck writes only to files, pipes and terminals")
    elif target.is_symlink():
        # Deliberately followed: the link's own file is replaced whole, the link kept.
        _write_renamed(Path(os.path.realpath(target)), text, read, make_folders=False, shown=target)
    else:
        _write_renamed(target, text, read, make_folders=True, shown=target)


def discard_temporaries() -> None:
    """Remove every temporary file not yet renamed into place (a run stopped half way)."""
    for temporary in list(_temporaries):
        Path(temporary).unlink(missing_ok=True)
        _temporaries.discard(temporary)


def _kind(target: Path) -> int | None:
    """The type bits of what ``target`` names, following links; None if nothing is there (or a dangling link)."""
    try:
        return target.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError.single(target, f"cannot be written: {error.strerror or error}") from None


def _write_renamed(
    target: Path, text: str | bytes | Iterable[str], read: FilesRead | None, *, make_folders: bool, shown: Path
) -> None:
    temporary: str | None = None
    try:
        if make_folders:
            target.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(target)
        with signals.held():  # the temporary file is tracked from the moment it exists
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            _temporaries.add(temporary)
        if isinstance(text, bytes):  # a workbook
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                for piece in _pieces(text):
                    stream.write(piece)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp makes the file private; keep the mode a plain write would give
        if read is not None:
            read.refuse(shown)  # the run has read more since it started (each LEP's pack, say)
        os.replace(temporary, target)
        _temporaries.discard(temporary)
        temporary = None
    except OSError as error:
        raise InputError.single(shown, f"cannot be written: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
            _temporaries.discard(temporary)


_STREAMS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_DESCRIPTOR_FOLDERS = ("/dev/fd", "/proc/self/fd", f"/proc/{os.getpid()}/fd")


def names_open_stream(target: Path) -> bool:
    return open_stream(target) is not None


def open_stream(target: Path) -> int | None:
    """The descriptor ``target`` names if it is one of this process's open streams (``/dev/stdout``, ``/dev/fd/3``)."""
    if sys.platform == "win32":
        return None
    name = os.path.normpath(os.path.abspath(target))
    if name in _STREAMS:
        return _STREAMS[name]
    folder, _, number = name.rpartition("/")
    return int(number) if folder in _DESCRIPTOR_FOLDERS and number.isdigit() else None


def _write_through(target: Path, text: str | Iterable[str], descriptor: int | None = None) -> None:
    try:
        if descriptor is None:
            stream = target.open("w", encoding="utf-8", newline="\n", errors="backslashreplace")
        else:  # a stream already open: written where it goes, after what was printed to it, and left open
            for printed in (sys.stdout, sys.stderr):
                printed.flush()
            stream = os.fdopen(os.dup(descriptor), "w", encoding="utf-8", newline="\n", errors="backslashreplace")
        with stream:
            _write_stream(stream, text)
    except OSError as error:
        raise InputError.single(target, f"cannot be written: {error.strerror or error}") from None


def _write_stream(stream: TextIO, text: str | Iterable[str]) -> None:
    from govcheck.cli.terminal import Inert

    writer: TextIO | Inert = stream
    if not isinstance(stream, Inert) and stream.isatty():
        writer = Inert(stream)
    for piece in _pieces(text):
        writer.write(piece)
    writer.flush()


def _pieces(text: str | Iterable[str]) -> Iterator[str]:
    if isinstance(text, str):
        yield text
    else:
        yield from text


def _mode_for(target: Path) -> int:
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_binary_atomic(path: str | Path, data: bytes, read: FilesRead | None = None) -> None:
    """Write a binary file (a workbook) whole or not at all, never over an input; never to a terminal."""
    target = Path(path)
    if str(path) == STANDARD_OUTPUT or names_open_stream(target):
        raise InputError.single(path, "is a stream; a workbook is written to a file", hint="name an .xlsx file")
    if read is not None:
        read.refuse(target)
    kind = _kind(target)
    if kind is not None and not stat.S_ISREG(kind):
        raise InputError.single(target, "is not a file; a workbook is written to a file", hint="name an .xlsx file")
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    _write_renamed(real, data, read, make_folders=not target.is_symlink(), shown=target)
