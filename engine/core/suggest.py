"""'Did you mean ...?': the nearest valid name for a misspelt one, within a budget of work per file.

Finding the nearest name compares it with every valid one, so a file of 50,000 misspelt
references to 5,000 people would cost 250 million comparisons: hours. While a file is read
(inside ``per_file``), each distinct name is looked up once among the same choices, and
the comparisons made are counted against ``BUDGET``; past it, no more are made, and the
messages say what is wrong without a suggestion. A name that differs from a valid one
only as it is written (case, invisible characters, look-alike letters) is still found, by
a look-up rather than comparisons. The count is of comparisons, never of time, so the
same file always gets the same messages.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from govcheck.engine.core.identity import identity

# Comparisons of a name with a valid name, per file: at most a second or two, and room for a
# suggestion for every misspelling of a real file (a few, among a few hundred ids).
BUDGET = 100_000


@dataclass
class _Budget:
    left: int
    # The suggesters of the small sets of choices named again and again (a model's keys, the subjects).
    suggesters: dict[tuple[str, ...], Suggester] = field(default_factory=dict)

    def take(self, comparisons: int) -> bool:
        if comparisons > self.left:
            return False
        self.left -= comparisons
        return True


_current: ContextVar[_Budget | None] = ContextVar("suggestion budget", default=None)


@contextmanager
def per_file(comparisons: int = BUDGET) -> Iterator[None]:
    """Suggestions made inside share one budget (the one already open, if any: a rule's example facts
    are part of the rule file)."""
    if _current.get() is not None:
        yield
        return
    token = _current.set(_Budget(comparisons))
    try:
        yield
    finally:
        _current.reset(token)


class Suggester:
    """The nearest of one set of choices, for any number of names: each distinct name is looked up once."""

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = tuple(choices)
        self._found: dict[str, str | None] = {}
        self._by_identity: dict[str, str] | None = None

    def nearest(self, name: str) -> str | None:
        """The choice closest to ``name``, if any is close enough to be what was meant."""
        if name not in self._found:
            self._found[name] = self._same_as_written(name)
            budget = _current.get()
            if self._found[name] is None and (budget is None or budget.take(len(self.choices))):
                self._found[name] = _closest(name, self.choices)
        return self._found[name]

    def did_you_mean(self, name: str) -> str:
        """A ``"; did you mean 'x'?"`` suffix, or an empty string when nothing is close."""
        match = self.nearest(name)
        return f"; did you mean {match!r}?" if match else ""

    def _same_as_written(self, name: str) -> str | None:
        if self._by_identity is None:
            self._by_identity = {}
            for choice in self.choices:
                self._by_identity.setdefault(identity(choice), choice)
        found = self._by_identity.get(identity(name))
        return found if found != name else None


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``name``, if any is close enough to be what was meant (and the budget allows)."""
    return _suggester(choices).nearest(name)


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A ``"; did you mean 'x'?"`` suffix, or an empty string when nothing is close."""
    return _suggester(choices).did_you_mean(name)


def _suggester(choices: Iterable[str]) -> Suggester:
    budget = _current.get()
    if budget is None:
        return Suggester(choices)
    options = tuple(choices)
    found = budget.suggesters.get(options)
    if found is None:
        found = budget.suggesters[options] = Suggester(options)
    return found


def _closest(name: str, choices: tuple[str, ...], cutoff: float = 0.6) -> str | None:
    """What ``difflib.get_close_matches(name, choices, n=1, cutoff)`` finds (the highest ratio, ties to the
    greater choice), skipping the full comparison wherever a quick upper bound cannot beat the best so far."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(name)
    best: str | None = None
    score = cutoff
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score:
            ratio = matcher.ratio()
            if ratio >= score and (best is None or (ratio, choice) > (score, best)):
                best, score = choice, ratio
    return best
