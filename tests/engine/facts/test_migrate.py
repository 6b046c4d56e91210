"""Upgrading format 1 facts to format 2: the same verdicts, every comment kept, nothing else touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.facts.migrate import migrate
from tests.support.facts import REPO

FORMAT_1 = sorted((REPO / "tests" / "fixtures" / "format-1").glob("*.yaml"))


@pytest.mark.parametrize("path", FORMAT_1, ids=lambda path: path.stem)
def test_a_format_1_file_and_its_upgrade_get_the_same_verdicts(path: Path, tmp_path: Path) -> None:
    upgraded = tmp_path / path.name
    upgraded.write_text(migrate(path.read_text(encoding="utf-8"), str(path)).text, encoding="utf-8")
    assessor = Assessor()
    before, after = assessor.assess(path), assessor.assess(upgraded)
    assert [(f.rule_id, f.status) for f in before.findings] == [(f.rule_id, f.status) for f in after.findings]
    assert [f.reason for f in before.findings] == [f.reason for f in after.findings]


def test_comments_and_layout_are_kept_and_each_coverage_map_says_how_the_rest_stand() -> None:
    text = (
        "# Our LEP\n"
        "format_version: 1  # the format\n"
        "as_of: 2020-03-31\n"
        "organisation: {id: x, name: X}\n"
        "assurance_framework:\n"
        "  coverage:\n"
        "    quorum: '4.2'  # section on quorum\n"
        "    induction: '3'\n"
        "policies:\n"
        "  whistleblowing: {coverage: {whistleblowing.routes: '6'}}\n"
        "  complaints: {coverage: {}}\n"
    )
    done = migrate(text, "lep.yaml")
    assert done.text == (
        "# Our LEP\n"
        "format_version: 2  # the format\n"
        "as_of: 2020-03-31\n"
        "organisation: {id: x, name: X}\n"
        "assurance_framework:\n"
        "  coverage:\n"
        "    quorum: '4.2'  # section on quorum\n"
        "    induction: '3'\n"
        "    others: not covered\n"
        "policies:\n"
        "  whistleblowing: {coverage: {whistleblowing.routes: '6', others: not covered}}\n"
        "  complaints: {coverage: {others: not covered}}\n"
        "meetings: []  # none held (format 1 read no meetings so)\n"
    )
    assert len(done.changes) == 5
    assert parse_facts(done.text, "lep.yaml").facts.format_version == 2


def test_a_coverage_map_whose_subjects_are_nested_mappings_gains_others_at_its_own_indent() -> None:
    text = (
        "format_version: 1\nas_of: 2020-03-31\norganisation: {id: x, name: X}\nassurance_framework:\n"
        "  coverage:\n    quorum:\n      section: '3.3'\n    attendance:\n      section: '3.5'\n"
        "policies:\n  whistleblowing: {title: W}\n"
    )
    done = migrate(text, "lep.yaml")
    assert "      section: '3.5'\n    others: not covered\npolicies:\n" in done.text
    facts = parse_facts(done.text, "lep.yaml").facts
    assert facts.assurance_framework is not None
    assert facts.assurance_framework.coverage is not None
    assert facts.assurance_framework.coverage["others"].status == "not covered"


def test_a_file_already_in_format_2_is_left_alone() -> None:
    with pytest.raises(InputError, match="is already in facts format 2"):
        migrate("format_version: 2\nas_of: 2020-03-31\norganisation: {id: x, name: X}\n", "lep.yaml")


def test_the_command_shows_the_diff_and_writes_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "lep.yaml"
    shutil.copy(FORMAT_1[0], path)
    before = path.read_bytes()
    shown = CliRunner().invoke(cli, ["migrate", str(path)])
    assert shown.exit_code == 0
    assert "-format_version: 1\n+format_version: 2" in shown.stdout
    assert path.read_bytes() == before  # showing changes nothing
    written = CliRunner().invoke(cli, ["migrate", "--write", str(path)])
    assert written.exit_code == 0
    assert path.read_text(encoding="utf-8").count("format_version: 2") == 1
    again = CliRunner().invoke(cli, ["migrate", str(path)])
    assert again.exit_code == 2
    assert "is already in facts format 2" in again.stderr
