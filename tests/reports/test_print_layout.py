"""The gap report and the improvement plan on paper, as headless Chromium prints them for each bundled LEP.

A small LEP's report once printed to 53 Letter pages with large blank gaps, and its plan to
39 pages with an empty table header at the foot of page 1. These bound the pages by what
there is to print, and check that no page is left mostly empty before the last and that no
page ends with, or holds only, a table's header or a heading.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from govcheck.engine.core.results import Assessment
from govcheck.reports import RENDERERS, RenderOptions
from govcheck.reports.plan import build
from tests.support.browser import CHROMIUM, print_to_pdf
from tests.support.golden import assess

pytestmark = pytest.mark.browser

LEPS = sorted(Path("frameworks").glob("*.yaml"))
A4 = (595, 842)  # points, portrait
FORMATS = {"html": A4, "plan-html": A4[::-1]}


HEADS = {"thead", "h1", "h2", "h3", "h4", "h5", "h6"}


class Headers(HTMLParser):
    """The text of each table's header row and of each heading: what must never end a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[str] = []
        self._open: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADS and self._open is None:
            self._open = tag
            self.rows.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.rows[-1] += data


def squeezed(text: str) -> str:
    """Text with no whitespace: a PDF's text breaks lines where the page did, not where the HTML did."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Printed:
    assessment: Assessment
    headers: list[str]  # each table header row's and heading's text, squeezed
    pages: list[str]  # each page's text
    sizes: set[tuple[int, int]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Path], Printed]:
    if CHROMIUM is None:
        pytest.skip("no Chromium found (install Debian's chromium package to run the browser tests)")
    made: dict[tuple[str, Path], Printed] = {}
    folder = tmp_path_factory.mktemp("printed")

    def make(format_: str, lep: Path) -> Printed:
        if (format_, lep) not in made:
            assessment = assess(lep)
            html = RENDERERS[format_].render([assessment], RenderOptions())
            page = folder / f"{lep.stem}.{format_}.html"
            page.write_text(html, encoding="utf-8")
            pdf = PdfReader(print_to_pdf(page, page.with_suffix(".pdf")))
            made[format_, lep] = Printed(
                assessment,
                [squeezed(row) for row in Headers(html).rows],
                [p.extract_text() or "" for p in pdf.pages],
                {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages},
            )
        return made[format_, lep]

    return make


@pytest.mark.parametrize("lep", LEPS, ids=lambda p: p.stem)
def test_the_gap_report_prints_on_a4_a_few_findings_to_a_page(
    printed: Callable[[str, Path], Printed], lep: Path
) -> None:
    report = printed("html", lep)
    assert report.sizes == {A4}
    gaps = len(report.assessment.gaps())
    rest = len(report.assessment.findings) - gaps
    # A gap's finding takes a sixth of a page or less, a row of the met rules' table a tenth; one for the summary.
    bound = math.ceil(2 + gaps / 3 + rest / 10)
    assert len(report.pages) <= bound, f"{len(report.pages)} pages for {gaps} gaps and {rest} other rules"


@pytest.mark.parametrize("lep", LEPS, ids=lambda p: p.stem)
def test_the_plan_prints_on_landscape_a4_a_dozen_kpis_and_milestones_to_a_page(
    printed: Callable[[str, Path], Printed], lep: Path
) -> None:
    plan = printed("plan-html", lep)
    assert plan.sizes == {A4[::-1]}
    rows = build(plan.assessment).rows
    lines = sum(len(row.kpis) + len(row.milestones) for row in rows)
    bound = math.ceil(2 + lines / 10)
    assert len(plan.pages) <= bound, f"{len(plan.pages)} pages for {len(rows)} rows of {lines} KPIs and milestones"


@pytest.mark.parametrize("lep", LEPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("format_", FORMATS)
def test_no_page_before_the_last_is_left_mostly_empty(
    printed: Callable[[str, Path], Printed], format_: str, lep: Path
) -> None:
    pages = [len(squeezed(text)) for text in printed(format_, lep).pages]
    mean = sum(pages) / len(pages)
    thin = [(number, chars) for number, chars in enumerate(pages[:-1], start=1) if chars < 0.4 * mean]
    assert not thin, f"pages holding under 40% of the {mean:.0f} characters of an average page: {thin}"


@pytest.mark.parametrize("lep", LEPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("format_", FORMATS)
def test_no_page_ends_with_or_holds_only_a_table_header_or_a_heading(
    printed: Callable[[str, Path], Printed], format_: str, lep: Path
) -> None:
    report = printed(format_, lep)
    assert report.headers, "the page has tables with headers to check"
    for number, text in enumerate(report.pages, start=1):
        page = squeezed(text)
        stranded = [header for header in report.headers if page.endswith(header)]
        assert not stranded, f"page {number} ends with a table header or heading: {stranded[0][:80]}"
