"""Any valid facts, written as a workbook and read back, are the same facts: a property over generated facts.

Two ways of saying nothing read back as one: a fact written as its default (`people: []`,
`quorum:` with nothing after it) and a section written with nothing in it
(`register_of_interests: {}`) are read back as left out, which is what they say.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from govcheck.engine.facts.loader import load_facts, parse_facts
from govcheck.engine.workbook.write import facts_data, workbook_bytes
from tests.support.strategies import facts_data as generated_facts

ROUND_TRIPS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def said(value: Any) -> Any:
    """The facts as they are said: what is not known (None) and sections with nothing in them left out."""
    if isinstance(value, dict):
        kept = {key: said(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item is not None and (item != {} or key == "coverage")}
    if isinstance(value, list):
        return [said(item) for item in value]
    return value


@ROUND_TRIPS
@given(generated_facts())
def test_generated_facts_read_back_from_a_workbook_unchanged(tmp_path: Path, data: dict[str, Any]) -> None:
    original = parse_facts(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "generated.yaml")
    workbook = tmp_path / "generated.xlsx"
    workbook.write_bytes(workbook_bytes(facts_data(original.facts)))
    read_back = load_facts(workbook)
    assert said(read_back.facts.model_dump()) == said(original.facts.model_dump())
    assert read_back.facts.meetings_recorded == original.facts.meetings_recorded
