"""A rule's check tree in plain English, for ``govcheck rules show`` and the generated rule catalogue.

Pure: a check node in, sentences out. Facts paths are passed through ``code`` so
Markdown can set them as code while the terminal shows them plain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from govcheck.checks import REGISTRY
from govcheck.checks.attestation import AttestedParams
from govcheck.checks.coverage import CoversParams
from govcheck.checks.dates import DeadlineParams, KeptCurrentParams, RecentParams, Span
from govcheck.checks.periods import AnnualDeadlineParams, DateReachedParams, LatestParams, YearlyParams
from govcheck.checks.presence import IsOneOfParams, IsTrueParams, PresentParams, PublishedParams
from govcheck.checks.quorum import QuorateParams
from govcheck.checks.thresholds import CountParams, ShareParams
from govcheck.checks.where import Where
from govcheck.engine.core.status import Status
from govcheck.engine.facts.subjects import SUBJECTS
from govcheck.engine.facts.views import VIEWS
from govcheck.engine.packs.checktree import CheckNode

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


def sentence_case(text: str) -> str:
    """A capital for a sentence that starts with a word ("For each ..."), never for one that starts with a path."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text


def describe(node: CheckNode, code: Code = plain) -> Sentence:
    """What must hold for ``node`` to be met, in words."""
    inner = _combinator(node, code) if node.kind in ("all", "any", "not") else _kind(node, code)
    if node.each is None:
        return inner
    view = VIEWS[node.each]
    scope = f"for each of the {view.name.replace('_', ' ')} — {view.description}"
    if node.where is not None:
        scope += f" — where {_where(node.where, code)}"
    if node.when_empty is not Status.MISSING_EVIDENCE:
        scope += f" (if there are none, the rule is {node.when_empty.value.replace('_', ' ')})"
    return Sentence(f"{scope}: {inner.text}", inner.parts)


def _combinator(node: CheckNode, code: Code) -> Sentence:
    heads = {"all": "all of:", "any": "at least one of:", "not": "not:"}
    return Sentence(heads[node.kind], tuple(describe(child, code) for child in node.children))


def _kind(node: CheckNode, code: Code) -> Sentence:
    describer = DESCRIBERS.get(node.kind)
    if describer is None or node.params is None:
        return Sentence(_fallback(node, code))
    said = describer(node.params, code)
    return said if isinstance(said, Sentence) else Sentence(said)


def _fallback(node: CheckNode, code: Code) -> str:
    """A kind without its own sentence: its one-line summary and its parameters as written."""
    summary = REGISTRY[node.kind].summary if node.kind in REGISTRY else node.kind
    params = node.params.model_dump(by_alias=True, exclude_none=True) if node.params is not None else {}
    shown = ", ".join(f"{key} = {value}" for key, value in params.items())
    return f"{node.kind}: {summary}" + (f" ({shown})" if shown else "")


def _what(what: str | None) -> str:
    return f" ({what})" if what else ""


def _local(local: str | None, code: Code) -> str:
    return f" (or the LEP's own stricter {code('local_commitments.' + local)})" if local else ""


def _span(span: Span) -> str:
    return span.words()


def _where(where: Where, code: Code) -> str:
    return " and ".join(f"{code(path)} {condition.describe()}" for path, condition in where.root.items())


def fraction(value: Fraction) -> str:
    """A share as people write it: 1/2, 2/3, or a percentage when that is how it was given."""
    if value.denominator == 1:
        return f"{value.numerator * 100}%"
    if value.denominator in (2, 3, 4, 5, 6):
        return f"{value.numerator}/{value.denominator}"
    return f"{float(value):.0%}"


def _present(params: PresentParams, code: Code) -> str:
    return f"{code(params.path)} is recorded{_what(params.what)}"


def _is_true(params: IsTrueParams, code: Code) -> str:
    return f"{code(params.path)} is yes{_what(params.what)}"


def _is_one_of(params: IsOneOfParams, code: Code) -> str:
    return f"{code(params.path)} is one of {', '.join(map(str, params.values))}{_what(params.what)}"


def _deadline(params: DeadlineParams, code: Code) -> str:
    local = _local(params.local, code)
    if params.within is not None:
        return f"{code(params.to)} is within {_span(params.within)} after {code(params.from_)}{local}"
    assert params.at_least is not None
    return f"{code(params.from_)} is at least {_span(params.at_least)} before {code(params.to)}{local}"


