"""Every human format shows what a finding that lacks evidence needs written: the keys and the YAML."""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.core.results import Assessment, Finding
from govcheck.engine.core.status import Status
from govcheck.reports import Subject, render
from govcheck.reports.explain import explain
from tests.support.facts import REPO

EMPTY = REPO / "tests" / "fixtures" / "empty-lep.yaml"
TYPICAL = REPO / "frameworks" / "typical-gaps-lep.yaml"
RULE = "assurance-framework.published"


@cache
def assessed(path: Path) -> Assessment:
    return Assessor().assess(path)


def finding(path: Path, rule_id: str) -> Finding:
    return next(f for f in assessed(path).findings if f.rule_id == rule_id)


def test_the_text_report_gives_the_keys_and_the_snippet_under_the_finding() -> None:
    text = render(Subject.ASSESSMENTS, "text", [assessed(EMPTY)])
    block = text[text.index(f"MISSING  high   {RULE}") :]
    block = block[: block.index("Next:")]
    assert "Facts needed: assurance_framework.url, assurance_framework.published_on" in block
    assert "        assurance_framework:\n          url: <web address>\n          published_on: YYYY-MM-DD\n" in block


def test_markdown_sets_the_keys_as_code_and_the_snippet_as_a_yaml_block() -> None:
    text = render(Subject.ASSESSMENTS, "markdown", [assessed(EMPTY)])
    assert "**Facts needed:** `assurance_framework.url`, `assurance_framework.published_on`." in text
    assert "```yaml\nassurance_framework:\n  url: <web address>\n  published_on: YYYY-MM-DD\n```" in text


def test_html_shows_the_snippet_escaped_in_a_pre_block() -> None:
    text = render(Subject.ASSESSMENTS, "html", [assessed(EMPTY)])
    article = text[text.index(f'id="empty-lep--{RULE}"') :]
    article = article[: article.index("</article>")]
    assert "<strong>Facts needed:</strong> <code>assurance_framework.url</code>" in article
    assert (
        '<pre class="snippet"><code class="language-yaml">assurance_framework:\n  url: &lt;web address&gt;\n'
        "  published_on: YYYY-MM-DD\n</code></pre>"
    ) in article


def test_csv_has_a_facts_needed_column_with_the_snippet() -> None:
    rows = list(csv.DictReader(io.StringIO(render(Subject.ASSESSMENTS, "csv", [assessed(EMPTY)]).lstrip("\ufeff"))))
    row = next(r for r in rows if r["rule_id"] == RULE)
    assert row["facts_needed"] == "assurance_framework:\n  url: <web address>\n  published_on: YYYY-MM-DD"
    decided = [r for r in rows if r["status"] != "missing_evidence"]
    assert decided
    assert all(r["facts_needed"] == "" for r in decided)


def test_explain_ends_with_the_facts_needed() -> None:
    text = explain(assessed(EMPTY), finding(EMPTY, RULE))
    assert text.endswith(
        "Facts needed: assurance_framework.url, assurance_framework.published_on\n"
        "  Add to the facts file (into entries already there), with the values found:\n"
        "    assurance_framework:\n      url: <web address>\n      published_on: YYYY-MM-DD\n"
    )


def test_findings_with_a_verdict_show_no_facts_needed() -> None:
    assessment = assessed(TYPICAL)
    decided = [f for f in assessment.findings if f.status in (Status.MET, Status.NOT_MET)]
    assert decided
    for rendered in (explain(assessment, f) for f in decided):
        assert "Facts needed" not in rendered
