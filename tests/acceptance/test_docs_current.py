"""Committed documents that are generated stay current, and the README's commands are the ones CI runs."""

from __future__ import annotations

import json
import re

from govcheck.engine.facts.schema import facts_schema
from govcheck.reports.json_report import report_schema
from tests.support.facts import REPO


def test_committed_schemas_are_current() -> None:
    # Regenerate with: govcheck schema --report > docs/report-schema.json; govcheck schema > docs/facts-schema.json
    assert json.loads((REPO / "docs" / "report-schema.json").read_text()) == report_schema()
    assert json.loads((REPO / "docs" / "facts-schema.json").read_text()) == facts_schema()


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", section, flags=re.S)]


def test_quick_start_has_two_commands_and_ci_runs_the_test_one() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert "govcheck check" in install_and_run
    assert "pytest" in install_and_test
    assert install_and_test in (REPO / ".ci" / "run").read_text()
