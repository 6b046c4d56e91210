"""Reading JSON within bounds: any JSON value is read back as it was, or refused at a line and column.

The cases that fit in a file are in ``tests/corpus/results/``; these need a file too large to
keep, a limit made small, or many values drawn at random.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.engine.core.errors import InputError
from govcheck.engine.reading import jsonsource
from govcheck.engine.reading.characters import UNSAFE
from govcheck.engine.reading.jsonsource import MAX_BYTES, MAX_STRING, parse_json, read_json
from tests.support.strategies import json_values

KIND, HINT = "a test document", "give a test document"
NAME = "doc.json"


def parse(text: str) -> Any:
    return parse_json(text, NAME, kind=KIND, hint=HINT)


def refusal(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse(text)
    (problem,) = caught.value.problems
    return str(problem)


def test_a_value_over_the_length_limit_is_refused_where_it_starts() -> None:
    text = '{\n  "ok": "fine",\n  "long": "' + "a" * (MAX_STRING + 1) + '"\n}'
    assert refusal(text) == (
        f"{NAME}:3:11: value is {MAX_STRING + 1:,} characters long; the limit is {MAX_STRING:,} (shorten it)"
    )
    assert parse('["' + "a" * MAX_STRING + '"]') == ["a" * MAX_STRING]


def test_a_long_value_written_with_escapes_counts_its_characters_not_its_escapes() -> None:
    assert parse('["' + "\\u0041" * MAX_STRING + '"]') == ["A" * MAX_STRING]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: no disk used, and never read
    with pytest.raises(InputError) as caught:
        read_json(path, kind=KIND, hint=HINT)
    assert str(caught.value) == f"{path}: is {MAX_BYTES + 1:,} bytes long; the limit is {MAX_BYTES:,}"


def test_too_many_values_are_refused_before_any_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonsource, "MAX_VALUES", 100)
    built: list[str] = []
    monkeypatch.setattr(jsonsource.json, "loads", lambda *args, **kwargs: built.append("built"))
    assert refusal("[" + ",".join(["[]"] * 100) + "]") == f"{NAME}: holds more than 100 values; refusing to read it"
    assert built == []


def test_values_are_counted_exactly_when_the_quick_bound_is_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonsource, "MAX_VALUES", 10)
    # Commas and colons inside strings, and empty lists, are not values: 1 list, 3 strings, 2 empty lists.
    assert parse('["a,b,c,d", "e:f:g:h", "[{,:", [], {}]') == ["a,b,c,d", "e:f:g:h", "[{,:", [], {}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 65 + "]" * 65, f"{NAME}:1:65: nests deeper than 64 levels"),
        ('{"a": ' * 70 + "1" + "}" * 70, f"{NAME}:1:385: nests deeper than 64 levels"),
        ("[\n  1,\n  " + "7" * 101 + "\n]", f"{NAME}:3:3: number is 101 characters long; the limit is 100"),
        ("[1.5, 2e" + "1" * 100 + "]", f"{NAME}:1:7: number is 102 characters long; the limit is 100"),
        ("[Infinity]", f"{NAME}:1:2: Infinity is not a JSON number (JSON has no NaN or infinity)"),
        ('{"\\u001b[2J": 1}', f"{NAME}:1:2: value contains the invisible character U+001B (ESCAPE) at character 1"),
        ('["ok", "\\r"]', f"{NAME}:1:8: value contains the invisible character U+000D (CARRIAGE RETURN)"),
        ('"\\udfff"', f"{NAME}:1:1: value contains U+DFFF at character 1, half of a surrogate pair standing alone"),
    ],
)
def test_what_is_refused_and_where(text: str, message: str) -> None:
    assert refusal(text).startswith(message)


def test_nesting_up_to_the_limit_is_read() -> None:
    assert parse("[" * 64 + "]" * 64) is not None


def test_tab_newline_and_surrogate_pairs_are_read() -> None:
    assert parse('["a\\tb\\nc", "\\ud83d\\ude00"]') == ["a\tb\nc", "\U0001f600"]


def count(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(1 + count(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(count(item) for item in value)
    return 1


def nested(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def within_bounds(value: Any, depth: int = 1) -> bool:
    if isinstance(value, dict):
        return depth <= 64 and all(within_bounds(k) and within_bounds(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return depth <= 64 and all(within_bounds(item, depth + 1) for item in value)
    if isinstance(value, str):
        return not UNSAFE.search(value)
    if isinstance(value, float):
        return math.isfinite(value) and len(repr(value)) <= 100
    if isinstance(value, int) and not isinstance(value, bool):
        return len(str(value)) <= 100
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values, st.integers(0, 70), st.booleans())
def test_any_json_value_is_read_as_written_or_refused_at_a_line_and_column(
    value: Any, depth: int, ascii_only: bool
) -> None:
    value = nested(value, depth)
    text = json.dumps(value, ensure_ascii=ascii_only, indent=1 if depth < 10 else None)
    try:
        read = parse(text)
    except InputError as error:
        assert not within_bounds(value)
        (problem,) = error.problems
        assert problem.line is not None
        assert problem.column is not None
        assert re.match(r"(value|number|nests|-?\w+ is not a JSON number)", problem.message), problem.message
    else:
        assert within_bounds(value)
        assert json.dumps(read, sort_keys=True) == json.dumps(value, sort_keys=True)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_the_exact_count_of_values_is_exact(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert jsonsource._most_values(text) >= count(value)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsonsource, "MAX_VALUES", 0)  # past the quick bound: counted exactly
        assert jsonsource._most_values(text) == count(value)


def test_what_is_not_a_file_of_text_is_refused_unread(tmp_path: Path) -> None:
    def refused(path: Path) -> str:
        with pytest.raises(InputError) as caught:
            read_json(path, kind=KIND, hint=HINT)
        return str(caught.value)

    assert refused(tmp_path) == f"{tmp_path}: is a directory, not {KIND} ({HINT})"
    assert refused(tmp_path / "nope.json") == f"{tmp_path / 'nope.json'}: does not exist"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")  # reading it would wait for a writer for ever
        assert refused(tmp_path / "pipe.json") == f"{tmp_path / 'pipe.json'}: is not a regular file ({HINT})"
    (tmp_path / "utf16.json").write_bytes("[]".encode("utf-16"))
    assert refused(tmp_path / "utf16.json").endswith(
        "utf16.json:1:1: is UTF-16 text, not UTF-8 (save the file as UTF-8)"
    )
