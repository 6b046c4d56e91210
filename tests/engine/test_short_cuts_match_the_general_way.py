"""Short cuts taken for speed give exactly what the general way gives: working days, line wrapping, reading YAML."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.reading import yamlsource
from govcheck.reports.text import WIDTH, _wrap

D = dt.date
CALENDAR = WorkingCalendar()  # one for every example: its year tables are what is under test
DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))


def is_working_day(day: D) -> bool:
    return day.weekday() < 5 and CALENDAR.bank_holiday(day) is None


@given(start=DATES, span=st.integers(min_value=-40, max_value=800))
def test_clear_working_days_counted_from_year_tables_match_a_count_day_by_day(start: D, span: int) -> None:
    end = start + dt.timedelta(days=span)
    by_day = sum(is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days))
    assert CALENDAR.clear_working_days_between(start, end) == by_day


@given(start=DATES, count=st.integers(min_value=-2, max_value=600))
def test_working_days_added_from_year_tables_match_stepping_day_by_day(start: D, count: int) -> None:
    day, remaining = start, count
    while remaining > 0:
        day += dt.timedelta(days=1)
        remaining -= is_working_day(day)
    assert CALENDAR.add_working_days(start, count) == day


WORDS = st.text(alphabet=st.sampled_from("abé-"), min_size=1, max_size=12) | st.integers(80, 120).map("x".__mul__)


def sentences(gaps: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # Long enough, mostly, to need two or three lines.
    parts = st.lists(st.tuples(WORDS, gaps), min_size=1, max_size=60)
    return parts.map(lambda pairs: "".join(word + gap for word, gap in pairs))


SENTENCES = sentences(st.sampled_from([" ", " ", " ", "  ", "   "])) | sentences(
    st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003"), min_size=1, max_size=3)
)


@settings(max_examples=400)
@given(
    # Words and plain spaces as reports have them, sometimes leading or trailing spaces, sometimes
    # tabs, line breaks and other spaces, which textwrap treats by rules of its own.
    text=st.one_of(SENTENCES.map(str.rstrip), SENTENCES, SENTENCES.map(lambda t: "  " + t)),
    indent=st.integers(min_value=0, max_value=12),
    hang=st.integers(min_value=0, max_value=14),
)
def test_text_is_wrapped_as_textwrap_wraps_it(text: str, indent: int, hang: int) -> None:
    expected = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    assert _wrap(text, indent, hang) == expected


KEYS = st.text(alphabet=st.sampled_from("abcdef_"), min_size=1, max_size=8)
SCALARS = st.one_of(
    # Text without control characters and line separators, which YAML itself folds or refuses.
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=20),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=30,
).filter(lambda document: isinstance(document, dict))


class Yaml12Dumper(yaml.SafeDumper):
    """PyYAML's writer, quoting text that YAML 1.2 (which govcheck reads) would take for a number.

    PyYAML writes YAML 1.1, where "0E0" or "0o7" is text, so it leaves them bare; read as
    YAML 1.2 they are numbers. A writer for govcheck's reader must quote them.
    """


Yaml12Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
Yaml12Dumper.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^0o[0-7]+$"), ["0"])


@given(document=DOCUMENTS, flow=st.booleans())
def test_reading_gives_the_values_written_and_where_each_key_and_value_stands(
    document: dict[str, object], flow: bool
) -> None:
    text = yaml.dump(document, Dumper=Yaml12Dumper, default_flow_style=flow, allow_unicode=True, width=10**6)
    value, source = yamlsource.parse(text, "doc.yaml")
    assert value == document
    lines = text.splitlines()

    def at(position: tuple[int, int]) -> str:
        line, column = position
        return lines[line - 1][column - 1 :]

    def walk(found: object, path: tuple[str | int, ...]) -> None:
        if path:
            assert path in source.values
        if isinstance(found, dict):
            for key, inner in found.items():
                assert at(source.keys[(*path, key)]).startswith(key)
                walk(inner, (*path, key))
        elif isinstance(found, list):
            for index, inner in enumerate(found):
                walk(inner, (*path, index))
        elif isinstance(found, int) and not isinstance(found, bool):
            assert at(source.values[path]).startswith(str(found))
        elif isinstance(found, str) and found:
            assert at(source.values[path]).startswith((found, "'", '"'))  # plain or quoted

    walk(value, ())
