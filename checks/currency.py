"""Check kinds about currency: a document kept under review, a date recent enough at the assessment date."""

from __future__ import annotations

from typing import Annotated, Any

from govcheck.checks.base import CheckContext, DatePath, Params, PathSpec, check_kind
from govcheck.checks.dates import LocalCommitment, Span, later_by, strictest, words_of
from govcheck.checks.sentences import Code, local_words, step, what_words
from govcheck.checks.when import NotFound, When, on_or_before, when
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.model import Document


class KeptCurrentParams(Params):
    path: Annotated[str, PathSpec(Document)]
    review_within: Span
    must_be_published: bool = True
    local: LocalCommitment = None
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        published = ", published (a url or published_on)" if self.must_be_published else ""
        return (
            f"{code(self.path)} is in place{published}, and adopted or reviewed no more than "
            f"{self.review_within.words()} before the assessment date{local_words(self.local, code)}"
        )


@check_kind("kept_current")
def kept_current(value: Any, params: KeptCurrentParams, ctx: CheckContext) -> Outcome:
    """A document is in place, published, and adopted or reviewed within a span of the assessment date."""
    parts = paths.split(params.path)
    document: Document | None = paths.read(value, parts)
    what = params.what or words_of(params.path)
    facts = (ctx.path(parts),)
    publication = (ctx.path((*parts, "url")), ctx.path((*parts, "published_on")))
    review = (ctx.path((*parts, "reviewed_on")),)
    if document is None:
        return missing(
            f"no {what} recorded", facts=facts, needed=(*(publication if params.must_be_published else ()), *review)
        )
    if document.is_in_place is False:
        return not_met(f"there is no {what}", facts=(ctx.path((*parts, "is_in_place")),))
    if document.partly:
        return not_met(f"the {what} is in place only in part: {document.partly}", facts=(ctx.path((*parts, "partly")),))
    published = when(document.published_on)
    if params.must_be_published:
        if isinstance(published, NotFound) and document.url is None:
            return not_met(f"the {what} is not published", facts=(ctx.path((*parts, "published_on")),))
        if published is None and document.url is None:
            return missing(
                f"no record of where or when the {what} was published", facts=facts, needed=(*publication, *review)
            )
    if isinstance(published, When) and on_or_before(published, ctx.as_of) is False:
        return not_met(
            f"{what} published {published.words}, after the assessment date",
            facts=(ctx.path((*parts, "published_on")),),
        )
    amount, local_note = strictest(ctx, params.review_within, params.local, larger_is_stricter=False)
    reviews = [found for d in (document.reviewed_on, document.adopted_on) if isinstance(found := when(d), When)]
    # The most recent review that can have happened by the assessment date, at its earliest and latest.
    held = [r for r in reviews if r.earliest is None or r.earliest <= ctx.as_of]
    if not held:
        if any(isinstance(when(d), NotFound) for d in (document.reviewed_on, document.adopted_on)) and not reviews:
            return not_met(f"the {what} was never adopted or reviewed", facts=facts)
        return missing(f"no adoption or review date recorded for the {what}", facts=facts, needed=review)
    exact = [r.day for r in held if r.day is not None]
    if len(exact) == len(held):
        last = max(exact)
        due = later_by(ctx.calendar, params.review_within.unit, last, amount)
        detail = (
            f"last adopted or reviewed {date_label(last)}; review every {params.review_within.words(amount)}"
            f"{local_note}, so next due {date_label(due)}; assessed at {date_label(ctx.as_of)}",
        )
        if ctx.as_of <= due:
            done = "published and last reviewed" if published is not None or document.url else "last reviewed"
            return met(f"{what} {done} {date_label(last)}", facts=facts, detail=detail)
        return not_met(
            f"{what} last reviewed {date_label(last)}; a review was due by {date_label(due)}",
            facts=facts,
            detail=detail,
        )
    return _recent_enough(ctx, params.review_within, amount, local_note, held, f"{what} last reviewed", facts)


def _recent_enough(
    ctx: CheckContext,
    span: Span,
    amount: int,
    local_note: str,
    candidates: list[When],
    what: str,
    facts: tuple[Any, ...],
) -> Outcome:
    """Whether the latest of ``candidates`` (some known only within bounds) is recent enough at the assessment date."""
    # At the earliest, the last one happened on the latest of the earliest days; at the latest, on the latest day.
    earliest = max((c.earliest for c in candidates if c.earliest is not None), default=None)
    latest = max((c.latest or ctx.as_of for c in candidates), default=None)
    said = max(candidates, key=lambda c: c.latest or ctx.as_of).words
    allowed = f"{span.words(amount)}{local_note} allowed"
    if earliest is not None and ctx.as_of <= later_by(ctx.calendar, span.unit, earliest, amount):
        return met(f"{what} {said}", facts=facts)
    if latest is not None and ctx.as_of > later_by(ctx.calendar, span.unit, latest, amount):
        return not_met(f"{what} {said}; {allowed}, so one was due before {date_label(ctx.as_of)}", facts=facts)
    return missing(f"{what} {said}; {allowed}: the dates known do not decide whether it is recent enough", facts=facts)


class RecentParams(Params):
    path: DatePath
    within: Span
    local: LocalCommitment = None
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return (
            f"{code(self.path)} is no more than {self.within.words()} before the assessment date"
            f"{local_words(self.local, code)}{what_words(self.what)}"
        )


@check_kind("recent")
def recent(value: Any, params: RecentParams, ctx: CheckContext) -> Outcome:
    """The date at ``path`` is no older than a span at the assessment date (a review is not overdue)."""
    parts = paths.split(params.path)
    found = when(paths.read(value, parts))
    what = params.what or words_of(params.path)
    facts = (ctx.path(parts),)
    if found is None:
        return missing(f"no date recorded for {what}", facts=facts)
    if isinstance(found, NotFound):
        return not_met(f"{what} not found", facts=facts)
    amount, local_note = strictest(ctx, params.within, params.local, larger_is_stricter=False)
    if found.day is None:
        if found.earliest is not None and found.earliest > ctx.as_of:
            return not_met(f"{what} {found.words} is after the assessment date", facts=facts)
        return _recent_enough(ctx, params.within, amount, local_note, [found], what, facts)
    day = found.day
    due = later_by(ctx.calendar, params.within.unit, day, amount)
    detail = (
        f"{step(params.path, day)}; allowed: {params.within.words(amount)}{local_note}, so next due "
        f"{date_label(due)}; assessed at {date_label(ctx.as_of)}",
    )
    if day > ctx.as_of:
        return not_met(f"{what} {date_label(day)} is after the assessment date", facts=facts, detail=detail)
    if ctx.as_of <= due:
        return met(f"{what} {date_label(day)}", facts=facts, detail=detail)
    return not_met(f"{what} {date_label(day)}; the next was due by {date_label(due)}", facts=facts, detail=detail)
