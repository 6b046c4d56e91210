"""Inputs that are not files of text, several files in one run, and the files govcheck writes.

These cases need the file system set up (a symbolic-link loop, a named pipe, a
file too large to keep in the repository), so they are built here rather than
kept under tests/corpus.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govcheck.cli.main import cli
from govcheck.engine.assess.waivers import load_waivers
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import load_facts
from govcheck.engine.reading.yamllimits import MAX_FILE_BYTES

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "facts"
GOOD = "format_version: 2\nas_of: 2020-03-31\norganisation: {id: good-lep, name: Good LEP}\n"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: what "nothing was modified" means."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_missing_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate", "nope.yaml")
    assert (result.exit_code, result.stderr) == (2, "error: nope.yaml: does not exist\n")


def test_a_folder_without_facts_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty").mkdir()
    result = run("validate", "empty")
    assert (result.exit_code, result.stderr) == (2, "error: empty: holds no facts files (*.yaml or *.yml)\n")


def test_a_directory_given_to_the_loader(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_facts(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory, not a YAML file"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_file_that_cannot_be_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink("loop.yaml", "loop.yaml")  # works as root too, where permissions would not stop a read
    result = run("validate", "loop.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: loop.yaml: cannot be read: ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    Path("secret.yaml").write_text(GOOD)
    Path("secret.yaml").chmod(0)
    result = run("validate", "secret.yaml")
    assert (result.exit_code, result.stderr) == (2, "error: secret.yaml: cannot be read: Permission denied\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.yaml")  # opening it to read would wait for a writer forever
    result = run("validate", "pipe.yaml")
    assert (result.exit_code, result.stderr) == (2, "error: pipe.yaml: is not a regular file (name a YAML file)\n")


def test_a_file_over_the_size_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    with open("huge.yaml", "wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and never read
    result = run("validate", "huge.yaml")
    expected = f"error: huge.yaml: is {MAX_FILE_BYTES + 1:,} bytes long; the limit is {MAX_FILE_BYTES:,}\n"
    assert (result.exit_code, result.stderr) == (2, expected)


BROKEN = ("duplicate-key-top-level", "tabs-for-indentation", "unknown-key-nested")


def test_one_broken_file_does_not_hide_the_others(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("frameworks")
    folder.mkdir()
    (folder / "a-good.yaml").write_text(GOOD)
    for case in BROKEN:
        shutil.copy(CORPUS / f"{case}.yaml", folder / f"{case}.yaml")
    (folder / "z-good.yaml").write_text(GOOD.replace("good-lep", "other-lep").replace("Good", "Other"))
    before = snapshot(folder)
    result = run("check", "frameworks", "--pack", "naf-2019", "--format", "json", "-o", "report.json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    reported = {line.removeprefix("error: ").split(":")[0] for line in errors}
    assert reported == {str(folder / f"{case}.yaml") for case in BROKEN}
    report = Path("report.json").read_text(encoding="utf-8")
    assert "Good LEP" in report
    assert "Other LEP" in report  # the file after the broken ones was assessed too
    assert snapshot(folder) == before


def test_the_report_never_overwrites_an_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    Path("lep.yaml").write_text(GOOD)
    os.symlink("lep.yaml", "alias.yaml")
    for target, same in (("lep.yaml", ""), ("alias.yaml", "lep.yaml, ")):
        result = run("check", "lep.yaml", "--pack", "naf-2019", "--format", "text", "-o", target)
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: {target}: is {same}a facts file this run reads; govcheck never overwrites its input "
            "(write elsewhere)\n"
        )
    assert Path("lep.yaml").read_text() == GOOD


def test_a_report_that_cannot_be_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    Path("lep.yaml").write_text(GOOD)
    Path("out").mkdir()
    result = run("check", "lep.yaml", "--pack", "naf-2019", "--format", "text", "-o", "out")
    assert (result.exit_code, result.stderr) == (2, "error: out: is a directory (name a file to write)\n")
    Path("blocker").write_text("a file, so no folder can be made here")
    result = run("check", "lep.yaml", "--pack", "naf-2019", "-o", "blocker/report.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: blocker/report.txt: cannot be written: ")


def test_an_interrupted_write_leaves_the_old_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from govcheck.cli import output

    target = tmp_path / "report.txt"
    target.write_text("the old report\n")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, "the new report\n")
    assert target.read_text() == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left behind


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    from govcheck.cli.output import write_atomic

    target = tmp_path / "report.txt"
    write_atomic(target, "text\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not the private 0600 of a temporary file


def test_init_refuses_to_overwrite_without_force(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    Path("my-lep.yaml").write_text("# my own work\n")
    result = run("init", "My LEP")
    assert result.exit_code == 2
    assert result.stderr == "error: my-lep.yaml: exists already; govcheck init does not overwrite it (add --force)\n"
    assert Path("my-lep.yaml").read_text() == "# my own work\n"
    result = run("init", "My LEP", "--force")
    assert result.exit_code == 0
    assert run("validate", "my-lep.yaml").exit_code == 0


def test_a_waiver_file_is_read_with_the_same_located_messages_as_facts(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "format_version: 1\nwaivers:\n  - rule: registers.reviewed-yearly\n"
        "    scope: {lep: x}\n    justifcation: a new board\n"
    )
    with pytest.raises(InputError) as caught:
        load_waivers(path)
    messages = [str(p) for p in caught.value.problems]
    assert f"{path}:5:5: unknown key 'justifcation' in waivers[0] (did you mean 'justification'?)" in messages
    path.write_text("format_version: 1\nwaivers: []\nwaivers: []\n")
    with pytest.raises(InputError, match=r"waivers.yaml:3:1: duplicate key 'waivers'"):
        load_waivers(path)
    path.write_text("# nothing yet\n")
    with pytest.raises(InputError, match=r"waivers.yaml:1:1: is empty"):
        load_waivers(path)
