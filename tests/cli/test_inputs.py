"""No command writes over a file its run read, however the run reached it and however the output names it.

Each case is a command and its exact message; after each, every file in the folder is as it was.
The files are set up here (a pack that extends another, links, a saved result naming its facts),
so the cases live in a table rather than under tests/corpus.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from govcheck.cli.inputs import FilesRead
from govcheck.cli.main import cli
from govcheck.cli.output import write_atomic
from govcheck.engine.assess.assessor import bundled_frameworks
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.template import __file__ as template_module
from govcheck.engine.packs.bundled import packs_folder
from tests.support.ci import BEFORE, waiver, waiver_yaml

NEVER = "govcheck never overwrites its input (write elsewhere)"
OWN = "is one of govcheck's own files (its rule packs, examples, templates or code); govcheck never overwrites them"
WHISTLEBLOWING = "whistleblowing.policy-published-and-reviewed"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def snapshot(*folders: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns)
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Facts, waivers, a copy of the bundled packs (naf-2016 extends naf-2019), saved results, and links."""
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(BEFORE, "lep.yaml")
    Path("waivers.yaml").write_text(waiver_yaml(waiver(WHISTLEBLOWING)))
    shutil.copytree(packs_folder(), "packs")
    for name, extra in (("result.json", []), ("baseline.json", []), ("packed.json", ["--pack", "packs/naf-2016"])):
        assert run("check", "lep.yaml", "--format", "json", "-o", name, *extra).exit_code in (0, 1)
    shutil.copyfile("result.json", "later.json")
    os.link("lep.yaml", "hard-link.yaml")
    if sys.platform != "win32":
        os.symlink("lep.yaml", "link.yaml")
        Path("docs").mkdir()
        os.symlink("../packs/naf-2019/board.yaml", "docs/index.md")
    return tmp_path


CASES = [
    (["check", "lep.yaml", "-o", "lep.yaml", "--format", "text"], f"lep.yaml: is a facts file this run reads; {NEVER}"),
    (
        ["check", "lep.yaml", "-o", "hard-link.yaml", "--format", "text"],
        f"hard-link.yaml: is lep.yaml, a facts file this run reads; {NEVER}",
    ),
    (
        ["check", "lep.yaml", "-o", "packs/../lep.yaml", "--format", "text"],
        f"packs/../lep.yaml: is a facts file this run reads; {NEVER}",
    ),
    (
        ["check", "--replay", "result.json", "--format", "json", "-o", "lep.yaml"],
        f"lep.yaml: is a facts file this run reads; {NEVER}",
    ),
    (
        ["check", "--replay", "result.json", "--format", "json", "-o", "result.json"],
        f"result.json: is the saved result being replayed this run reads; {NEVER}",
    ),
    (
        ["check", "--replay", "packed.json", "--format", "json", "-o", "packs/naf-2019/board.yaml"],
        f"packs/naf-2019/board.yaml: is a rule file this run reads; {NEVER}",
    ),
    (
        ["check", "lep.yaml", "--baseline", "baseline.json", "-o", "baseline.json"],
        f"baseline.json: is the baseline this run reads; {NEVER}",
    ),
    (
        ["check", "lep.yaml", "--waivers", "waivers.yaml", "-o", "waivers.yaml", "--format", "json"],
        f"waivers.yaml: is the waiver file this run reads; {NEVER}",
    ),
    (
        ["check", "lep.yaml", "--pack", "packs/naf-2016", "-o", "packs/naf-2016/pack.yaml", "--format", "json"],
        f"packs/naf-2016/pack.yaml: is a rule file this run reads; {NEVER}",
    ),
    (  # a rule file of the pack it extends
        ["check", "lep.yaml", "--pack", "packs/naf-2016", "-o", "packs/naf-2019/board.yaml", "--format", "json"],
        f"packs/naf-2019/board.yaml: is a rule file this run reads; {NEVER}",
    ),
    (
        ["check", "lep.yaml", "--pack", "packs/naf-2016", "-o", "packs/catalogue.yaml", "--format", "json"],
        f"packs/catalogue.yaml: is the requirements catalogue this run reads; {NEVER}",
    ),
    (
        # The second output, refused before the first is written.
        ["check", "lep.yaml", "-o", "new.json", "-o", "lep.yaml", "--format", "text"],
        f"lep.yaml: is a facts file this run reads; {NEVER}",
    ),
    (
        ["trend", "result.json", "later.json", "-o", "later.json"],
        f"later.json: is a saved result this run reads; {NEVER}",
    ),
]
LINKED = [
    (
        ["check", "lep.yaml", "-o", "link.yaml", "--format", "text"],
        f"link.yaml: is lep.yaml, a facts file this run reads; {NEVER}",
    ),
    (
        ["rules", "docs", "--packs-dir", "packs", "--output-dir", "docs"],
        f"docs/index.md: is packs/naf-2019/board.yaml, a rule file this run reads; {NEVER}",
    ),
]


