"""The JSON report, schema version 2: compact, each rule's texts once, and every field a saved result needs.

Results of version 1 (each finding carrying its rule's texts, indented) are still read: people keep
baseline files, and ``diff``, ``trend``, ``--baseline`` and ``--replay`` read them as they did.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import Assessor, bundled_frameworks, facts_paths
from govcheck.engine.core.results import Assessment
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.json_models import REPORT_SCHEMA_VERSION, ReportJSON
from govcheck.reports.json_reader import parse_result, read_result

VERSION_1 = Path(__file__).resolve().parents[1] / "fixtures" / "report-v1" / "typical-gaps-lep.json"


@pytest.fixture(scope="module")
def assessments() -> list[Assessment]:
    return list(Assessor().assess_many(facts_paths([bundled_frameworks()])))  # type: ignore[arg-type]


def written(assessments: list[Assessment], pretty: bool = False) -> str:
    return RENDERERS["json"].render(assessments, RenderOptions(pretty=pretty))


def test_the_report_is_one_line_unless_pretty_is_asked(assessments: list[Assessment]) -> None:
    compact, pretty = written(assessments), written(assessments, pretty=True)
    assert compact.count("\n") == 1
    assert compact.endswith("}\n")
    assert json.loads(pretty) == json.loads(compact)
    assert pretty.startswith('{\n  "schema": "govcheck-report",\n')
    assert len(compact) < len(pretty)


def test_each_rules_texts_are_given_once_whatever_the_number_of_leps(assessments: list[Assessment]) -> None:
    one = assessments[0]
    report = written([one, one, one])
    for finding in one.findings:
        assert report.count(json.dumps(finding.remediation, ensure_ascii=False)) <= 1
    document = json.loads(report)
    assert document["schema_version"] == REPORT_SCHEMA_VERSION == 2
    table = document["rules"][one.pack.id]
    assert set(table) == {f.rule_id for f in one.findings}
    first = one.findings[0]
    assert table[first.rule_id]["title"] == first.title
    assert table[first.rule_id]["citation"] == first.citation
    assert all("title" not in f and "remediation" not in f for f in document["assessments"][0]["findings"])


def test_a_report_follows_its_model_and_reads_back_as_the_assessments_it_was_written_from(
    assessments: list[Assessment],
) -> None:
    text = written(assessments)
    ReportJSON.model_validate(json.loads(text))
    saved = parse_result(text, "saved.json")
    assert written(list(saved.assessments)) == text
    for back, original in zip(saved.assessments, assessments, strict=True):
        # Each finding's rule texts come back from the rules table; a facts path as its dotted form gives it.
        assert [replace(f, items=()) for f in back.findings] == [replace(f, items=()) for f in original.findings]
        assert back == replace(original, findings=back.findings, improvement_actions=(), topics=back.topics)
    assert saved.manifest is not None
    assert {i.path for i in saved.manifest.inputs} >= {a.facts_file for a in assessments}


def test_a_finding_whose_rule_is_not_in_the_rules_table_is_refused_with_where(
    assessments: list[Assessment],
) -> None:
    document = json.loads(written(assessments[:1]))
    rule_id = document["assessments"][0]["findings"][2]["rule_id"]
    del document["rules"][assessments[0].pack.id][rule_id]
    with pytest.raises(Exception, match=r"assessments\[0\]\.findings\[2\]\.rule_id: rule .* is not in the report"):
        parse_result(json.dumps(document), "saved.json")


def test_a_version_1_result_reads_as_the_same_assessments_a_version_2_one_gives() -> None:
    old = read_result(VERSION_1)
    assert json.loads(VERSION_1.read_text(encoding="utf-8"))["schema_version"] == 1
    again = parse_result(RENDERERS["json"].render(list(old.assessments), RenderOptions()), "new.json")
    assert again.assessments == old.assessments
    assert old.assessments[0].findings[0].title  # the texts version 1 gave in each finding are kept


def test_diff_of_a_version_1_result_and_a_version_2_one_of_the_same_facts(tmp_path: Path) -> None:
    old = read_result(VERSION_1)
    new = tmp_path / "new.json"
    new.write_text(RENDERERS["json"].render(list(old.assessments), RenderOptions()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(VERSION_1), str(new)])
    assert result.exit_code == 0, result.output
    later = tmp_path / "later.json"
    facts = str(bundled_frameworks() / "typical-gaps-lep.yaml")
    checked = CliRunner().invoke(cli, ["check", facts, "--as-of", "2020-06-30", "--fail-on", "never", "-o", str(later)])
    assert checked.exit_code == 0, checked.output
    trend = CliRunner().invoke(cli, ["trend", str(VERSION_1), str(later)])
    assert trend.exit_code == 0, trend.output
    assert "2020-03-31" in trend.stdout
    assert "2020-06-30" in trend.stdout
    baseline = CliRunner().invoke(cli, ["check", facts, "--baseline", str(VERSION_1), "-o", str(tmp_path / "r.txt")])
    assert baseline.exit_code == 0, baseline.output
    assert f"against baseline {VERSION_1}" in baseline.stderr
