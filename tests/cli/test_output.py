"""Where ``--output`` writes, by what the target is: standard output, a file, a link, a pipe, a device.

A regular file is replaced whole (tests/cli/test_error_corpus_in_a_process.py); here, a target that
is not one is written as what it is, or refused, and is still what it was afterwards.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govcheck.cli.main import cli
from govcheck.cli.output import write_atomic
from govcheck.engine.core.errors import InputError
from tests.support.ci import BEFORE

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="pipes, devices and links as POSIX has them")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def lep(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(BEFORE, "lep.yaml")
    return tmp_path


def no_temporary_files(folder: Path) -> bool:
    return not list(folder.rglob(".*.tmp"))


def test_dash_is_standard_output(lep: Path) -> None:
    result = run("check", "lep.yaml", "-o", "-", "--format", "json")
    assert result.exit_code in (0, 1)
    assert result.stdout.startswith('{"schema":"govcheck-report"')
    assert not Path("-").exists()
    both = run("check", "lep.yaml", "-o", "-", "-o", "out.json")  # standard output in text, the file in JSON
    assert both.stdout.startswith("Riverside LEP")
    assert Path("out.json").read_text().startswith("{")
    assert run("trend", "out.json", "-o", "-").stdout.startswith("Riverside LEP (riverside-lep): 1 assessments")
    init = run("init", "My LEP", "-o", "-")
    assert (init.exit_code, init.stdout.splitlines()[0]) == (
        0,
        '# Facts file for "My LEP": its local assurance framework as facts, for govcheck.',
    )
    assert not Path("-").exists()


def test_a_replay_to_standard_output_tells_its_comparison_on_standard_error(lep: Path) -> None:
    run("check", "lep.yaml", "-o", "saved.json")
    result = run("check", "--replay", "saved.json", "-o", "-", "--format", "json")
    assert result.exit_code == 0
    assert result.stdout.startswith("{")
    assert result.stderr.startswith("replay of saved.json: verdicts identical")


@POSIX
def test_a_named_pipe_is_written_through_and_stays_a_pipe(lep: Path) -> None:
    os.mkfifo("pipe.txt")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(Path("pipe.txt").read_bytes()))
    reader.start()
    result = run("check", "lep.yaml", "-o", "pipe.txt", "--format", "text")
    reader.join(timeout=60)
    assert result.exit_code == 1
    assert received[0].startswith(b"Riverside LEP")
    assert stat.S_ISFIFO(os.stat("pipe.txt").st_mode)
    assert no_temporary_files(lep)


@POSIX
def test_a_character_device_is_written_through_and_stays_one(lep: Path) -> None:
    before = os.stat(os.devnull)
    for args in (["check", "lep.yaml", "--format", "json"], ["init", "My LEP"], ["trend", "none.json"]):
        if args[0] == "trend":
            run("check", "lep.yaml", "-o", "none.json")
        result = run(*args, "-o", os.devnull)
        assert result.exit_code in (0, 1), result.output
        assert result.stdout == ""  # init says nothing of where the template went: it went to a device
    after = os.stat(os.devnull)
    assert (stat.S_ISCHR(after.st_mode), after.st_ino, after.st_rdev) == (True, before.st_ino, before.st_rdev)


@POSIX
def test_a_symbolic_link_is_followed_and_kept(lep: Path) -> None:
    Path("reports").mkdir()
    Path("reports/latest.txt").write_text("the old report\n")
    os.symlink("reports/latest.txt", "report.txt")
    assert run("check", "lep.yaml", "-o", "report.txt").exit_code == 1
    assert os.readlink("report.txt") == "reports/latest.txt"
    assert Path("reports/latest.txt").read_text().startswith("Riverside LEP")
    assert no_temporary_files(lep)
    os.symlink("reports/first.txt", "dangling.txt")  # the file it names is made
    assert run("check", "lep.yaml", "-o", "dangling.txt").exit_code == 1
    assert (os.readlink("dangling.txt"), Path("reports/first.txt").is_file()) == ("reports/first.txt", True)


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: os.symlink("nowhere/report.txt", "out.txt"),
            "error: out.txt: cannot be written: No such file or directory",
        ),
        (
            lambda: (os.symlink("out.txt", "loop.txt"), os.symlink("loop.txt", "out.txt")),
            "error: out.txt: cannot be written: ",
        ),
        (lambda: Path("out.txt").mkdir(), "error: out.txt: is a directory (name a file to write)"),
        (
            lambda: socket.socket(socket.AF_UNIX).bind("out.txt"),
            "error: out.txt: is a socket; govcheck writes only to files, pipes and terminals",
        ),
    ],
)
def test_what_cannot_be_written_is_refused(lep: Path, make: object, message: str) -> None:
    make()  # type: ignore[operator]
    result = run("check", "lep.yaml", "-o", "out.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert no_temporary_files(lep)


@POSIX
def test_a_block_device_is_refused_unopened(lep: Path) -> None:
    disks = [p for p in Path("/dev").iterdir() if p.is_block_device()] if Path("/dev").is_dir() else []
    if not disks:
        pytest.skip("no block device to point at")
    result = run("check", "lep.yaml", "--format", "text", "-o", str(disks[0]))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {disks[0]}: is a block device (a disk); govcheck writes only to files, pipes and terminals\n",
    )


@POSIX
def test_dev_stdout_is_the_stream_already_open_and_appends_where_the_shell_appends(tmp_path: Path) -> None:
    shutil.copyfile(BEFORE, tmp_path / "lep.yaml")
    log = tmp_path / "log.txt"
    log.write_text("an earlier line\n")
    with log.open("a") as appending:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from govcheck.cli.main import main; main()",
                "check",
                "lep.yaml",
                "-o",
                "/dev/stdout",
            ],
            cwd=tmp_path,
            stdout=appending,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1, done.stderr
    text = log.read_text()
    assert text.startswith("an earlier line\nRiverside LEP")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_named_as_output_gets_no_control_character() -> None:
    primary, secondary = os.openpty()
    try:
        write_atomic(os.ttyname(secondary), "a \x1b]0;title\x07 b\n")
        assert os.read(primary, 1024).replace(b"\r\n", b"\n") == b"a \\x1b]0;title\\x07 b\n"
    finally:
        os.close(primary)
        os.close(secondary)


def test_an_output_named_twice_is_refused(lep: Path) -> None:
    result = run("check", "lep.yaml", "-o", "a.json", "-o", "./a.json")
    assert result.exit_code == 2
    assert "'./a.json' is named twice (as 'a.json'); name each output once" in result.stderr
    result = run("check", "lep.yaml", "-o", "-", "-o", "-")
    assert "standard output (-) is named twice; name each output once" in result.stderr
    assert not Path("a.json").exists()


def test_a_directory_given_to_the_writer(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path, "text")
