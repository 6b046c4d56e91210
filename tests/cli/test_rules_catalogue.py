"""``govcheck rules docs --output-dir``: whatever else the folder holds, the pages are written or a located
refusal given; nothing there is read that cannot be, and nothing there makes it wait.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govcheck.cli.main import cli
from govcheck.engine.packs.docs import GENERATED
from tests.support.facts import REPO

PACKS_DIR = str(REPO / "rules")
PAGES = {"index.md", "naf-2016.md", "naf-2019.md", "naf-2021.md"}


def docs(folder: Path, *extra: str) -> Result:
    result = CliRunner().invoke(cli, ["rules", "docs", "--packs-dir", PACKS_DIR, "--output-dir", str(folder), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_other_files_that_are_not_text_or_not_files_are_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "latin-1.md").write_bytes("# Caf\xe9 notes\n".encode("latin-1"))
    (folder / "a-folder.md").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "a-pipe.md")  # reading it would wait for a writer for ever
    (folder / "naf-2009.md").write_bytes(f"# Old edition\n\n{GENERATED}\n".encode() + b"\xff\n")
    result = docs(folder, "--check")
    assert result.exit_code == 1
    assert "naf-2009.md documents a pack that no longer exists" in result.stderr
    result = docs(folder)
    assert (result.exit_code, result.stdout) == (0, f"{folder}: 4 of 4 pages written, 1 removed\n")
    left = {p.name for p in folder.iterdir()}
    assert left == PAGES | {"latin-1.md", "a-folder.md"} | ({"a-pipe.md"} if hasattr(os, "mkfifo") else set())
    assert docs(folder, "--check").exit_code == 0


def test_a_page_that_is_not_utf8_is_out_of_date_and_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "index.md").write_bytes(b"\xff\xfe not a page\n")
    result = docs(folder, "--check")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (1, f"{folder / 'index.md'} is out of date")
    assert docs(folder).exit_code == 0
    assert GENERATED in (folder / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_page_whose_name_is_taken_by_what_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    if kind == "pipe" and not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    folder = tmp_path / "rules"
    folder.mkdir()
    page = folder / "naf-2019.md"
    if kind == "folder":
        page.mkdir()
    else:
        os.mkfifo(page)
    what = "a directory" if kind == "folder" else "not a regular file"
    for extra in ([], ["--check"]):
        result = docs(folder, *extra)
        assert (result.exit_code, result.stderr) == (
            2,
            f"error: {page}: is {what}; rules docs writes each page as a file (move it away)\n",
        )
    assert page.is_dir() if kind == "folder" else page.is_fifo()  # still what it was
    assert {p.name for p in folder.iterdir()} == {"naf-2019.md"}  # and nothing was written
    assert not list(folder.glob(".*.tmp"))


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_page_linked_elsewhere_is_written_there_and_stays_a_link(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (tmp_path / "kept").mkdir()
    os.symlink("../kept/index.md", folder / "index.md")
    assert docs(folder).exit_code == 0
    assert os.readlink(folder / "index.md") == "../kept/index.md"
    assert GENERATED in (tmp_path / "kept" / "index.md").read_text(encoding="utf-8")
