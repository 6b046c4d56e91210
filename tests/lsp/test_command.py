"""``govcheck lsp`` is a command like the others, and says how to install what it needs when that is missing."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli


def test_the_command_is_listed() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert " lsp " in result.output


def test_without_pygls_it_exits_2_with_the_line_that_installs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    find_spec = importlib.util.find_spec

    def without_pygls(name: str, package: str | None = None) -> object:
        return None if name in ("pygls", "lsprotocol") else find_spec(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", without_pygls)
    result = CliRunner().invoke(cli, ["lsp"])
    assert result.exit_code == 2
    assert "pip install 'govcheck[lsp]'" in result.output
    assert "Traceback" not in result.output
