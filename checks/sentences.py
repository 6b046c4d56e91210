"""The words check kinds use to say what they require (``govcheck rules show``, the rule docs).

Facts paths go through ``code`` so Markdown can set them as code while the terminal shows them plain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from govcheck.engine.core.wording import value_words

Code = Callable[[str], str]


def plain(text: str) -> str:
    return text


@dataclass(frozen=True)
class Sentence:
    """One statement of a check, with the statements it is made of (for all/any/not)."""

    text: str
    parts: tuple[Sentence, ...] = ()

    def lines(self, indent: str = "  ", bullet: str = "- ", depth: int = 0) -> list[str]:
        """The sentence and its parts as an indented list, the parts one level deeper."""
        found = [f"{indent * depth}{bullet if depth else ''}{self.text}"]
        for part in self.parts:
            found.extend(part.lines(indent, bullet, depth + 1))
        return found


def step(path: str, value: Any) -> str:
    """One value a check read, for ``govcheck explain``: the path, and the value as a reader writes it."""
    return f"{path}: {value_words(value)}"


def what_words(what: str | None) -> str:
    return f" ({what})" if what else ""


def local_words(local: str | None, code: Code) -> str:
    return f" (or the LEP's own stricter {code('local_commitments.' + local)})" if local else ""


def bounds_words(at_least: Any, at_most: Any, show: Callable[[Any], str]) -> str:
    parts = []
    if at_least is not None:
        parts.append(f"at least {show(at_least)}")
    if at_most is not None:
        parts.append(f"at most {show(at_most)}")
    return " and ".join(parts)


def fraction(value: Fraction) -> str:
    """A share as people write it: 1/2, 2/3, or a percentage when that is how it was given."""
    if value.denominator == 1:
        return f"{value.numerator * 100}%"
    if value.denominator in (2, 3, 4, 5, 6):
        return f"{value.numerator}/{value.denominator}"
    return f"{float(value):.0%}"
