"""The facts schema in a real editor's checker: Red Hat's YAML language server (what VS Code's YAML extension runs).

The server is driven over its stdio JSON-RPC protocol as an editor drives it: told to use
the schema for facts files (the ``yaml.schemas`` setting, or a file's own
``# yaml-language-server: $schema=...`` line), sent the files, and its
``textDocument/publishDiagnostics`` collected. A new ``init`` file and the bundled
frameworks get no diagnostic; a misspelt key gets exactly one, on its line.

The server comes from the npm registry, pinned, installed once into a cache folder
(``$XDG_CACHE_HOME/govcheck-tests``); the tests skip only where Node.js is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.facts.schema import facts_schema
from govcheck.engine.facts.template import facts_template
from tests.support.facts import REPO

SERVER_VERSION = "1.25.0"  # the last release that runs on Node.js 20
NODE = shutil.which("node")
NPM = shutil.which("npm")
SETTLE_SECONDS = 1.5  # quiet after the last diagnostics before they are taken as final
TIMEOUT_SECONDS = 60.0

pytestmark = pytest.mark.skipif(NODE is None or NPM is None, reason="Node.js and npm are not installed")


def server_script() -> Path:
    """The server's entry point, installed from the npm registry on first use."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govcheck-tests"
    folder = cache / f"yaml-language-server-{SERVER_VERSION}"
    script = folder / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if not script.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        staging = cache / f".installing-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        assert NPM is not None
        subprocess.run(
            [NPM, "install", "--prefix", str(staging), "--no-audit", "--no-fund", "--loglevel=error",
             f"yaml-language-server@{SERVER_VERSION}"],
            check=True,
            timeout=600,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)  # whole or not at all: a broken install is never taken for a good one
    return script


