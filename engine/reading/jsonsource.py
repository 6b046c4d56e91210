"""Reading JSON govcheck wrote earlier (saved results) as warily as YAML: bounded, and every refusal located.

A saved result is input like any other: it may have been edited, damaged or made up.
Python's json module alone meets such input with a traceback (a RecursionError on
arrays nested a thousand deep, a ValueError on an integer of more than 4,300 digits)
or lets through what no result holds (NaN, control characters, lone surrogates).

The bounds, and why:

- ``MAX_BYTES``: the file is refused unread beyond it. A result grows with the LEPs it
  holds (a few hundred kilobytes to a few megabytes each), so this is far above the
  facts file's limit;
- ``MAX_VALUES`` values (every key, value, list and object): counted on the text before
  anything is built, so a file of ``[[],[],...]`` cannot take gigabytes of memory;
- ``MAX_DEPTH`` levels of nesting, as for YAML (a result nests six deep);
- ``MAX_STRING`` characters in one value (a reason may quote a whole facts value);
- ``MAX_NUMBER`` characters in one number (a result holds counts and line numbers);
- no NaN or Infinity (they are not JSON), no control or bidirectional-override
  character and no lone surrogate (``engine/reading/characters.py``).

The quick way (``json.loads``, then one pass over what it built) is taken first; when it
meets anything unusual, a careful reading of the text finds the first problem and its
line and column, as the careful reading of YAML does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from govcheck.engine.core.errors import InputError
from govcheck.engine.reading.characters import UNSAFE, refusal
from govcheck.engine.reading.files import read_bounded
from govcheck.engine.reading.yamllimits import MAX_DEPTH
from govcheck.engine.reading.yamlsource import decode

MAX_BYTES = 256 * 1024 * 1024
MAX_VALUES = 10_000_000
MAX_STRING = 1_000_000
MAX_NUMBER = 100

_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
# A string, a bracket, or a number or word; the commas, colons and spaces between are passed over.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]|[^\s\[\]{},:"]++', re.DOTALL)
_PLAIN = 1_000  # a string this short, with no escape and nothing unsafe, needs no closer look
_EMPTY = re.compile(r"[\[{][ \t\n\r]*[\]}]")


class _Unusual(Exception):
    """Raised by the quick reading at what only the careful reading can judge and place."""


def read_json(path: Path, *, kind: str, hint: str) -> Any:
    """The JSON value in the file at ``path``, or an InputError saying where and why it cannot be used.

    ``kind`` names what the file should be ("a govcheck result"), ``hint`` what to give instead.
    """
    name = str(path)
    data = read_bounded(path, MAX_BYTES, what=kind, hint=hint, directory_hint=hint)
    return parse_json(decode(data, name), name, kind=kind, hint=hint)


def parse_json(text: str, file: str, *, kind: str, hint: str) -> Any:
    """The JSON value in ``text``, read from ``file``, within the bounds above."""
    if len(text) > MAX_BYTES:
        raise InputError.single(file, f"is {len(text):,} characters long; the limit is {MAX_BYTES:,}")
    if _most_values(text) > MAX_VALUES:
        raise InputError.single(file, f"holds more than {MAX_VALUES:,} values; refusing to read it")
    try:
        data = json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
        if not _within_bounds(data):
            raise _Unusual
    except json.JSONDecodeError as error:
        raise InputError.single(
            file, f"is not {kind}: not JSON ({error.msg})", error.lineno, error.colno, hint
        ) from None
    except (_Unusual, RecursionError):
        raise _careful(text, file, kind, hint) from None
    return data


def _most_values(text: str) -> int:
    """How many values ``text`` holds at most, without building any of them.

    Every value but the first follows one of ``[ { , :``, so their count bounds the number
    of values; only when that bound is over the limit are the characters inside strings,
    and the empty lists and objects, left out to count exactly.
    """
    bound = 1 + sum(text.count(mark) for mark in "[{,:")
    if bound <= MAX_VALUES:
        return bound
    bare = _STRING.sub('""', text)
    return 1 + sum(bare.count(mark) for mark in "[{,:") - _EMPTY.subn("", bare)[1]


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER:
        raise _Unusual
    return int(text)


def _real(text: str) -> float:
    if len(text) > MAX_NUMBER:
        raise _Unusual
    return float(text)


def _constant(text: str) -> Any:
    raise _Unusual  # NaN, Infinity, -Infinity: Python's json reads them, but they are not JSON


def _within_bounds(data: Any) -> bool:
    """Whether what ``json.loads`` built nests within bounds and holds no string too long or unsafe."""
    strings: list[str] = []
    if type(data) is str:
        strings.append(data)
    stack: list[tuple[Any, int]] = [(data, 1)] if type(data) in (dict, list) else []
    while stack:
        value, depth = stack.pop()
        if type(value) is dict:
            strings.extend(value)
            items = value.values()
        else:
            items = value
        for item in items:
            kind = type(item)
            if kind is str:
                strings.append(item)
            elif kind is dict or kind is list:
                if depth >= MAX_DEPTH:
                    return False
                if item:  # an empty one holds nothing to look at
                    stack.append((item, depth + 1))
    if max(map(len, strings), default=0) > MAX_STRING:
        return False
    return not UNSAFE.search("".join(strings))


def _careful(text: str, file: str, kind: str, hint: str) -> InputError:
    """The first problem in ``text``, located: a token at a time, the nesting counted on the way."""
    depth = 0
    for found in _TOKEN.finditer(text):
        token = found.group()
        mark = token[0]
        problem: tuple[str, str | None] | None = None
        if mark == '"':
            if len(token) > _PLAIN or "\\" in token or UNSAFE.search(token):
                problem = _string_problem(token)
        elif mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                problem = f"nests deeper than {MAX_DEPTH} levels", "no govcheck result nests so deep"
        elif mark in "]}":
            depth -= 1
        elif len(token) > MAX_NUMBER:
            problem = f"number is {len(token):,} characters long; the limit is {MAX_NUMBER}", None
        elif token in ("NaN", "Infinity", "-Infinity"):
            problem = f"{token} is not a JSON number", "JSON has no NaN or infinity"
        if problem is not None:
            position = found.start()
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
            return InputError.single(file, problem[0], line, column, problem[1])
    # Nothing out of bounds before the text stops being JSON: say where it stops.
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return InputError.single(file, f"is not {kind}: not JSON ({error.msg})", error.lineno, error.colno, hint)
    except RecursionError:  # pragma: no cover - the nesting was refused above
        pass
    return InputError.single(file, "cannot be read as JSON")  # pragma: no cover - every case is placed above


def _string_problem(token: str) -> tuple[str, str] | None:
    try:
        value = json.loads(token)
    except json.JSONDecodeError:
        return None  # a bad escape: the syntax error is reported where the text stops being JSON
    if len(value) > MAX_STRING:
        return f"value is {len(value):,} characters long; the limit is {MAX_STRING:,}", "shorten it"
    return refusal(value)


__all__ = ["MAX_BYTES", "MAX_NUMBER", "MAX_STRING", "MAX_VALUES", "parse_json", "read_json"]
