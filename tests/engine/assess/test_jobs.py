"""``--jobs N``: files assessed in worker processes give the same report, byte for byte, in the same order."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bench.generate import lep_text
from govcheck.cli.main import cli
from govcheck.engine.assess import assessor
from govcheck.engine.assess.assessor import MAX_JOBS, Assessor, bundled_frameworks, facts_paths
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.reports import FORMATS

BROKEN = "format_version: 2\nas_of: 2020-02-30\norganisation: {id: broken-lep, name: Broken LEP}\n"


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of LEPs of every size, the bundled ones and synthetic ones, with one broken file among them."""
    folder = tmp_path_factory.mktemp("portfolio")
    for number, path in enumerate(facts_paths([bundled_frameworks()])):
        shutil.copy(path, folder / f"{number * 3:02d}-{path.name}")
    for number in range(5):
        (folder / f"{number * 3 + 1:02d}-synthetic.yaml").write_text(lep_text(seed=7, index=number, years=1))
    (folder / "05-broken.yaml").write_text(BROKEN)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("format_", ["text", "markdown", "json"])
def test_jobs_2_writes_the_same_report_as_jobs_1(portfolio: Path, format_: str) -> None:
    one = run(str(portfolio), "--format", format_, "--jobs", "1")
    two = run(str(portfolio), "--format", format_, "--jobs", "2")
    assert two == one
    code, out, err = one
    assert code == 2  # the broken file
    assert "05-broken.yaml:2:8: '2020-02-30' is not a real date" in err
    assert out.count("Synthetic LEP") >= 5


def test_jobs_writes_the_same_file_as_jobs_1(portfolio: Path, tmp_path: Path) -> None:
    run(str(portfolio), "--jobs", "1", "--format", "json", "--output", str(tmp_path / "one.json"))
    run(str(portfolio), "--jobs", "3", "--format", "json", "--output", str(tmp_path / "three.json"))
    assert (tmp_path / "three.json").read_bytes() == (tmp_path / "one.json").read_bytes()


@pytest.mark.parametrize("format_", FORMATS)
def test_every_format_is_the_same_bytes_from_workers(format_: str, tmp_path: Path) -> None:
    frameworks = str(bundled_frameworks())
    for jobs in ("1", "2"):
        code, _, err = run(frameworks, "--format", format_, "--jobs", jobs, "--output", str(tmp_path / f"{jobs}.out"))
        assert code in (0, 1), err
    assert (tmp_path / "2.out").read_bytes() == (tmp_path / "1.out").read_bytes()


def _made_by(assessment: Assessment) -> tuple[str, int]:
    return assessment.organisation_id, os.getpid()


def test_what_is_made_of_each_assessment_is_made_where_it_was_assessed(portfolio: Path) -> None:
    files = [path for path in facts_paths([portfolio]) if path.name != "05-broken.yaml"]
    in_workers = list(Assessor().assess_many_then(files, _made_by, jobs=2))
    here = list(Assessor().assess_many_then(files, _made_by, jobs=1))
    assert [made for made, _ in in_workers] == [made for made, _ in here]
    assert {pid for _, pid in here} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in in_workers}


def test_assess_many_keeps_the_order_given_and_reports_errors_in_place(portfolio: Path) -> None:
    files = facts_paths([portfolio])
    files.reverse()  # not the sorted order a folder gives
    in_workers = list(Assessor().assess_many(files, jobs=2))
    here = list(Assessor().assess_many(files, jobs=1))
    assert len(in_workers) == len(files)
    for path, a, b in zip(files, in_workers, here, strict=True):
        if path.name == "05-broken.yaml":
            assert isinstance(a, InputError)
            assert isinstance(b, InputError)
            assert a.problems == b.problems
        else:
            assert isinstance(a, Assessment)
            assert a.facts_file == str(path)
            assert a == b


def test_assess_many_leaves_out_the_outcome_trees_that_assess_keeps(portfolio: Path) -> None:
    path = facts_paths([portfolio])[0]
    (many,) = Assessor().assess_many([path])
    single = Assessor().assess(path)
    assert isinstance(many, Assessment)
    assert many == single
    assert all(finding.outcome is None for finding in many.findings)
    assert all(finding.outcome is not None for finding in single.findings)


def test_results_cross_process_boundaries_intact(portfolio: Path) -> None:
    assessment = Assessor().assess(facts_paths([portfolio])[0])
    assert pickle.loads(pickle.dumps(assessment)) == assessment
    error = InputError.single("x.yaml", "is broken", 3, 4, "mend it")
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


def test_jobs_must_be_a_positive_number(portfolio: Path) -> None:
    code, _, err = run(str(portfolio), "--jobs", "0")
    assert code == 2
    assert "--jobs" in err


def test_jobs_beyond_the_bound_are_refused_with_a_message(portfolio: Path) -> None:
    for jobs in ("129", "99999999999999999999"):
        result = CliRunner().invoke(cli, ["check", str(portfolio), "--jobs", jobs])
        assert result.exit_code == 2
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"Invalid value for '--jobs' / '-j': {jobs} is more than {MAX_JOBS}, the most processes" in result.stderr


def test_the_library_starts_no_more_workers_than_files_or_the_bound(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    started: list[int] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: Any) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(assessor, "MAX_JOBS", 4)  # not a hundred processes in a test
    files = facts_paths([portfolio])[:3]
    assert list(Assessor().assess_many(files, jobs=10**20)) == list(Assessor().assess_many(files, jobs=1))
    assert list(Assessor().assess_many(files * 3, jobs=10**20)) == list(Assessor().assess_many(files * 3))
    assert started == [3, 4]
