"""The concise format: a line per failing item at its facts line, in file order, then the totals."""

from __future__ import annotations

import re

import pytest

from govcheck.engine.assess.assessor import Assessor, bundled_frameworks
from govcheck.engine.core.results import Assessment
from govcheck.reports import RenderOptions, renderer_for

LINE = re.compile(
    r"^(?P<file>[^:]+)(:(?P<line>\d+))?: (?P<severity>high|medium|low) "
    r"(?P<status>not met|missing evidence|partial|error) (?P<rule>[a-z0-9.-]+)"
)


@pytest.fixture(scope="module")
def assessments() -> list[Assessment]:
    folder = bundled_frameworks()
    return [Assessor().assess(folder / name) for name in ("typical-gaps-lep.yaml", "exemplar-lep.yaml")]


def render(assessments: list[Assessment]) -> list[str]:
    return renderer_for("concise").render(assessments, RenderOptions()).splitlines()


def test_each_failing_item_is_a_line_at_its_facts_line(assessments: list[Assessment]) -> None:
    lines = render(assessments)
    gaps = assessments[0].gaps()
    expected = sum(max(len(gap.failing_items), 1) for gap in gaps)
    assert len(lines) == expected + 1  # and the totals
    for line in lines[:-1]:
        found = LINE.match(line)
        assert found, line
        assert found["file"] == assessments[0].facts_file
        assert found["rule"] in {gap.rule_id for gap in gaps}


def test_lines_follow_the_file(assessments: list[Assessment]) -> None:
    numbers = [int(m["line"] or 0) for line in render(assessments)[:-1] if (m := LINE.match(line))]
    assert numbers == sorted(numbers)


def test_the_totals_count_gaps_by_severity_over_every_lep(assessments: list[Assessment]) -> None:
    gaps = assessments[0].gaps()
    by = {s: sum(1 for g in gaps if g.severity == s) for s in ("high", "medium", "low")}
    assert render(assessments)[-1] == (
        f"{len(gaps)} gaps in 2 LEPs ({by['high']} high, {by['medium']} medium, {by['low']} low)"
    )


def test_a_lep_with_no_gap_gives_only_the_totals(assessments: list[Assessment]) -> None:
    assert render(assessments[1:]) == ["0 gaps in 1 LEP"]
