"""History and trend: gaps opened and closed between assessments, time open, gaps by topic; text, JSON, HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.ci import AFTER, BEFORE, JSMITH, KLEE, run, save_result

NEXT_YEAR_CHANGES = (
    ("as_of: 2020-09-30", "as_of: 2021-03-31"),
    # K. Lee's register goes online in October: late, so one of K. Lee's gaps changes rather than closes.
    (
        "    induction: {completed_on: 2020-07-01}",
        "    register_of_interests: {published_on: 2020-10-05, reviewed_on: 2020-10-05}\n"
        "    induction: {completed_on: 2020-07-01}",
    ),
)


@pytest.fixture
def results(tmp_path: Path) -> list[Path]:
    later = tmp_path / "riverside-2021-03.yaml"
    text = AFTER.read_text(encoding="utf-8")
    for old, new in NEXT_YEAR_CHANGES:
        assert old in text
        text = text.replace(old, new)
    later.write_text(text)
    paths = [tmp_path / "2020-03.json", tmp_path / "2020-09.json", tmp_path / "2021-03.json"]
    for facts, out in zip((BEFORE, AFTER, later), paths, strict=True):
        save_result(facts, out)
    return paths


def trend_json(*paths: Path) -> list[dict[str, object]]:
    result = run("trend", *map(str, paths), "--format", "json")
    assert result.exit_code == 0, result.output
    document: list[dict[str, object]] = json.loads(result.stdout)
    return document


def test_gaps_opened_and_closed_between_assessments(results: list[Path]) -> None:
    (lep,) = trend_json(*reversed(results))  # the order given does not matter: dates do
    assert lep["dates"] == ["2020-03-31", "2020-09-30", "2021-03-31"]
    assert lep["gap_counts"] == [7, 8, 10]
    first, second = lep["steps"]  # type: ignore[misc]
    assert [(g["rule_id"], g["item"]) for g in first["closed"]] == [
        ("registers.board-members-published", JSMITH),
        ("registers.reviewed-yearly", JSMITH),
        ("whistleblowing.policy-published-and-reviewed", None),
    ]
    assert len(first["opened"]) == 4
    assert [(g["rule_id"], g["item"]) for g in second["closed"]] == [
        ("registers.board-members-published", KLEE),
        ("registers.reviewed-yearly", KLEE),
    ]


def test_how_long_each_closed_gap_stayed_open(results: list[Path]) -> None:
    (lep,) = trend_json(*results)
    episodes = {(e["rule_id"], e["item"]): e for e in lep["episodes"]}  # type: ignore[attr-defined]
    whistleblowing = episodes[("whistleblowing.policy-published-and-reviewed", None)]
    assert (whistleblowing["closed_on"], whistleblowing["days_open"]) == ("2020-09-30", 183)
    assert whistleblowing["open_at_first_assessment"] is True
    klee = episodes[("registers.board-members-published", KLEE)]
    assert (klee["opened_on"], klee["closed_on"], klee["days_open"]) == ("2020-09-30", "2021-03-31", 182)
    assert klee["open_at_first_assessment"] is False
    still = episodes[("registers.published-within-28-days", KLEE)]  # late, not fixed: still a gap
    assert (still["closed_on"], still["days_open"]) == (None, 182)


def test_gaps_by_topic_over_time(results: list[Path]) -> None:
    (lep,) = trend_json(*results)
    counts = {t["topic"]: t["counts"] for t in lep["gaps_by_topic"]}  # type: ignore[attr-defined]
    assert counts["registers-of-interest"] == [3, 3, 2]
    assert counts["whistleblowing-and-complaints"] == [2, 2, 3]
    assert counts["quorum"] == [0, 0, 0]


def test_the_text_table(results: list[Path]) -> None:
    text = run("trend", *map(str, results)).stdout
    assert text.startswith(
        "Riverside LEP (riverside-lep): 3 assessments, 2020-03-31 to 2021-03-31\n  Gaps: 7 -> 8 -> 10\n"
    )
    assert "  2020-09-30 -> 2021-03-31: 4 opened, 2 closed" in text
    assert re.search(
        r"182 days  registers.board-members-published \[K. Lee .*\]  \(opened 2020-09-30, closed 2021-03-31\)", text
    )
    assert re.search(r"Registers of interest +3 +3 +2\n", text)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_page_is_self_contained_with_a_chart(results: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "trend.html"
    assert run("trend", *map(str, results), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    tags = [tag for tag, _ in page.tags]
    assert "svg" in tags
    assert tags.count("polyline") == 6  # one line per topic
    assert not [tag for tag in tags if tag in ("script", "link", "img", "iframe")]
    urls = re.findall(r"https?://[^\"' <]+", html)
    assert set(urls) == {"http://www.w3.org/2000/svg"}  # the SVG namespace, never fetched
    assert "Registers of interest" in "".join(page.text)
    assert run("trend", *map(str, results), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == html  # same results, same bytes


def test_names_from_results_are_escaped_in_html(tmp_path: Path) -> None:
    facts = tmp_path / "odd.yaml"
    facts.write_text(
        BEFORE.read_text(encoding="utf-8").replace("name: Riverside LEP}", 'name: "<script>alert(1)</script> & Co"}')
    )
    save_result(facts, tmp_path / "odd.json")
    html = run("trend", str(tmp_path / "odd.json"), "--format", "html").stdout
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_two_results_for_one_lep_and_date_are_refused(results: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.json"
    copy.write_text(results[0].read_text(encoding="utf-8"))
    result = run("trend", str(results[0]), str(copy))
    assert result.exit_code == 2
    assert f"{copy}: assesses riverside-lep at 2020-03-31, as {results[0]} does" in result.stderr
