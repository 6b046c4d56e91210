"""Reports are written LEP by LEP: a renderer holds one assessment at a time and its pieces make the whole report."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from govcheck.engine.assess.assessor import Assessor, bundled_frameworks, facts_paths
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import load_facts
from govcheck.reports import RENDERERS, Renderer, RenderOptions
from govcheck.reports.matrix import MATRIX_FIRST_UP_TO

STREAMING = ["text", "markdown", "json"]


@pytest.fixture(scope="module")
def assessments() -> list[Assessment]:
    return [Assessor().assess(path) for path in facts_paths([bundled_frameworks()])]


class Pulls:
    """Hands out assessments one at a time, counting how many have been taken."""

    def __init__(self, assessments: Sequence[Assessment]) -> None:
        self.assessments = assessments
        self.taken = 0

    def __iter__(self) -> Iterator[Assessment]:
        for assessment in self.assessments:
            self.taken += 1
            yield assessment


# Text and Markdown open a report over a few LEPs with the matrix, which needs them all; over
# more than MATRIX_FIRST_UP_TO they stream from the first LEP, holding at most that window.
READ_BEFORE_FIRST_PIECE = {"text": MATRIX_FIRST_UP_TO + 1, "markdown": MATRIX_FIRST_UP_TO + 1, "json": 1}


@pytest.mark.parametrize("format_", STREAMING)
def test_a_streamed_report_is_written_before_the_next_lep_is_read(assessments: list[Assessment], format_: str) -> None:
    many = assessments * (MATRIX_FIRST_UP_TO // len(assessments) + 2)
    pulls = Pulls(many)
    pieces = RENDERERS[format_].stream(pulls, RenderOptions())
    first = next(pieces)
    assert many[0].organisation_name in first
    assert pulls.taken == READ_BEFORE_FIRST_PIECE[format_]
    rest = list(pieces)
    assert pulls.taken == len(many)
    assert first + "".join(rest) == RENDERERS[format_].render(many, RenderOptions())


@pytest.mark.parametrize("format_", ["text", "markdown"])
def test_a_few_leps_open_with_the_matrix(assessments: list[Assessment], format_: str) -> None:
    text = RENDERERS[format_].render(assessments, RenderOptions())
    assert text.lstrip("# ").startswith(f"Matrix: {len(assessments)} LEPs")


@pytest.mark.parametrize("pretty", [False, True])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_is_the_report_json_dumps_writes_whole(
    assessments: list[Assessment], count: int, pretty: bool
) -> None:
    chosen = (assessments * 2)[:count]
    streamed = "".join(RENDERERS["json"].stream(iter(chosen), RenderOptions(pretty=pretty)))
    whole = json.loads(streamed)
    assert len(whole["assessments"]) == count
    if pretty:
        assert streamed == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    else:
        assert streamed == json.dumps(whole, separators=(",", ":"), ensure_ascii=False) + "\n"


def test_the_text_report_ends_with_totals_over_every_lep(assessments: list[Assessment]) -> None:
    text = RENDERERS["text"].render(assessments, RenderOptions())
    met = sum(a.count()["met"] for a in assessments)
    assert text.endswith("\n")
    last = text.rstrip("\n").splitlines()[-1]
    assert last.startswith(f"{len(assessments)} LEPs assessed: {met} met")
    single = RENDERERS["text"].render(assessments[:1], RenderOptions())
    assert "LEPs assessed" not in single


def test_a_renderer_that_does_not_stream_is_handed_the_whole_list(assessments: list[Assessment]) -> None:
    seen: list[int] = []

    def count_them(given: Sequence[Assessment], options: RenderOptions) -> str:
        seen.append(len(given))
        return f"{len(given)} LEPs\n"

    whole = Renderer("count", count_them, (".count",), "How many LEPs.")
    assert list(whole.stream(iter(assessments), RenderOptions())) == [f"{len(assessments)} LEPs\n"]
    assert seen == [len(assessments)]


def test_assessments_are_read_one_file_at_a_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    bundled = facts_paths([bundled_frameworks()])
    first.write_text(bundled[0].read_text())
    results = Assessor().assess_many([first, second])
    assert isinstance(next(results), Assessment)
    second.write_text(bundled[1].read_text())  # written only after the first was assessed
    assert isinstance(next(results), Assessment)


@pytest.mark.parametrize("keep_outcomes", [False, True])
def test_an_assessment_leaves_nothing_for_the_collector(keep_outcomes: bool) -> None:
    # Everything an assessment makes is freed as soon as it is dropped: no reference cycles,
    # so memory over thousands of LEPs does not wait on (or pay for) the cyclic collector.
    import gc

    assessor = Assessor()
    paths = facts_paths([bundled_frameworks()])
    for path in paths:
        assessor.assess_file(load_facts(path), outcomes=keep_outcomes)  # packs and calendar loaded
    gc.collect()
    gc.disable()
    try:
        for path in paths:
            assessor.assess_file(load_facts(path), outcomes=keep_outcomes)
        assert gc.collect() == 0
    finally:
        gc.enable()
