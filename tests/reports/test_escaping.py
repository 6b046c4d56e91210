"""Values from facts files are inert in every report format: shown as written, never run or rendered as markup.

A facts file may come from anyone who can open a pull request. Its names and
notes end up in Markdown pasted into wikis, HTML opened in a browser, CSV
opened in a spreadsheet, JSON read by other programs. Every registered
renderer is checked with one hostile facts file, by parsing its output the way
its readers do (a CommonMark parser for Markdown, an HTML parser, a CSV reader,
an XML parser, a JSON parser), so the check does not trust the renderer's own
escaping code. A renderer registered later is checked too: by its format's own
check where one is written below, else by the generic one.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.packs.loading import load_pack
from govcheck.reports import RENDERERS, RenderOptions

SCRIPT = "<script>alert('gc-xss')</script>"
HOSTILE = {
    "script": SCRIPT,
    "links": "[click](javascript:alert(1)) ![img](http://evil.example/x.png) <img src=x onerror=alert(1)>",
    "table": "a | b || c",
    "formula": "=cmd|' /C calc'!A0",
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "newlines": "Line one\n\n## Injected heading\n| a | b |\n|---|---|\nNOT MET high fake.rule",
    "markup": "**bold** _it_ `code` <b>b</b> &amp; &lt;i&gt; # heading \\ backslash",
    "long": "L" * 3000 + " the end",
    "unicode": "Zoë Ångström-Ólafsdóttir 李小龍 مرحبا",
}
PACK = load_pack("naf-2019")
# File names are chosen by whoever adds the file, so they are hostile too.
FILE_NAME = "frameworks/x`<img src=x onerror=alert(2)>`` | y.yaml"

# Formats whose output is not checked here, each with the reason. Keep it empty where possible.
SKIPPED: dict[str, str] = {}


def hostile_assessment() -> Assessment:
    """A LEP whose every name is hostile, with gaps that list each person by name."""
    people = "".join(
        f"  - id: p{i}\n    name: {json.dumps(value)}\n    roles: [{{body: board, appointed_on: 2019-05-01}}]\n"
        for i, value in enumerate(HOSTILE.values())
    )
    text = (
        textwrap.dedent(f"""\
        format_version: 2
        as_of: 2020-03-31
        organisation: {{id: hostile-lep, name: {json.dumps(HOSTILE["script"] + " " + HOSTILE["newlines"])}}}
        bodies:
          - id: board
            name: {json.dumps(HOSTILE["formula"])}
            kind: board
        policies:
          whistleblowing:
            is_in_place: true
            reviewed_on: 2016-01-01
            evidence: {{document: {json.dumps(HOSTILE["at"])}, section: {json.dumps(HOSTILE["links"])}}}
        meetings:
          - {{id: m1, body: board, held_on: 2019-06-20}}
        people:
        """)
        + people
    )
    facts_file = parse_facts(text, FILE_NAME)
    return evaluate(PACK, facts_file, Context(None, WorkingCalendar()))


def flat(text: str) -> str:
    return " ".join(text.split())


def shown_values() -> list[str]:
    """The values as a reader should see them: whitespace may be folded, nothing else changed."""
    return [flat(value) for value in HOSTILE.values()]


class _Html(HTMLParser):
    """Every element and attribute of an HTML document, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.inside: list[str] = []
        self.scripts: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self.inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.inside:
            del self.inside[len(self.inside) - 1 - self.inside[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if "script" in self.inside:
            self.scripts.append(data)
        elif any(re.fullmatch(r"h[1-6]", tag) for tag in self.inside):
            self.headings.append(data)
        self.text.append(data)


def assert_inert_html(html: str, require_values: bool = True) -> None:
    parsed = _Html()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("img",) or "evil" not in attrs.get("src", ""), (tag, attrs)
        assert "onerror" not in attrs, (tag, attrs)
        for value in attrs.values():
            assert not value.strip().lower().startswith("javascript:"), (tag, attrs)
    assert not any("gc-xss" in script for script in parsed.scripts)
    assert not any(heading.strip() == "Injected heading" for heading in parsed.headings)
    if not require_values:
        return
    text = flat(" ".join(parsed.text))
    for value in shown_values():
        assert value in text, value[:60]


def check_markdown(output: str, require_values: bool = True) -> None:
    html = MarkdownIt("commonmark").enable("table").render(output)
    assert_inert_html(html, require_values)
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
        assert len(widths) == 1, f"a value broke a table's columns: {table[:300]}"


def check_text(output: str, require_values: bool = True) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", output)
    lines = [line.strip() for line in output.splitlines()]
    for injected in ("## Injected heading", "| a | b |", "NOT MET high fake.rule"):
        assert not any(line.startswith(injected) for line in lines), f"a value's line break started a line: {injected}"
    if not require_values:
        return
    text = flat(output)
    for value in shown_values():
        assert value in text, value[:60]


def strings_in(document: Any) -> list[str]:
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [s for key, value in document.items() for s in (*strings_in(key), *strings_in(value))]
    if isinstance(document, list):
        return [s for value in document for s in strings_in(value)]
    return []


def check_json(output: str) -> None:
    found = strings_in(json.loads(output))
    for value in HOSTILE.values():
        assert any(value in s for s in found), f"not kept exactly: {value[:60]!r}"


def check_csv(output: str, require_values: bool = True) -> None:
    cells = [cell for row in csv.reader(io.StringIO(output)) for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), f"a spreadsheet would run {cell[:60]!r}"
    if not require_values:
        return
    text = flat(" ".join(cell.removeprefix("'") for cell in cells))
    for value in shown_values():
        assert value in text, value[:60]


def check_xml(output: str) -> None:
    root = ET.fromstring(output)  # well-formed: no value broke out of its element or attribute
    texts = [t for element in root.iter() for t in (element.text, element.tail, *element.attrib.values()) if t]
    text = flat(" ".join(texts))
    for value in shown_values():
        assert value in text, value[:60]


def check_generic(output: str) -> None:
    """For a format without a check of its own: no value's markup or formula survives raw."""
    assert SCRIPT not in output
    assert "](javascript:" not in output
    assert not any(line.lstrip().startswith(("=cmd", "## Injected")) for line in output.splitlines())


CHECKS: dict[str, Callable[[str], None]] = {
    "text": check_text,
    "concise": check_text,  # plain text as well: values as written, one line each
    "markdown": check_markdown,
    "json": check_json,
    "sarif": check_json,
    "html": assert_inert_html,
    "csv": check_csv,
    "junit": check_xml,
    # The matrix and the improvement plan come in the same families of format.
    # The matrix names LEPs and rules, not the people behind each gap: values need only be inert.
    "matrix": lambda output: check_text(output, require_values=False),
    "matrix-markdown": lambda output: check_markdown(output, require_values=False),
    "matrix-html": lambda output: assert_inert_html(output, require_values=False),
    "matrix-csv": lambda output: check_csv(output, require_values=False),
    # The plan's KPIs name only the first few items short of each requirement: values need only be inert.
    "plan": lambda output: check_markdown(output, require_values=False),
    "plan-html": lambda output: assert_inert_html(output, require_values=False),
    "plan-csv": lambda output: check_csv(output, require_values=False),
}


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return hostile_assessment()


def test_the_hostile_values_reach_the_reports(assessment: Assessment) -> None:
    labels = {item.label for finding in assessment.findings for item, _ in finding.failing_items}
    for value in HOSTILE.values():
        assert any(value in label for label in labels), value[:60]


@pytest.mark.parametrize("format_name", sorted(RENDERERS))
def test_values_are_inert_in_every_format(format_name: str, assessment: Assessment) -> None:
    if format_name in SKIPPED:
        pytest.skip(SKIPPED[format_name])
    output = RENDERERS[format_name].render([assessment], RenderOptions())
    CHECKS.get(format_name, check_generic)(output)


@pytest.mark.parametrize(
    "escape",
    ["\\e", "\\a", "\\b", "\\r", "\\x7f", "\\x85", "\\x9b", "\\u202e", "\\u202d", "\\u2066", "\\u2069", "\\0"],
)
def test_invisible_characters_never_reach_a_report(escape: str) -> None:
    """Terminal escapes and bidirectional overrides are refused when the facts are read, with their place."""
    text = f'format_version: 2\nas_of: 2020-03-31\norganisation: {{id: x-lep, name: "Evil{escape}LEP"}}\n'
    with pytest.raises(InputError) as caught:
        parse_facts(text, "hostile.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 33)
    assert "invisible character U+" in problem.message
    assert "at character 5" in problem.message
