"""The table of modules (reports.MODULES) says truly where each renderer lives, and a run loads only the one it uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govcheck.reports import EXTENSIONS, MODULES, Subject, all_renderers, format_for_extension, renderer_for
from govcheck.reports.registry import REGISTRY
from tests.support.facts import REPO


@pytest.mark.parametrize("subject", list(Subject))
def test_the_table_lists_every_registered_format_with_its_module(subject: Subject) -> None:
    registered = all_renderers(subject)
    assert set(MODULES[subject]) == set(registered)
    for name, module in MODULES[subject].items():
        renderer = registered[name]
        function = renderer.streamer or renderer.render
        assert function.__module__ == f"govcheck.reports.{module}", name
        assert renderer.subject is subject
        assert renderer_for(name, subject) is renderer
    # Every registration is in the table: a format the table does not name could never be chosen.
    assert {name for (of, name) in REGISTRY if of is subject} == set(MODULES[subject])
    # The extensions known beforehand are each renderer's own.
    assert EXTENSIONS[subject] == {name: renderer.extensions for name, renderer in registered.items()}


def test_the_longest_extension_names_the_format() -> None:
    assert format_for_extension("out/report.json") == "json"
    assert format_for_extension("out/results.sarif.json") == "sarif"
    assert format_for_extension("plan.plan.html") == "plan-html"
    assert format_for_extension("report.htm") == "html"
    assert format_for_extension("report.docx") is None
    assert format_for_extension("trend.html", Subject.TREND) == "html"
    assert format_for_extension("trend.txt", Subject.TREND) == "text"


@pytest.mark.parametrize("output", [None, "report.txt"])
def test_a_text_report_loads_no_other_format(output: str | None, tmp_path: Path) -> None:
    # Named by its extension or not, the format is chosen without loading the others.
    program = (
        "import json, sys\n"
        "from govcheck.cli.main import main\n"
        "sys.argv = ['govcheck', 'check', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('govcheck.reports.'))), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            program,
            str(REPO / "frameworks" / "exemplar-lep.yaml"),
            *(["-o", str(tmp_path / output)] if output else []),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = {name.rsplit(".", 1)[1] for name in json.loads(done.stderr.strip().splitlines()[-1])}
    assert "text" in loaded
    assert not loaded & {"html", "json_report", "json_models", "sarif", "junit", "csv_report", "plan_formats", "plan"}
