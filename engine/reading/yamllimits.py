"""The bounds on what one YAML file may hold, checked on its event stream before anything is built.

Hostile or broken input must be refused quickly and in little memory, so these
checks run on PyYAML's event stream, which is flat: nothing nested is built, no
alias is expanded, and the parser keeps its own explicit stack. Only a stream
that passes is composed into nodes (the composer recurses, and a few tens of
thousands of nested brackets would overflow the C stack).

What is refused, and why:

- nesting deeper than ``MAX_DEPTH`` (no facts file needs more than a dozen levels);
- more than ``MAX_VALUES`` values once every alias (``*name``) and merge
  (``<<: *name``) is counted as the copy it stands for: the "billion laughs"
  attack is a few lines that expand into billions of values;
- an alias used inside the value it names (it would expand forever);
- a value longer than ``MAX_STRING`` characters;
- a tag other than YAML's plain types: ``!!python/object`` and friends never
  construct anything, and ``!!binary``, ``!!set`` or a local ``!tag`` would
  read as something the schema does not expect;
- control characters and bidirectional-override characters in values: they
  are invisible in an editor yet rewrite a terminal or reorder what a report
  shows ("Trojan Source"), and no governance fact needs them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.reading.characters import CONTROL, refusal

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_VALUES = 200_000
MAX_DEPTH = 64
MAX_STRING = 100_000

# Tags that only say what YAML would have inferred anyway; `!` is the non-specific tag of a quoted value.
PLAIN_TAGS = frozenset(
    {"!"} | {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
)

# An anchor (&name), an alias (*name) or a tag (!name, !!name): at the start of a value, and named.
_MARKUP = re.compile(r"(?:^|[\s\[{,])[&*!][^\s,\[\]{}]", re.MULTILINE)


class Unusual(Exception):
    """Raised by a quick reading that met what only the event-stream check can judge."""


def checkable_while_composing(text: str) -> bool:
    """Whether ``text`` can be composed straight away, its depth and size counted as it is composed.

    A file with no anchor, alias or tag, no control character and no backslash (an
    escape in double quotes can write one) can break no bound but depth, number of
    values and length of a value; the composer calls back for each node it builds,
    so those can be counted on the way (``Counted``).
    Everything else is checked on the event stream first (``check``), which is what
    most files need not pay for: it parses the file a second time.
    """
    if len(text) > MAX_FILE_BYTES or "\\" in text or CONTROL.search(text):
        return False
    # Most files have no & * or ! at all, which is quicker to see than where each one stands.
    return not any(mark in text for mark in "&*!") or not _MARKUP.search(text)


class Counted:
    """Callbacks for a loader that refuse, as the composer builds them, more levels or values than allowed.

    The composer calls ``descend_resolver`` before each node it builds (aliases aside, and a
    file composed this way has none) and ``ascend_resolver`` after it. Going over a bound
    raises ``Unusual``, and the careful reading then says where and why.
    """

    depth = 0
    values = 0

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        self.depth += 1
        self.values += 1
        if self.depth > MAX_DEPTH or self.values > MAX_VALUES:
            raise Unusual

    def ascend_resolver(self) -> None:
        self.depth -= 1


def check(text: str, file: str, loader: type[Any]) -> None:
    """Raise an InputError if the YAML in ``text`` breaks a bound; PyYAML's own syntax errors pass through."""
    if len(text) > MAX_FILE_BYTES:
        raise InputError.single(file, f"is {len(text):,} characters long; the limit is {MAX_FILE_BYTES:,}", 1, 1)
    total = 0  # values so far, every alias counted as the copy it stands for
    open_: list[tuple[str | None, int]] = []  # each open collection's anchor and the total when it opened
    sizes: dict[str, int] = {}  # how many values each finished anchor stands for
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.ScalarEvent):
            total += 1
            _check_tag(event, file)
            _check_scalar(event, file)
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            total += 1
            _check_tag(event, file)
            open_.append((event.anchor, total - 1))
            if len(open_) > MAX_DEPTH:
                raise _refuse(event, file, f"nests deeper than {MAX_DEPTH} levels", "flatten the structure")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, before = open_.pop()
            if anchor is not None:
                sizes[anchor] = total - before
        elif isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in open_):
                raise _refuse(event, file, f"*{event.anchor} is used inside the value it names, so it never ends")
            total += sizes.get(event.anchor or "", 0)  # an undefined alias is the composer's error to report
        else:
            continue
        if total > MAX_VALUES:
            raise _refuse(
                event,
                file,
                f"holds more than {MAX_VALUES:,} values (counting each *alias as the copy it stands for); "
                "refusing to read it",
                "split the file, or use fewer aliases",
            )


def _check_tag(event: yaml.ScalarEvent | yaml.CollectionStartEvent, file: str) -> None:
    if event.tag is not None and event.tag not in PLAIN_TAGS:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise _refuse(event, file, f"unsupported tag {tag}", "remove the tag; govcheck reads plain data only")


def _check_scalar(event: yaml.ScalarEvent, file: str) -> None:
    value = event.value
    if len(value) > MAX_STRING:
        raise _refuse(event, file, f"value is {len(value):,} characters long; the limit is {MAX_STRING:,}")
    refused = refusal(value)
    if refused is not None:
        raise _refuse(event, file, *refused)


def _refuse(event: yaml.Event, file: str, message: str, hint: str | None = None) -> InputError:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return InputError([Problem(file, message, line, column, hint)])