def _recent(params: RecentParams, code: Code) -> str:
    return (
        f"{code(params.path)} is no more than {_span(params.within)} before the assessment date"
        f"{_local(params.local, code)}{_what(params.what)}"
    )


def _kept_current(params: KeptCurrentParams, code: Code) -> str:
    published = ", published (a url or published_on)" if params.must_be_published else ""
    return (
        f"{code(params.path)} is in place{published}, and adopted or reviewed no more than "
        f"{_span(params.review_within)} before the assessment date{_local(params.local, code)}"
    )


def _bounds(at_least: Any, at_most: Any, show: Callable[[Any], str]) -> str:
    parts = []
    if at_least is not None:
        parts.append(f"at least {show(at_least)}")
    if at_most is not None:
        parts.append(f"at most {show(at_most)}")
    return " and ".join(parts)


def _count(params: CountParams, code: Code) -> str:
    where = f" where {_where(params.where, code)}" if params.where is not None else ""
    return f"the number of {params.of.replace('_', ' ')}{where} is {_bounds(params.at_least, params.at_most, str)}"


def _share(params: ShareParams, code: Code) -> str:
    return (
        f"for {_bounds(params.at_least, params.at_most, fraction)} of the {params.of.replace('_', ' ')}, "
        f"{_where(params.where, code)}{_what(params.what)}"
    )


def _covers(params: CoversParams, code: Code) -> Sentence:
    subjects = tuple(Sentence(f"{code(subject)}: {SUBJECTS[subject]}") for subject in params.subjects)
    return Sentence(f"{code(params.path)} names the section that covers each of these subjects:", subjects)


def _quorate(params: QuorateParams, code: Code) -> str:
    text = "the meeting had its body's quorum of voting members present (the body's own quorum rule)"
    if params.after_withdrawals:
        text += ", and kept it for every item after members who declared an interest withdrew"
    return text


def _published(params: PublishedParams, code: Code) -> str:
    return f"{code(params.path)} is in place and published (a url or published_on){_what(params.what)}"


def _attested(params: AttestedParams, code: Code) -> str:
    age = f", made no more than {_span(params.max_age)} before the assessment date" if params.max_age else ""
    return (
        f"a recorded judgement on {code(params.subject)} says it is met, still valid at the assessment date{age} "
        "(absent or expired: missing evidence)"
    )


def _yearly(params: YearlyParams, code: Code) -> str:
    when = "start" if params.due_after == "start" else "end"
    return (
        f"for the latest financial year whose record is due, {code(params.path)} has an entry with "
        f"{code(params.on)} within {_span(params.within)} of the year's {when}{_what(params.what)}"
    )


def _annual_deadline(params: AnnualDeadlineParams, code: Code) -> str:
    return (
        f"each year's entry of {code(params.path)} has {code(params.on)} on or before "
        f"{params.day} {dt.date(2001, params.month, 1):%B}{_what(params.what)}"
    )


def _latest(params: LatestParams, code: Code) -> str:
    where = f" where {_where(params.where, code)}" if params.where is not None else ""
    return (
        f"the latest {code(params.date)} of the {params.of.replace('_', ' ')}{where} is no more than "
        f"{_span(params.within)} before the assessment date{_local(params.local, code)}{_what(params.what)}"
    )


def _date_reached(params: DateReachedParams, code: Code) -> str:
    return f"the assessment date is on or after {params.date:%-d %B %Y}{_what(params.what)}"


# One sentence-maker per check kind; a kind missing here falls back to its summary (a test says which).
DESCRIBERS: dict[str, Callable[[Any, Code], str | Sentence]] = {
    "present": _present,
    "is_true": _is_true,
    "is_one_of": _is_one_of,
    "deadline": _deadline,
    "recent": _recent,
    "kept_current": _kept_current,
    "count": _count,
    "share": _share,
    "covers": _covers,
    "quorate": _quorate,
    "published": _published,
    "attested": _attested,
    "yearly": _yearly,
    "annual_deadline": _annual_deadline,
    "latest": _latest,
    "date_reached": _date_reached,
}
