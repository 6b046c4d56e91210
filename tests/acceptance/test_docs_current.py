"""Committed documents that are generated stay current, and the README's commands are the ones CI runs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from govcheck.engine.facts.schema import facts_schema
from govcheck.reports.json_report import report_schema
from tests.support.facts import REPO


@pytest.mark.parametrize(
    ("name", "schema"), [("report-schema.json", report_schema), ("facts-schema.json", facts_schema)]
)
def test_committed_schemas_are_current(name: str, schema: Callable[[], dict[str, Any]], update_golden: bool) -> None:
    path = REPO / "docs" / name
    if update_golden:  # the same bytes `govcheck schema [--report]` prints
        path.write_text(json.dumps(schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert json.loads(path.read_text()) == schema(), f"docs/{name} is stale: run `pytest --update-golden`"


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", section, flags=re.S)]


def test_quick_start_has_two_commands_and_ci_runs_the_test_one() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert "govcheck check" in install_and_run
    assert "pytest" in install_and_test
    assert install_and_test in (REPO / ".ci" / "run").read_text()
