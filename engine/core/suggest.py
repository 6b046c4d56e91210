"""'Did you mean ...?': the nearest valid name for a misspelt one."""

import difflib
from collections.abc import Iterable


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``name``, if any is close enough to be what was meant."""
    matches = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A ``"; did you mean 'x'?"`` suffix, or an empty string when nothing is close."""
    match = nearest(name, choices)
    return f"; did you mean {match!r}?" if match else ""