@pytest.mark.parametrize(("args", "message"), CASES + ([] if sys.platform == "win32" else LINKED))
def test_an_output_that_is_an_input_is_refused(workspace: Path, args: list[str], message: str) -> None:
    before = snapshot(workspace)
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")
    assert snapshot(workspace) == before
    assert not list(workspace.rglob(".*.tmp"))


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["check", "lep.yaml", "--format", "json", "-o"], packs_folder() / "naf-2019" / "board.yaml"),
        (["check", "lep.yaml", "--format", "json", "-o"], packs_folder() / "catalogue.yaml"),
        (["check", "lep.yaml", "--format", "json", "-o"], packs_folder() / "naf-2021" / "pack.yaml"),
        (
            ["check", "lep.yaml", "--format", "html", "-o"],
            Path(template_module).parents[2] / "reports" / "templates" / "report.html.j2",
        ),
        (["init", "My LEP", "--force", "-o"], Path(template_module).with_name("facts-template.yaml")),
        (["trend", "result.json", "-o"], Path(template_module)),
    ],
)
def test_govcheck_never_writes_over_its_own_files(workspace: Path, args: list[str], target: Path) -> None:
    before = target.read_bytes()
    result = run(*args, str(target))
    assert (result.exit_code, result.stderr) == (2, f"error: {target}: {OWN} (write elsewhere)\n")
    assert target.read_bytes() == before


def test_the_bundled_facts_checked_by_default_are_inputs(workspace: Path) -> None:
    target = bundled_frameworks() / "exemplar-lep.yaml"
    result = run("check", "-o", str(target), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: is a facts file this run reads; {NEVER}\n"


def test_the_writer_refuses_an_input_the_run_learnt_of_while_writing(tmp_path: Path) -> None:
    """Streaming: the run reads more as it writes (each LEP's pack); the rename is refused at the end."""
    target = tmp_path / "report.txt"
    target.write_text("read by this run\n")
    read = FilesRead()

    def pieces() -> Iterator[str]:
        read.add(target, "rules")
        yield "the report\n"

    with pytest.raises(InputError) as caught:
        write_atomic(target, pieces(), read)
    assert str(caught.value) == f"{target}: is a rule file this run reads; {NEVER}"
    assert target.read_text() == "read by this run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_outputs_not_read_are_written(workspace: Path) -> None:
    result = run("check", "lep.yaml", "--waivers", "waivers.yaml", "-o", "new.json", "-o", "reports/new.md")
    assert result.exit_code in (0, 1), result.output
    assert Path("new.json").is_file()
    assert Path("reports/new.md").is_file()


@pytest.fixture(scope="module")
def spellings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A facts file reachable by many names: a hard link, a symbolic link, folders that lead back."""
    folder = tmp_path_factory.mktemp("spellings")
    (folder / "lep.yaml").write_text("format_version: 1\n")
    (folder / "sub").mkdir()
    os.link(folder / "lep.yaml", folder / "hard-link.yaml")
    if sys.platform != "win32":
        os.symlink("lep.yaml", folder / "link.yaml")
        os.symlink(".", folder / "here")
        os.symlink("..", folder / "sub" / "up")
    return folder


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([".", "sub/..", "here", "sub/up", "here/sub/up"]), max_size=5),
    st.sampled_from(["lep.yaml", "hard-link.yaml", "link.yaml"]),
)
def test_any_spelling_of_an_input_is_refused(spellings_folder: Path, steps: list[str], name: str) -> None:
    if sys.platform == "win32" and (name == "link.yaml" or any("here" in s or "up" in s for s in steps)):
        return
    read = FilesRead()
    read.add(spellings_folder / "lep.yaml", "facts")
    spelling = os.path.join(spellings_folder, *steps, name)
    with pytest.raises(InputError, match="a facts file this run reads; govcheck never overwrites its input"):
        read.refuse(spelling)
    read.refuse(os.path.join(spellings_folder, *steps, "new.yaml"))  # a new file beside it is not an input
