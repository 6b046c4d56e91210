"""Every date the schema accepts works everywhere: at both ends of the range, every report and `explain` agree.

A date is accepted from 1990-01-01 to 2099-12-31 (engine/core/days.py). At either end,
whether it is the assessment date or any date among the facts, every rule gives a verdict
(never `error`), `govcheck explain` reaches the verdict `check` reaches, and every report
format, the improvement plan with its milestones months later among them, is written.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.days import FIRST_DAY, LAST_DAY
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.core.status import Status
from govcheck.engine.facts.loader import FactsFile, load_facts, parse_facts
from govcheck.reports import FORMATS, RenderOptions, renderer_for
from tests.support.facts import REPO

FRAMEWORKS = sorted((REPO / "frameworks").glob("*.yaml"))
EXEMPLAR = REPO / "frameworks" / "exemplar-lep.yaml"
# Any date among the facts: `key: YYYY-MM-DD`, keys ending _on, as_of and valid_until.
DATED = re.compile(r"(?m)^(?P<before>.*\b(?:\w+_on|as_of|valid_until): )(?P<day>\d{4}-\d\d-\d\d)")


def _both_ways(assessor: Assessor, facts_file: FactsFile) -> tuple[Assessment, Assessment]:
    """As `explain` assesses (every step kept) and as `check` does (verdicts only)."""
    return assessor.assess_file(facts_file, outcomes=True), assessor.assess_file(facts_file, outcomes=False)


def _agree_without_errors(explained: Assessment, checked: Assessment) -> None:
    errors = [(f.rule_id, f.reason) for f in checked.findings if f.status is Status.ERROR]
    assert errors == []
    assert [(f.rule_id, f.status, f.reason) for f in explained.findings] == [
        (f.rule_id, f.status, f.reason) for f in checked.findings
    ]


@pytest.mark.parametrize("day", [FIRST_DAY, LAST_DAY], ids=str)
@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda path: path.stem)
def test_every_report_at_either_end_of_the_range(path: object, day: object) -> None:
    # No bundled pack is in force in 1990, so one is named, as --pack would.
    assessor = Assessor("naf-2019", day)  # type: ignore[arg-type]
    explained, checked = _both_ways(assessor, load_facts(path))  # type: ignore[arg-type]
    _agree_without_errors(explained, checked)
    for name in FORMATS:
        assert renderer_for(name).render([checked], RenderOptions())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), day=st.sampled_from([FIRST_DAY, LAST_DAY]))
def test_any_date_among_the_facts_at_either_end(data: st.DataObject, day: object) -> None:
    text = EXEMPLAR.read_text(encoding="utf-8")
    dates = list(DATED.finditer(text))
    chosen = data.draw(st.sampled_from(dates), label="date")
    changed = text[: chosen.start("day")] + str(day) + text[chosen.end("day") :]
    try:
        facts_file = parse_facts(changed, "edge.yaml")
    except InputError as refused:
        # Moved to an end of the range, a date may leave facts that cannot be true (minutes before
        # their meeting, a meeting after as_of): refused with their place, never assessed.
        unlocated = [problem for problem in refused.problems if problem.line is None]
    else:
        _agree_without_errors(*_both_ways(Assessor("naf-2019"), facts_file))
        return
    assert unlocated == []
