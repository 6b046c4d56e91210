"""One facts file per LEP in a run: a second file with the same organisation.id is refused, naming both files."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.assess.edition_diff import compare_editions
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.history.baseline import diff

LEP = "format_version: 1\nas_of: 2020-03-31\norganisation:\n  id: {id}\n  name: {name}\n"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """a.yaml and b.yaml claim one id; c.yaml has its own."""
    found = []
    for name, lep in (("a", "my-lep"), ("b", "my-lep"), ("c", "other-lep")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(LEP.format(id=lep, name=f"LEP {name}"))
        found.append(path)
    return found


def _expected(files: list[Path]) -> str:
    return (
        f"{files[1]}:4:7: organisation.id 'my-lep' is also the id of {files[0]}, read in this run "
        "(each LEP has one facts file with its own id, by which results, baselines and waivers know it)"
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_second_file_of_one_id_is_refused_and_the_others_assessed(files: list[Path], jobs: int) -> None:
    results = list(Assessor("naf-2019").assess_many(files, jobs=jobs))
    assert [type(r) for r in results] == [Assessment, InputError, Assessment]
    assert str(results[1]) == _expected(files)
    assert [r.organisation_id for r in results if isinstance(r, Assessment)] == ["my-lep", "other-lep"]


def test_one_file_given_twice_is_one_lep(files: list[Path]) -> None:
    same = [files[0], files[0].parent / "." / files[0].name]
    assert all(isinstance(r, Assessment) for r in Assessor("naf-2019").assess_many(same))


def test_comparing_editions_refuses_the_second_file_of_one_id(files: list[Path]) -> None:
    comparison = compare_editions("naf-2016", "naf-2019", files)
    assert [str(error) for error in comparison.broken] == [_expected(files)]
    assert [a.organisation_id for a, _ in comparison.verdicts] == ["my-lep", "other-lep"]


def test_results_holding_two_files_of_one_id_are_not_compared(files: list[Path]) -> None:
    assessor = Assessor("naf-2019")
    first, second = (assessor.assess(path) for path in files[:2])  # as an older govcheck would have saved them
    with pytest.raises(InputError) as caught:
        diff([first, second], [first])
    assert str(caught.value) == (
        f"{files[1]}: organisation.id 'my-lep' is also that of {files[0]} in the older result "
        "(results are compared LEP by LEP, so the two would be mixed; give each LEP its own id)"
    )
    with pytest.raises(InputError, match="in the newer result"):
        diff([first], [first, second])
