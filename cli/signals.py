"""Stopping a run: a signal ends it with the exit code a shell expects, and leaves nothing half-made behind.

SIGINT (Ctrl-C), SIGTERM (what ``kill``, CI runners and process managers send) and SIGHUP (the
terminal closed) each become a ``Stopped`` exception in the main thread. So every ``finally`` on
the way out runs: the worker processes are terminated, a temporary file is removed and the file
it was to replace is left as it was. The exit code is 128 plus the signal's number (130, 143,
129), as a shell reports a command the signal killed; exit 1 stays "gaps found".

The signal is remembered as well as raised: a library that wraps what is raised inside it in an
error of its own (pydantic does, while it builds a model) cannot turn a stop into a crash.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(BaseException):
    """The run was stopped by a signal. A BaseException, so no ``except Exception`` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_received: list[Stopped] = []
_holding = 0  # how deep inside held() the main thread is


def received() -> Stopped | None:
    """The stop this run received, if it received one."""
    return _received[0] if _received else None


@contextmanager
def held() -> Iterator[None]:
    """Put off a stop until the few steps inside are done (a temporary file made and recorded, say).

    Blocking the signal would not do: the process's other threads (a worker pool's) take it
    instead, and Python runs its handler in the main thread all the same.
    """
    global _holding
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
    if _received and not _holding:
        raise _received[0]


def _stop(signum: int, frame: FrameType | None) -> None:
    for stop in STOPS:  # a second signal while stopping would cut short the cleaning up
        signal.signal(stop, signal.SIG_IGN)
    _received.append(Stopped(signum))
    if not _holding:
        raise _received[0]


def stop_on_signals() -> None:
    """Turn each signal that stops a run into ``Stopped`` (in the main thread; call it once, at start)."""
    for stop in STOPS:
        signal.signal(stop, _stop)
