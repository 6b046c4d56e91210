"""No control character from any input reaches a terminal: names of files, arguments and messages alike.

What files hold is refused at reading (the corpora); a file's name and the arguments given are not
refused before they are printed, so what is printed is made inert on its way out.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govcheck.cli.main import cli
from govcheck.cli.terminal import Inert
from govcheck.engine.reading.characters import visible

GOOD = "format_version: 1\nas_of: 2020-03-31\norganisation: {id: good-lep, name: Good LEP}\n"
# Sets the window's title (OSC ... BEL), clears the screen, and ends in a byte that is not UTF-8.
HOSTILE = "\x1b]0;all clear\x07\x1b[2J\u202eevil\udcff"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def raw_controls(text: str) -> list[str]:
    return [char for char in text if char in "\x1b\x07\x9b\u202e" or "\ud800" <= char <= "\udfff"]


def test_visible_escapes_what_a_terminal_acts_on_and_keeps_the_rest() -> None:
    assert visible(HOSTILE) == "\\x1b]0;all clear\\x07\\x1b[2J\\u202eevil\\xff"
    assert visible("a,b\r\nc\td\n") == "a,b\r\nc\td\n"  # CSV's line ends, tabs and newlines stay
    assert visible("progress\rFAKE") == "progress\\x0dFAKE"  # a carriage return that rewrites the line does not
    assert visible("Société — ✓") == "Société — ✓"


def test_the_inert_stream_writes_escapes_and_counts_what_it_was_given() -> None:
    target = io.StringIO()
    stream = Inert(target)
    assert stream.write("\x1b[31mred") == len("\x1b[31mred")
    stream.close()  # not the wrapper's to close
    assert target.getvalue() == "\\x1b[31mred"
    assert not target.closed


@pytest.mark.skipif(sys.platform == "win32", reason="file names that are not text are a POSIX matter")
def test_a_file_whose_name_holds_control_characters_or_bytes_is_refused_and_named_inertly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("folder").mkdir()
    Path("folder", "\x1b]0;owned\x07.yaml").write_text(GOOD)
    (Path("folder") / os.fsdecode(b"caf\xe9.yaml")).write_text(GOOD)
    result = run("check", "folder", "--pack", "naf-2019", "--format", "json", "-o", "out.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: folder/\\x1b]0;owned\\x07.yaml: the file's name contains the invisible character U+001B (ESCAPE) "
        "(rename the file)",
        "error: folder/caf\\xe9.yaml: the file's name is not UTF-8 text (byte 0xE9) (rename the file)",
    ]
    assert not raw_controls(result.stderr)


def test_arguments_are_echoed_inertly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["validate", HOSTILE], ["diff", HOSTILE, "b.json"], ["check", "--format", HOSTILE]):
        result = run(*args)
        assert result.exit_code == 2
        assert not raw_controls(result.output), result.output


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_real_terminal_gets_no_control_character(tmp_path: Path) -> None:
    """On a terminal click strips nothing itself: the escapes are govcheck's."""
    primary, secondary = os.openpty()
    name = "\x1b]0;owned\x07\x1b[2J.yaml"
    with os.fdopen(primary, "rb", buffering=0) as terminal:
        done = subprocess.run(
            [sys.executable, "-c", "from govcheck.cli.main import main; main()", "validate", name],
            cwd=tmp_path,
            stdout=secondary,
            stderr=secondary,
            timeout=60,
            check=False,
        )
        os.close(secondary)
        shown = b""
        try:
            while chunk := terminal.read(4096):
                shown += chunk
        except OSError:  # the pseudo-terminal reports its end as an error on Linux
            pass
    assert done.returncode == 2
    text = shown.decode("utf-8")
    assert "\\x1b]0;owned\\x07\\x1b[2J.yaml" in text
    assert "\x1b" not in text
    assert "\x07" not in text
