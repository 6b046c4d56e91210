"""``govcheck lsp`` driven over stdio as an editor drives it: initialize, open, change, diagnostics, hover, shutdown."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from bench.lsp_client import LspClient
from tests.support.facts import REPO

GAPPY = REPO / "tests" / "fixtures" / "gappy-lep.yaml"
ERROR, WARNING, INFORMATION = 1, 2, 3


@pytest.fixture(scope="module")
def client() -> Iterator[LspClient]:
    started = LspClient([sys.executable, "-m", "govcheck", "lsp"], cwd=REPO)
    try:
        yield started
    finally:
        if started.process.poll() is None:
            started.process.kill()
            started.process.wait()


@pytest.fixture(scope="module")
def capabilities(client: LspClient) -> dict[str, object]:
    result = client.initialize(REPO)
    found: dict[str, object] = result["capabilities"]
    return found


def line_of(text: str, fragment: str) -> int:
    """The 0-based line where ``fragment`` first appears."""
    return next(number for number, line in enumerate(text.splitlines()) if fragment in line)


def test_an_editor_session(client: LspClient, capabilities: dict[str, object]) -> None:
    assert {"hoverProvider", "completionProvider", "codeActionProvider", "textDocumentSync"} <= set(capabilities)
    text = GAPPY.read_text(encoding="utf-8")
    uri = GAPPY.as_uri()

    client.open(uri, text, version=1)
    opened = client.diagnostics(uri, 1)
    by_rule = {d["code"]: d for d in opened}
    # A gap stands at the facts line it concerns, with its rule's severity; missing evidence is information.
    private_sector = by_rule["board.two-thirds-private-sector"]
    assert private_sector["severity"] == ERROR
    assert private_sector["range"]["start"]["line"] == line_of(text, "{body: board, role: chair")
    assert "3 of 5 board members (60%) from the private sector" in private_sector["message"]
    assert by_rule["assurance-framework.approved-by-board"]["severity"] == INFORMATION
    # A fact left out stands at the mapping it belongs in, as in the SARIF report.
    assert by_rule["assurance-framework.approved-by-board"]["range"]["start"]["line"] == line_of(text, 'version: "2.1"')
    assert all(d["source"].startswith("govcheck") for d in opened)

    # Mid-edit the file does not parse: its error alone, at its line and column, and no gap from before.
    broken = text.replace("format_version: 2", "format_version: 2\nas_of: [", 1)
    client.change(uri, broken, version=2)
    errors = client.diagnostics(uri, 2)
    assert len(errors) == 1
    assert errors[0]["severity"] == ERROR
    assert "code" not in errors[0]
    assert errors[0]["range"]["start"]["line"] >= line_of(broken, "as_of: [")

    # A misspelt key, sent as an editor sends a keystroke (the range it replaces): the schema's error at the key,
    # with what was meant.
    client.change(uri, text, version=3)
    assert len(client.diagnostics(uri, 3)) == len(opened)
    line = line_of(text, "sector: private")
    at = text.splitlines()[line].index("sector") + 4  # the o
    where = {"start": {"line": line, "character": at}, "end": {"line": line, "character": at + 1}}
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"range": where, "text": ""}]},
    )
    (schema_error,) = client.diagnostics(uri, 4)
    assert "sectr" in schema_error["message"]
    assert "sector" in schema_error["message"]
    assert schema_error["range"]["start"] == {"line": line, "character": 4}

    # Put back, keystroke by keystroke: the gaps come back, for this version.
    where["end"] = where["start"]
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"range": where, "text": "o"}]},
    )
    assert {d["code"] for d in client.diagnostics(uri, 5)} == set(by_rule)

    # Completion of a closed vocabulary, and the fix that adds a missing fact.
    role_line = line_of(text, "{body: board, role: chair")
    completion = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": line_of(text, "kind: board"), "character": 10}},
    )
    assert "committee" in {item["label"] for item in completion["items"]}
    approval = by_rule["assurance-framework.approved-by-board"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": approval["range"], "context": {"diagnostics": [approval]}},
    )
    titles = [action["title"] for action in actions]
    assert "Add assurance_framework.board_approved_on (needed by assurance-framework.approved-by-board)" in titles

    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": role_line, "character": 8}},
    )
    shown = hover["contents"]["value"]
    assert "people[0].roles[0]" in shown
    assert "**not met**, high: `board.two-thirds-private-sector`" in shown
    assert "naf-2019" in shown  # the edition in force at the file's as_of


def test_columns_are_counted_as_the_editor_counts_them(client: LspClient, capabilities: dict[str, object]) -> None:
    # The client declared no position encoding, so columns are UTF-16 units: 𝔸 counts two.
    assert capabilities["positionEncoding"] == "utf-16"
    text = 'format_version: 2\nas_of: 2020-03-31\norganisation: {name: "𝔸 LEP", idd: a-lep}\n'
    uri = (REPO / "astral-lep.yaml").as_uri()
    client.open(uri, text)
    (error,) = [d for d in client.diagnostics(uri, 1) if "'idd'" in d["message"]]
    assert error["range"]["start"] == {"line": 2, "character": text.splitlines()[2].index("idd") + 1}
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []  # a closed file's diagnostics are cleared


def test_the_server_answers_every_file_of_the_corpus(client: LspClient, capabilities: dict[str, object]) -> None:
    for number, path in enumerate(sorted((REPO / "tests" / "corpus" / "facts").glob("*.yaml"))):
        uri = path.as_uri()
        client.open(uri, path.read_bytes().decode("utf-8", "replace"), version=number)
        found = client.diagnostics(uri, number)
        assert not [d for d in found if "defect in govcheck" in d["message"]], path.name
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.process.poll() is None


def test_shutdown_and_exit_end_the_server(client: LspClient, capabilities: dict[str, object]) -> None:
    assert client.close() == 0
    assert b"Traceback" not in b"".join(client.stderr)
