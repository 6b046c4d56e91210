"""The HTML gap report: golden files, a self-contained and well-formed page, and values from facts kept inert."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import pytest

from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.html import links, web_address
from tests.support.facts import facts_from
from tests.support.golden import assert_golden, assess, scenario_files, scenario_name, scenarios
from tests.support.html import Page

GAPPY = Path("tests/fixtures/gappy-lep.yaml")


def html(*paths: Path) -> str:
    return RENDERERS["html"].render([assess(p) for p in paths], RenderOptions())


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("path", scenarios(), ids=scenario_name)
def test_html_report_matches_its_golden_file(path: Path, update_golden: bool) -> None:
    assert_golden(f"{scenario_name(path)}_expected.html", html(path), update_golden)


@pytest.mark.parametrize("path", scenarios(), ids=scenario_name)
def test_page_is_well_formed_self_contained_and_its_own_script_is_allowed(path: Path) -> None:
    page = Page(html(path))
    assert page.errors == []
    assert len(page.ids) == len(set(page.ids)), "an id is used twice"
    assert set(page.fragments) <= set(page.ids), "a link points at no element on the page"
    assert page.sources == [], "the page fetches something"
    assert page.tables > 0
    assert len(page.scripts) == 1
    assert len(page.styles) == 1
    # The policy allows exactly the page's own style and script, so the filters run and nothing else can.
    assert "default-src 'none'" in page.policy
    assert f"script-src {csp_hash(page.scripts[0])};" in page.policy
    assert f"style-src {csp_hash(page.styles[0])};" in page.policy


def test_summary_comes_first_with_counts_edition_date_and_digest() -> None:
    assessment = assess(GAPPY)
    text = html(GAPPY)
    summary = text[text.index('id="gappy-lep--summary"') : text.index('id="gappy-lep--gaps"')]
    assert "31 Mar 2020" in summary
    assert "January 2019" in summary
    assert "ci-core" in summary  # the fixtures are assessed under the frozen pack (tests/golden_files.py)
    assert assessment.facts_sha256 in summary
    assert "tests/fixtures/gappy-lep.yaml" in summary
    rows = dict(
        re.findall(r"(not met|partial|missing evidence|not applicable|met)</span></th><td[^>]*>(\d+)<", summary)
    )
    assert rows == {"not met": "5", "partial": "10", "missing evidence": "8", "not applicable": "1", "met": "4"}
    # Gaps by severity: in national requirements, in the rest, and all of them.
    severities = {
        severity: (national, other, every)
        for severity, national, other, every in re.findall(
            r"<th scope=\"row\">(high|medium|low)</th>"
            r"<td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)<",
            summary,
        )
    }
    assert {severity: counts[2] for severity, counts in severities.items()} == {"high": "9", "medium": "10", "low": "4"}
    assert all(int(national) + int(other) == int(every) for national, other, every in severities.values())
    assert text.index('id="gappy-lep--gaps"') < text.index('id="gappy-lep--rest"')


def test_values_from_facts_are_text_never_markup() -> None:
    text = html(GAPPY)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Bob O&#39;Brien &amp; &#34;Sons&#34;" in text
    assert text.count("<script") == 1


def test_a_hostile_organisation_name_and_evidence_address_stay_inert() -> None:
    facts = facts_from(
        """
        as_of: 2020-03-31
        organisation: {id: x, name: "<img src=x onerror=alert(1)>"}
        policies:
          whistleblowing: {url: "javascript:alert(1)", adopted_on: 2020-01-01,
                           evidence: {url: "javascript:alert(2)", document: "Policy <b>v2</b>"}}
        """
    )
    from govcheck.engine.assess.assessor import Assessor

    text = RENDERERS["html"].render([Assessor().assess_file(facts)], RenderOptions())
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "javascript:" not in re.sub(r">[^<]*<", "><", text), "a javascript: address became an attribute"
    assert "Policy &lt;b&gt;v2&lt;/b&gt;" in text


def test_only_web_addresses_become_links() -> None:
    assert links("Board pack, section 4, https://lep.example/board?x=1.") == [
        ("Board pack, section 4, ", None),
        ("https://lep.example/board?x=1", "https://lep.example/board?x=1"),
        (".", None),
    ]
    assert links("javascript:alert(1)") == [("javascript:alert(1)", None)]
    assert web_address("https://lep.example/a") == "https://lep.example/a"
    assert web_address("javascript:alert(1)") is None
    assert web_address("https://lep.example/a onmouseover=x") is None


def test_gap_shows_failing_items_with_facts_lines_citation_evidence_and_remediation() -> None:
    text = html(GAPPY)
    start = text.index('id="gappy-lep--registers.published-within-28-days"')
    gap = text[start : text.index("</article>", start)]
    assert "Failing items: 2 of 5" in gap
    assert "register published 14 Jul 2019, 41 days after appointment; due by 1 Jul 2019 (28 days allowed)" in gap
    assert "<td>line 56</td>" in gap  # where the late register stands in the facts file
    assert "<dt>Facts</dt><dd><code>tests/fixtures/gappy-lep.yaml:50</code>" in gap
    assert "Best Practice Guidance ch.5 (28 days unverified)" in gap
    assert "ROI-02" in gap
    assert '<a href="https://www.gappy-valley-lep.example/board/bob-obrien">' in gap
    assert "Publish each late or missing register" in gap


def test_filters_offer_every_status_severity_and_topic_present() -> None:
    text = html(GAPPY)
    form = text[text.index('<form id="filters"') : text.index("</form>")]
    values = re.findall(r'name="(\w+)" value="([\w-]+)"', form)
    assert ("status", "not_met") in values
    assert ("status", "met") in values
    assert ("status", "waived") not in values
    assert [v for k, v in values if k == "severity"] == ["high", "medium", "low"]
    assert ("topic", "registers-of-interest") in values
    # Without script the form stays hidden and every finding shows.
    assert form.startswith('<form id="filters" class="filters" hidden')
    assert text.count("data-filterable data-status") == 28


def test_several_leps_give_the_matrix_first_then_each_report_linked_from_it() -> None:
    paths = scenario_files("tests/fixtures")
    text = html(*paths)
    assert (
        text.index('<h2 id="matrix">') < text.index('id="empty-lep--heading"') < text.index('id="gappy-lep--heading"')
    )
    assert 'href="#gappy-lep--quorum.quorate-after-withdrawals"' in text
    assert Page(text).errors == []


def test_the_same_lep_twice_keeps_ids_unique() -> None:
    gappy = assess(GAPPY)
    later = replace(gappy, facts_file="later.yaml")
    text = RENDERERS["html"].render([gappy, later], RenderOptions())
    page = Page(text)
    assert len(page.ids) == len(set(page.ids))
    assert 'id="gappy-lep-2--heading"' in text


def test_same_input_same_bytes() -> None:
    assert html(GAPPY) == html(GAPPY)
