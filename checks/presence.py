"""Check kinds about single facts: that one is present, true, or one of some values."""

from __future__ import annotations

from typing import Annotated, Any

from govcheck.checks.base import CheckContext, FactPath, Params, PathSpec, check_kind
from govcheck.checks.sentences import Code, step, what_words
from govcheck.checks.when import NotFound, When, on_or_before, when
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.wording import value_words
from govcheck.engine.facts.blocks import NOT_FOUND, DateAsFound
from govcheck.engine.facts.model import Document


def _show(path: str) -> str:
    return path.replace("_", " ").replace(".", " ")


class PresentParams(Params):
    path: FactPath
    what: str | None = None  # how a reason names the fact; the path, in words, by default

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return f"{code(self.path)} is recorded{what_words(self.what)}"


@check_kind("present")
def present(value: Any, params: PresentParams, ctx: CheckContext) -> Outcome:
    """The fact at ``path`` is recorded (an empty list counts as absent)."""
    parts = paths.split(params.path)
    found = paths.read(value, parts)
    what = params.what or _show(params.path)
    facts = (ctx.path(parts),)
    if found is None or found == [] or found == "":
        return missing(f"no {what} recorded", facts=facts, detail=(f"{params.path}: absent",))
    if found == NOT_FOUND or getattr(found, "is_set", True) is False:
        return not_met(f"{what}: not found", facts=facts, detail=(f"{params.path}: not found",))
    if isinstance(found, DateAsFound):
        return met(f"{what}: {found.words}", facts=facts)
    return met(
        f"{what}: {value_words(found)}"
        if not isinstance(found, (list, dict)) and len(str(found)) < 80
        else f"{what} recorded",
        facts=facts,
        detail=(step(params.path, found),) if ctx.explain else (),  # a whole document in words, for explain only
    )


class IsTrueParams(Params):
    path: FactPath
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return f"{code(self.path)} is yes{what_words(self.what)}"


@check_kind("is_true")
def is_true(value: Any, params: IsTrueParams, ctx: CheckContext) -> Outcome:
    """The yes/no fact at ``path`` is yes; no is ``not_met``, absent is ``missing_evidence``."""
    parts = paths.split(params.path)
    found = paths.read(value, parts)
    what = params.what or _show(params.path)
    facts = (ctx.path(parts),)
    detail = (step(params.path, found),) if ctx.explain else ()
    if found is None:
        return missing(f"not recorded whether {what}", facts=facts, detail=detail)
    if isinstance(found, list):
        found = any(found)
    return (met if found else not_met)(f"{what}: {'yes' if found else 'no'}", facts=facts, detail=detail)


class IsOneOfParams(Params):
    path: FactPath
    values: list[Any]
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return f"{code(self.path)} is one of {', '.join(map(str, self.values))}{what_words(self.what)}"


@check_kind("is_one_of")
def is_one_of(value: Any, params: IsOneOfParams, ctx: CheckContext) -> Outcome:
    """The fact at ``path`` is one of ``values``."""
    parts = paths.split(params.path)
    found = paths.read(value, parts)
    what = params.what or _show(params.path)
    facts = (ctx.path(parts),)
    allowed = ", ".join(map(str, params.values))
    detail = (f"{step(params.path, found)}; allowed: {allowed}",)
    if found is None or found == []:
        return missing(f"no {what} recorded", facts=facts, detail=detail)
    ok = any(v in params.values for v in found) if isinstance(found, list) else found in params.values
    if ok:
        return met(f"{what} is {found}", facts=facts, detail=detail)
    return not_met(f"{what} is {found}; expected {allowed}", facts=facts, detail=detail)


class PublishedParams(Params):
    path: Annotated[str, PathSpec(Document)]
    what: str | None = None

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return f"{code(self.path)} is in place and published (a url or published_on){what_words(self.what)}"


@check_kind("published")
def published(value: Any, params: PublishedParams, ctx: CheckContext) -> Outcome:
    """A document is in place and published (a web address or a publication date) by the assessment date."""
    parts = paths.split(params.path)
    document: Document | None = paths.read(value, parts)
    what = params.what or _show(parts[-1])
    facts = (ctx.path(parts),)
    publication = (ctx.path((*parts, "url")), ctx.path((*parts, "published_on")))
    if document is None:
        return missing(f"no {what} recorded", facts=facts, needed=publication)
    if document.is_in_place is False:
        return not_met(f"there is no {what}", facts=(ctx.path((*parts, "is_in_place")),))
    if document.partly:
        return not_met(f"the {what} is in place only in part: {document.partly}", facts=(ctx.path((*parts, "partly")),))
    published = when(document.published_on)
    if isinstance(published, When):
        if on_or_before(published, ctx.as_of) is False:
            return not_met(f"{what} published {published.words}, after the assessment date", facts=facts)
        return met(f"{what} published {published.words}", facts=facts)
    if document.url:
        return met(f"{what} published at {document.url}", facts=facts)
    if isinstance(published, NotFound):
        return not_met(f"the {what} is not published", facts=(ctx.path((*parts, "published_on")),))
    return missing(f"no record of where or when the {what} was published", facts=facts, needed=publication)
