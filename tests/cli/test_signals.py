"""A run stopped by a signal, in a real process: the conventional exit code, no worker left running,
no temporary file left behind, and the old report (if any) as it was.

Each run assesses hundreds of copies of the bundled LEPs over worker processes, and is signalled
once its workers are up and its report's temporary file exists: in the middle of the run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from govcheck.engine.assess.assessor import bundled_frameworks, facts_paths

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")

MAIN = "from govcheck.cli.main import main; main()"
COPIES = 300


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for path in facts_paths([bundled_frameworks()]):
        text = path.read_text(encoding="utf-8")
        at = text.index("\n  id: ", text.index("\norganisation:")) + len("\n  id: ")
        for copy in range(COPIES):
            # Each copy is a LEP of its own: a run refuses two files with one organisation id.
            (folder / f"{path.stem}-{copy:03d}.yaml").write_text(
                f"{text[:at]}copy-{copy:03d}-{text[at:]}", encoding="utf-8"
            )
    return folder


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


def gone(pids: list[int], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(running(pid) for pid in pids)


@contextmanager
def started(many: Path, out: Path, jobs: int) -> Iterator[tuple[subprocess.Popen[bytes], list[int]]]:
    """A real ``govcheck check`` over ``many``, once it is mid-run: its process and its workers."""
    process = subprocess.Popen(
        [sys.executable, "-c", MAIN, "check", str(many), "--jobs", str(jobs), "--format", "json", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be stopped: give it more files"
            workers = children(process.pid)
            if len(workers) >= (jobs if jobs > 1 else 0) and list(out.parent.glob(f".{out.name}.*.tmp")):
                break
            time.sleep(0.02)
        else:
            pytest.fail("the run never got going")
        yield process, workers
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


@pytest.mark.parametrize(
    ("stop", "code", "jobs"),
    [(signal.SIGTERM, 143, 2), (signal.SIGINT, 130, 2), (signal.SIGHUP, 129, 1)],
    ids=["SIGTERM", "SIGINT", "SIGHUP"],
)
def test_a_signal_mid_run_leaves_no_process_and_no_temporary_file(
    many: Path, tmp_path: Path, stop: signal.Signals, code: int, jobs: int
) -> None:
    out = tmp_path / "report.json"
    out.write_text("the old report\n")
    with started(many, out, jobs) as (process, workers):
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == code, stderr
        assert stderr.decode() == f"govcheck: stopped by {stop.name}\n"
        assert gone(workers), "a worker outlived the run"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert out.read_text() == "the old report\n"


def test_workers_end_with_a_parent_killed_outright(many: Path, tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the kernel ends the workers (its temporary file is all that remains)."""
    with started(many, tmp_path / "report.json", 2) as (process, workers):
        process.kill()
        process.wait(timeout=60)
        assert gone(workers), "a worker outlived its parent"


def test_a_worker_killed_from_outside_ends_the_run_with_a_message(many: Path, tmp_path: Path) -> None:
    with started(many, tmp_path / "report.json", 2) as (process, workers):
        os.kill(workers[0], signal.SIGKILL)  # as the kernel does when memory runs out
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 2
        (line,) = stderr.decode().splitlines()
        assert line.startswith(f"error: {many}/")
        assert line.endswith(
            ": the run stopped before this file was reported: a worker process was killed "
            "(perhaps for lack of memory) (run again, with fewer --jobs)"
        )
        assert gone(workers)
    assert list(tmp_path.iterdir()) == []


WRAPPED = """
import os, signal, click
from govcheck.cli import main

@click.command()
def wrapped():
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        signal.pause()
    except BaseException as error:  # as pydantic does with what is raised while it builds a model
        raise RuntimeError("a library's own error") from error

main.cli.add_command(wrapped)
main.main()
"""


def test_a_stop_that_a_library_wraps_in_its_own_error_is_still_a_stop() -> None:
    done = subprocess.run([sys.executable, "-c", WRAPPED, "wrapped"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (143, "govcheck: stopped by SIGTERM\n")


def test_a_stop_while_the_temporary_file_is_made_waits_for_it_to_be_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler runs in the main thread wherever the signal landed, even inside mkstemp: it waits."""
    from govcheck.cli import output, signals

    monkeypatch.setattr(signals, "_received", [])
    monkeypatch.setattr(signals.signal, "signal", lambda *args: None)  # keep this process's own handlers
    made = output.tempfile.mkstemp

    def interrupted(**kwargs: Any) -> tuple[int, str]:
        handle, name = made(**kwargs)
        signals._stop(signal.SIGTERM, None)  # as if SIGTERM arrived just as the file was made
        return handle, name

    monkeypatch.setattr(output.tempfile, "mkstemp", interrupted)
    (tmp_path / "report.txt").write_text("the old report\n")
    with pytest.raises(signals.Stopped):
        output.write_atomic(tmp_path / "report.txt", "the new report\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    assert (tmp_path / "report.txt").read_text() == "the old report\n"
