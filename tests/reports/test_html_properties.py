"""For any valid facts, every new report format renders, the same way twice, and HTML stays well formed."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.facts.loader import parse_facts
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.explain import explain
from tests.support.html import Page
from tests.support.strategies import facts_data

FORMATS = ("html", "csv", "matrix", "matrix-html", "matrix-csv", "plan", "plan-html", "plan-csv")
ASSESSOR = Assessor()
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assess(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return ASSESSOR.assess_file(parse_facts(yaml.safe_dump(data, sort_keys=False), "generated.yaml"))


@SETTINGS
@given(facts_data(), facts_data())
def test_every_format_renders_deterministically(first: dict[str, Any], second: dict[str, Any]) -> None:
    assessments = [assess(first), assess(second)]
    again = [assess(copy.deepcopy(first)), assess(copy.deepcopy(second))]
    for name in FORMATS:
        text = RENDERERS[name].render(assessments, RenderOptions())
        assert text == RENDERERS[name].render(again, RenderOptions()), name
        if name.endswith("html"):
            assert Page(text).errors == [], name
    for finding in assessments[0].findings:
        assert explain(assessments[0], finding).startswith(finding.rule_id)
