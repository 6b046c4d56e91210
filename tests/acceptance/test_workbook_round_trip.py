"""Every bundled and acceptance facts file, written as a workbook and read back: the same facts, the same verdicts.

The facts read back must equal the facts written, key for key (so every shorthand of format 2
survives: not found, a month, bounds, late, found, partly, an empty list against one left out),
and assessing the workbook gives every finding the YAML gives: its status, reason and items.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.assess.facts_files import find_facts_files
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import FactsFile, load_facts
from govcheck.engine.workbook.write import facts_data, workbook_bytes
from tests.support.facts import REPO

FACTS_FILES = sorted(
    [
        *REPO.glob("frameworks/*.yaml"),
        *find_facts_files([REPO / "tests" / "fixtures"]).files,  # not the waiver files or rule packs there
        *(path for path in REPO.glob("tests/acceptance/real_records/*/*.yaml") if ".expected" not in path.name),
    ]
)


def verdicts(assessor: Assessor, facts_file: FactsFile) -> list[tuple[object, ...]] | list[str]:
    try:
        assessment = assessor.assess_file(facts_file)
    except InputError as error:  # an as-of no edition covers: the same refusal either way
        return [problem.message for problem in error.problems]
    return [(f.rule_id, f.status, f.reason, f.passed, f.total, f.items) for f in assessment.findings]


def test_every_kind_of_facts_file_is_covered() -> None:
    folders = {path.parent.name for path in FACTS_FILES}
    assert len(FACTS_FILES) >= 25
    assert {"frameworks", "fixtures", "format-1", "cumbria-lep"} <= folders


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return Assessor()


@pytest.mark.parametrize("path", FACTS_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_a_workbook_reads_back_as_the_facts_it_was_written_from(path: Path, tmp_path: Path, assessor: Assessor) -> None:
    original = load_facts(path)
    workbook = tmp_path / f"{path.stem}.xlsx"
    workbook.write_bytes(workbook_bytes(facts_data(original.facts)))
    read_back = load_facts(workbook)
    assert facts_data(read_back.facts) == facts_data(original.facts)
    assert read_back.facts.meetings_recorded == original.facts.meetings_recorded
    assert verdicts(assessor, read_back) == verdicts(assessor, original)
