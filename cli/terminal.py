"""Standard output and standard error carry no control character from any input: what reaches a terminal is inert.

The readers refuse control characters in what files hold (``engine/reading/characters.py``),
but text reaches the terminal by other ways too: the name of a file found in a folder, an
argument, a message quoting what was given. Every write to standard output and error goes
through ``Inert``, which shows any such character as an escape (``\\x1b``), so a name like
``\\x1b]0;title\\x07.yaml`` prints as those characters instead of retitling the window. A file
name that is not UTF-8 shows its bytes the same way (``\\xff``), where printing it would fail.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

from govcheck.engine.reading.characters import visible


class Inert(io.TextIOBase):
    """A text stream that writes to another, every control character made visible on the way."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        """Nothing: the stream is the process's, not this wrapper's, to close."""

    @property
    def encoding(self) -> str:  # type: ignore[override]  # the stream's, which click reads to decide how to write
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.stream.errors


def make_inert() -> None:
    """Route standard output and standard error through ``Inert`` (once; a second call changes nothing).

    A character the terminal's encoding cannot show is written as an escape too, never an error.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, Inert):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")
            setattr(sys, name, Inert(stream))
