"""Mutated facts files: every outcome is a valid assessment or located messages (exit 2), never a crash or a hang.

Valid facts (``tests/strategies.py``) are mutated the ways people and tools
break them: a key deleted, misspelt or duplicated, a value of the wrong type,
stray YAML punctuation, random bytes. Whatever comes out must either load and
assess (one finding per rule, none an error) or be refused with problems that
each name the file, a line and a column.

The work is bounded by the loader's limits, not by a clock: no test here times
anything. A generous alarm per example only turns a hang, should one ever
appear, into a failure instead of a stuck test run.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.cli.main import cli
from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.status import Status
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.packs.loading import load_pack
from govcheck.engine.reading.yamlsource import decode
from tests.support.strategies import facts_data

PACK = load_pack("naf-2019")
CALENDAR = WorkingCalendar()
NAME = "fuzzed.yaml"
HANG_GUARD_SECONDS = 30
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def hang_guard() -> Iterator[None]:
    """Fail an example that runs for HANG_GUARD_SECONDS (where the platform has alarms)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: Any) -> None:
        raise AssertionError(f"no outcome after {HANG_GUARD_SECONDS} s: the input hangs govcheck")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome(data: bytes | str) -> InputError | None:
    """Load and assess ``data``; the InputError if it is refused, None if it was assessed."""
    with hang_guard():
        try:
            text = decode(data, NAME) if isinstance(data, bytes) else data
            facts_file = parse_facts(text, NAME)
        except InputError as error:
            assert_located(error, text if isinstance(data, str) else data.decode("utf-8", "replace"))
            return error
        assessment = evaluate(PACK, facts_file, Context(None, CALENDAR))
    assert [f.rule_id for f in assessment.findings] == [r.id for r in PACK.rules]
    assert not [f.rule_id for f in assessment.findings if f.status is Status.ERROR]
    return None


def assert_located(error: InputError, text: str) -> None:
    assert error.problems
    last_line = len(text.splitlines()) + 1
    for problem in error.problems:
        assert problem.file == NAME
        assert problem.message.strip(), problem
        assert problem.line is not None, f"not located: {problem}"
        assert problem.column is not None, f"not located: {problem}"
        assert 1 <= problem.line <= last_line, problem
        assert problem.column >= 1, problem


class _WrittenByHand(yaml.SafeDumper):
    """Facts as people write them: a value used twice is written twice, never as an &anchor and *alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_WrittenByHand, sort_keys=False, allow_unicode=True, default_flow_style=False)


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and list index below ``value``, as a path from the top."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield (*prefix, key)
        yield from paths_in(child, (*prefix, key))


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


any_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    | st.sampled_from(["yes", "no", "on", "off", "20/06/2019", "June 2019", "2019-02-30", "0o17", "010", "~"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8,
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid facts document with one key deleted or misspelt, or one value replaced by any other."""
    data = copy.deepcopy(draw(facts_data()))
    path = draw(st.sampled_from(list(paths_in(data))))
    parent, last = parent_of(data, path), path[-1]
    operation = draw(st.sampled_from(["delete", "rename", "retype"]))
    if operation == "delete":
        del parent[last]
    elif operation == "rename" and isinstance(parent, dict):
        new = draw(st.text(min_size=1, max_size=20).filter(lambda key: key not in parent))
        parent[new] = parent.pop(last)
    else:
        parent[last] = draw(any_value)
    return dump(data)


@FUZZ
@given(mutated())
def test_a_deleted_renamed_or_retyped_fact_is_assessed_or_located(text: str) -> None:
    outcome(text)


@FUZZ
@given(facts_data(), st.data())
def test_a_duplicated_key_is_always_an_error(data: dict[str, Any], draw: st.DataObject) -> None:
    lines = dump(data).splitlines(keepends=True)
    # A `key: value` line (not the first line of a list item): the copy lands in the same mapping.
    candidates = [i for i, line in enumerate(lines) if re.match(r"^ *[a-z_]+: \S", line)]
    index = draw.draw(st.sampled_from(candidates))
    lines.insert(index + 1, lines[index])
    error = outcome("".join(lines))
    assert error is not None
    key = lines[index].strip().split(":")[0]
    assert any(p.line == index + 2 and f"duplicate key {key!r}" in p.message for p in error.problems), error


YAML_PIECES = ["[", "]", "{", "}", ": ", "- ", "\t", "&a ", "*a ", "*b", "!!python/name:os.system ", "!x ", "'", '"']
YAML_PIECES += ["#", "\n", "\n  ", "<<: *a", "? ", "|", ">", "%", "@", "`", "---\n", "\\", "\x00", "\u202e", "\ufeff"]


@FUZZ
@given(facts_data(), st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(YAML_PIECES)), min_size=1, max_size=6))
def test_stray_yaml_punctuation_is_assessed_or_located(data: dict[str, Any], pieces: list[tuple[int, str]]) -> None:
    text = dump(data)
    for position, piece in pieces:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    outcome(text)


@FUZZ
@given(facts_data(), st.integers(0, 10**6), st.binary(min_size=1, max_size=64))
def test_random_bytes_spliced_into_a_file_are_assessed_or_located(
    data: dict[str, Any], position: int, noise: bytes
) -> None:
    raw = dump(data).encode("utf-8")
    at = position % (len(raw) + 1)
    outcome(raw[:at] + noise + raw[at + len(noise) :])


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_assessed_or_located(data: bytes) -> None:
    outcome(data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | mutated().map(str.encode))
def test_the_command_exits_0_or_2_with_located_messages(tmp_path_factory: Any, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / NAME).write_bytes(data)
    with hang_guard():
        result = CliRunner().invoke(cli, ["validate", str(folder / NAME)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert re.match(rf"^error: {re.escape(str(folder / NAME))}:\d+:\d+: \S", line), line
    assert (folder / NAME).read_bytes() == data