class LanguageServer:
    """A YAML language server in a child process, spoken to as an editor speaks to it."""

    def __init__(self, script: Path, workspace: Path, settings: dict[str, Any]) -> None:
        assert NODE is not None
        self.process = subprocess.Popen(
            [NODE, str(script), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.settings = {"yaml": settings}
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            message = self._next(deadline - time.monotonic())
            if message is not None and message.get("id") == self.next_id and "method" not in message:
                return message.get("result")
        raise TimeoutError(f"no answer to {method}")

    def _next(self, wait: float) -> dict[str, Any] | None:
        try:
            message = self.messages.get(timeout=max(wait, 0.01))
        except queue.Empty:
            return None
        if message.get("method") == "workspace/configuration":  # the server asks for the editor's settings
            sections = [self.settings.get(item.get("section"), {}) for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": sections})
        elif "method" in message and "id" in message:  # anything else it asks: a plain yes
            self._send({"id": message["id"], "result": None})
        return message

    def diagnostics(self, files: list[Path]) -> dict[Path, list[dict[str, Any]]]:
        """Open ``files`` and return the diagnostics the server settles on for each."""
        for path in files:
            document = {"uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": path.read_text()}
            self.notify("textDocument/didOpen", {"textDocument": document})
        latest: dict[str, list[dict[str, Any]]] = {}
        deadline = time.monotonic() + TIMEOUT_SECONDS
        quiet_since = time.monotonic()
        wanted = {path.as_uri() for path in files}
        while time.monotonic() < deadline:
            message = self._next(0.2)
            if message is not None and message.get("method") == "textDocument/publishDiagnostics":
                latest[message["params"]["uri"]] = message["params"]["diagnostics"]
                quiet_since = time.monotonic()
            elif wanted <= latest.keys() and time.monotonic() - quiet_since > SETTLE_SECONDS:
                return {path: latest[path.as_uri()] for path in files}
        raise TimeoutError(f"no diagnostics for {sorted(wanted - latest.keys())}")

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def script() -> Path:
    return server_script()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "facts-schema.json").write_text(json.dumps(facts_schema(), indent=2), encoding="utf-8")
    return tmp_path


def editor(script: Path, workspace: Path, *, mapped: bool = True) -> LanguageServer:
    schemas = {(workspace / "facts-schema.json").as_uri(): ["*.yaml"]} if mapped else {}
    return LanguageServer(script, workspace, {"validate": True, "schemas": schemas})


@pytest.fixture
def server(script: Path, workspace: Path) -> Iterator[LanguageServer]:
    started = editor(script, workspace)
    try:
        yield started
    finally:
        started.close()


def init_file(workspace: Path) -> Path:
    path = workspace / "example-lep.yaml"
    path.write_text(facts_template("Example LEP", dt.date(2020, 3, 31)), encoding="utf-8")
    return path


def test_a_new_init_file_and_the_bundled_frameworks_have_no_diagnostic(server: LanguageServer, workspace: Path) -> None:
    files = [init_file(workspace)]
    for framework in sorted((REPO / "frameworks").glob("*.yaml")):
        files.append(workspace / framework.name)
        shutil.copyfile(framework, files[-1])
    assert len(files) > 2
    found = server.diagnostics(files)
    assert {path.name: [d["message"] for d in diagnostics] for path, diagnostics in found.items()} == {
        path.name: [] for path in files
    }


def test_a_misspelt_key_gets_one_diagnostic_on_its_line(server: LanguageServer, workspace: Path) -> None:
    lines = (REPO / "frameworks" / "exemplar-lep.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(index for index, line in enumerate(lines) if line.strip().startswith("papers_published_on:"))
    lines[at] = lines[at].replace("papers_published_on:", "papers_publshed_on:")
    path = workspace / "misspelt.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    (diagnostics,) = server.diagnostics([path]).values()
    assert len(diagnostics) == 1, [d["message"] for d in diagnostics]
    assert diagnostics[0]["range"]["start"]["line"] == at  # the server counts lines from 0
    assert "papers_publshed_on" in diagnostics[0]["message"]
    with pytest.raises(InputError) as refused:  # and govcheck validate says the same, at the same line
        parse_facts(path.read_text(encoding="utf-8"), str(path))
    assert [problem.line for problem in refused.value.problems] == [at + 1]


def test_the_line_the_init_file_suggests_points_an_editor_at_the_schema(script: Path, workspace: Path) -> None:
    # No yaml.schemas setting: the file's own first line names the schema, as the init file says how.
    template = init_file(workspace).read_text(encoding="utf-8")
    suggested = next(line for line in template.splitlines() if "yaml-language-server: $schema=" in line)
    modeline = suggested.lstrip("# ").strip()
    assert modeline.startswith("yaml-language-server: $schema=facts-schema.json")
    good = workspace / "good.yaml"
    good.write_text(f"# {modeline}\n{template}", encoding="utf-8")
    bad = workspace / "bad.yaml"
    bad.write_text(f"# {modeline}\n{template}".replace("\nas_of:", "\nas_off:"), encoding="utf-8")
    started = editor(script, workspace, mapped=False)
    try:
        found = started.diagnostics([good, bad])
    finally:
        started.close()
    assert found[good] == []
    assert [d["message"] for d in found[bad]] != []
    assert all("as_off" in d["message"] or "as_of" in d["message"] for d in found[bad])


def test_the_readme_setting_maps_the_schema_to_facts_files(script: Path, workspace: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a facts file", 1)[1].split("\n## ", 1)[0]
    setting = json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])
    (workspace / "frameworks").mkdir()
    path = workspace / "frameworks" / "example-lep.yaml"
    path.write_text(init_file(workspace).read_text(encoding="utf-8").replace("\nas_of:", "\nas_off:"))
    started = LanguageServer(script, workspace, {"validate": True, "schemas": setting["yaml.schemas"]})
    try:
        (diagnostics,) = started.diagnostics([path]).values()
    finally:
        started.close()
    assert diagnostics, "the README's yaml.schemas setting does not reach a facts file under frameworks/"
    assert all("as_of" in d["message"] or "as_off" in d["message"] for d in diagnostics)


def test_hovering_over_a_key_shows_what_it_means(server: LanguageServer, workspace: Path) -> None:
    path = workspace / "exemplar-lep.yaml"
    shutil.copyfile(REPO / "frameworks" / "exemplar-lep.yaml", path)
    server.diagnostics([path])
    lines = path.read_text(encoding="utf-8").splitlines()
    shown = {}
    for key in ("as_of:", "papers_published_on:", "succession.chair:"):
        line = next(index for index, text in enumerate(lines) if text.strip().startswith(key))
        position = {"line": line, "character": lines[line].index(key) + 1}
        hover = server.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": position})
        shown[key] = hover["contents"]["value"] if hover else ""
    assert "the date these facts describe" in shown["as_of:"]
    assert "the day the agenda and papers were published" in shown["papers_published_on:"]
    assert "how the Chair is succeeded" in shown["succession.chair:"]  # engine/facts/subjects.py


def test_a_format_1_file_is_checked_as_format_1(server: LanguageServer, workspace: Path) -> None:
    # Format 1 files are still read; a month for a date is format 2's, and flagged once, where it is written.
    lines = (REPO / "tests" / "fixtures" / "format-1" / "exemplar-lep.yaml").read_text(encoding="utf-8").splitlines()
    at = next(index for index, line in enumerate(lines) if re.fullmatch(r"\s*adopted_on: \d{4}-\d\d-\d\d", line))
    as_written = workspace / "format-1.yaml"
    as_written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines[at] = lines[at][: lines[at].rindex("-")]  # 2020-01-30 -> 2020-01
    with_a_month = workspace / "format-1-with-a-month.yaml"
    with_a_month.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = server.diagnostics([as_written, with_a_month])
    assert found[as_written] == []
    assert [d["range"]["start"]["line"] for d in found[with_a_month]] == [at]
