"""Check kinds that count: how many items a view holds, and what share of them meet a condition."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema, model_validator

from govcheck.checks.base import CheckContext, Params, check_kind
from govcheck.checks.composition import Counted, counted, vacant
from govcheck.checks.dates import LocalCommitment
from govcheck.checks.sentences import Code, bounds_words, fraction, what_words
from govcheck.checks.where import Where
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import ItemResult, Outcome, met, missing, not_met
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.status import Status
from govcheck.engine.core.suggest import did_you_mean
from govcheck.engine.core.wording import counted as counted_words
from govcheck.engine.core.wording import in_words, key_words, singular
from govcheck.engine.facts.snippets import keys_for
from govcheck.engine.facts.views import VIEWS


def _known_view(name: str) -> str:
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}{did_you_mean(name, VIEWS)}; views: {', '.join(VIEWS)}")
    return name


def _fraction(value: Any) -> Any:
    # "2/3" is exact where 0.6667 is not: ten of fifteen members is exactly two thirds.
    if isinstance(value, str) and value.strip().endswith("%"):
        return Fraction(value.strip()[:-1]) / 100
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return Fraction(str(value))
    return value


ViewName = Annotated[str, AfterValidator(_known_view)]
Share = Annotated[
    Fraction,
    BeforeValidator(_fraction),
    WithJsonSchema({"type": ["string", "number"], "description": "a fraction such as 2/3, or 0.5, or 50%"}),
]


def _show(share: Fraction) -> str:
    return f"{float(share):.0%}" if share.denominator not in (3, 6) else f"{share.numerator}/{share.denominator}"


class CountParams(Params):
    of: ViewName
    where: Where | None = None
    at_least: int | None = None
    at_most: int | None = None
    local: LocalCommitment = None  # the LEP's own bound, used where it is stricter than the given one
    what: str | None = None

    @model_validator(mode="after")
    def _local_tightens_one_bound(self) -> CountParams:
        if self.local is not None and (self.at_least is None) == (self.at_most is None):
            raise ValueError("local: give exactly one of at_least and at_most, the bound the LEP may tighten")
        return self

    def bounds(self, ctx: CheckContext) -> tuple[int | None, int | None, str]:
        """The bounds to apply: the national ones, or the LEP's own where it is stricter."""
        committed = getattr(ctx.facts.local_commitments, self.local) if self.local else None
        if committed is None:
            return self.at_least, self.at_most, ""
        if self.at_most is not None and committed < self.at_most:
            return None, committed, f" (the LEP's own commitment; national: {self.at_most})"
        if self.at_least is not None and committed > self.at_least:
            return committed, None, f" (the LEP's own commitment; national: {self.at_least})"
        return self.at_least, self.at_most, ""

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        where = f" where {self.where.in_words(code)}" if self.where is not None else ""
        return f"the number of {self.of.replace('_', ' ')}{where} is {bounds_words(self.at_least, self.at_most, str)}"


@check_kind("count")
def count(value: Any, params: CountParams, ctx: CheckContext) -> Outcome:
    """The number of items of a view (that meet ``where``) lies within bounds."""
    view = VIEWS[params.of]
    items = ctx.cached(("view", view.name), lambda: view.items(ctx.facts, ctx.as_of))
    chosen = [item for item in items if params.where is None or params.where.holds(item.value)]
    what = params.what or params.of.replace("_", " ")
    at_least, at_most, local_note = params.bounds(ctx)
    bounds = []
    if at_least is not None:
        bounds.append(f"at least {at_least}")
    if at_most is not None:
        bounds.append(f"at most {at_most}")
    # With nothing chosen, the finding points at the whole list the view reads, if it is one facts list.
    facts = tuple(item.path for item in chosen) or (((params.of,),) if params.of in ("bodies", "people") else ())
    how_many = counted_words(len(chosen), singular(what), what)
    detail = (f"{how_many}: " + "; ".join(item.label for item in chosen), f"required: {' and '.join(bounds)}")
    reason = f"{how_many}; {' and '.join(bounds)} required{local_note}"
    # Items whose facts the filter needs are unknown: if counting them in could change the verdict, say so.
    chosen_paths = {item.path for item in chosen}  # an item's path is its identity: cheaper than comparing facts
    unknown = [
        item
        for item in items
        if item.path not in chosen_paths and params.where is not None and _lacks(item, params.where)
    ]

    def fails(hits: int) -> bool:
        return (at_least is not None and hits < at_least) or (at_most is not None and hits > at_most)

    # Where the facts list only some of the items, more could exist: a shortfall or a
    # count within a maximum is then not known to hold.
    empty_seat = vacant(ctx.facts, params.of, params.where)
    if empty_seat is not None:  # nobody holds the seat, however few of the members are listed
        said = f"{how_many}: the seat is vacant on {empty_seat.name}; {' and '.join(bounds)} required"
        return (not_met if fails(len(chosen)) else met)(said, facts=facts or (("bodies",),), detail=detail)
    partly = VIEWS[params.of].partly_listed(ctx.facts, ctx.as_of)
    if partly or not items:
        found = counted(ctx.facts, params.of, params.where)
        # Every count from low to high passes, or every one fails: only then do the counts decide.
        every_passes = all(not fails(n) for n in (found.low, found.high)) if found else False
        every_fails = found is not None and (
            (at_least is not None and found.high < at_least) or (at_most is not None and found.low > at_most)
        )
        if found is not None and (every_passes or every_fails):
            said = f"{_said(found, what)} ({found.words}); {' and '.join(bounds)} required{local_note}"
            verdict = not_met if every_fails else met
            return verdict(said, facts=(found.path,), passed=found.low, total=found.members)
        if found is not None and not items:
            return missing(
                f"{_said(found, what)} ({found.words}): the counts do not decide; {' and '.join(bounds)} required",
                facts=(found.path,),
            )
    where_paths = list(params.where.root) if params.where is not None else []
    if not items:
        return missing(
            f"no {VIEWS[params.of].name.replace('_', ' ')} recorded",
            detail=detail,
            needed=keys_for(view.item_model, where_paths),
        )
    if partly and (at_most is not None or fails(len(chosen))):
        return missing(
            f"{reason}, but {partly}",
            facts=facts,
            detail=detail,
            passed=len(chosen),
            total=len(items),
            needed=keys_for(view.item_model, where_paths),
        )
    if unknown and fails(len(chosen)) != fails(len(chosen) + len(unknown)):
        return missing(
            f"{reason}, but {len(unknown)} unknown",
            facts=facts,
            needed=_lacking(ctx, unknown, where_paths),
            detail=(*detail, "unknown: " + "; ".join(item.label for item in unknown)),
            passed=len(chosen),
            total=len(items),
        )
    if fails(len(chosen)):
        return not_met(reason, facts=facts, detail=detail, passed=len(chosen), total=len(items))
    return met(reason, facts=facts, detail=detail, passed=len(chosen), total=len(items))


def _said(found: Counted, what: str) -> str:
    """How many the counts give, with the noun agreeing: "1 chair", "between 0 and 3 chairs"."""
    return f"{found.said} {singular(what) if found.said == '1' else what}"


def _lacking(ctx: CheckContext, unknown: list[Any], where_paths: list[str]) -> tuple[PathKey, ...]:
    """Where the facts each unknown item lacks would stand in the facts file."""
    return tuple(
        ctx.within(item.path, item.label, item.roots).path(paths.split(path))
        for item in unknown
        for path in where_paths
        if paths.read(item.value, paths.split(path)) in (None, [])
    )


def _lacks(item: Any, where: Where) -> bool:
    """The item lacks a fact the filter reads, so whether it matches is unknown."""
    return any(paths.read(item.value, paths.split(path)) in (None, []) for path in where.root)


class ShareParams(Params):
    of: ViewName
    where: Where
    at_least: Share | None = None
    at_most: Share | None = None
    what: str | None = None

    def bounds_required(self) -> str:
        """The share required, as a reason says it: "at least 1/3", "at least 2/3 and at most 90%"."""
        return " and ".join(
            ([f"at least {_show(self.at_least)}"] if self.at_least is not None else [])
            + ([f"at most {_show(self.at_most)}"] if self.at_most is not None else [])
        )

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        return (
            f"for {bounds_words(self.at_least, self.at_most, fraction)} of the {self.of.replace('_', ' ')}, "
            f"{self.where.in_words(code)}{what_words(self.what)}"
        )


@check_kind("share")
def share(value: Any, params: ShareParams, ctx: CheckContext) -> Outcome:
    """The share of a view's items that meet ``where`` reaches (or stays under) a fraction.

    Items whose facts the condition needs are unknown; if counting them either
    way could change the verdict, the result is ``missing_evidence``.
    """
    view = VIEWS[params.of]
    items = ctx.cached(("view", view.name), lambda: view.items(ctx.facts, ctx.as_of))
    what = params.what or params.where.phrase()
    partly = VIEWS[params.of].partly_listed(ctx.facts, ctx.as_of)
    if partly or not items:
        found = counted(ctx.facts, params.of, params.where)
        if found is not None and found.members and found.low == found.high:
            return _share_of_counts(params, found, what)
    where_paths = list(params.where.root)
    if not items:
        return missing(f"no {params.of.replace('_', ' ')} recorded", needed=keys_for(view.item_model, where_paths))
    if partly:
        return missing(
            f"a share cannot be worked out: {partly}",
            facts=tuple(item.path for item in items),
            needed=keys_for(view.item_model, where_paths),
        )
    unknown = [
        item
        for item in items
        if any(paths.read(item.value, paths.split(path)) in (None, []) for path in params.where.root)
    ]
    unknown_paths = {item.path for item in unknown}  # an item's path is its identity: cheaper than comparing facts
    known = [item for item in items if item.path not in unknown_paths]
    matching = [item for item in known if params.where.holds(item.value)]
    matching_paths = {item.path for item in matching}
    total = len(items)

    def verdict(hits: int) -> bool:
        ratio = Fraction(hits, total)
        return (params.at_least is None or ratio >= params.at_least) and (
            params.at_most is None or ratio <= params.at_most
        )

    bound = params.bounds_required()
    scope = params.of.replace("_", " ")
    reason = f"{len(matching)} of {total} {scope} ({len(matching) / total:.0%}) {what}; {bound} required"
    detail = (
        f"{what}: " + ("; ".join(item.label for item in matching) or "none"),
        f"not {what}: " + ("; ".join(item.label for item in known if item.path not in matching_paths) or "none"),
        "unknown: " + ("; ".join(item.label for item in unknown) or "none"),
    )
    facts = tuple(item.path for item in items)
    missing_items = tuple(
        ItemResult(
            item.label,
            Status.MISSING_EVIDENCE,
            f"not recorded: {in_words(key_words(path.split('.')[-1]) for path in params.where.root)}",
            item.path,
        )
        for item in unknown
    )
    low, high = verdict(len(matching)), verdict(len(matching) + len(unknown))
    if unknown and low != high:
        return missing(
            f"{reason}, but {len(unknown)} unknown",
            items=missing_items,
            facts=facts,
            detail=detail,
            needed=_lacking(ctx, unknown, where_paths),
            passed=len(matching),
            total=total,
        )
    if low:
        return met(reason, facts=facts, detail=detail, passed=len(matching), total=total, items=missing_items)
    return not_met(reason, facts=facts, detail=detail, passed=len(matching), total=total, items=missing_items)


def _share_of_counts(params: ShareParams, found: Counted, what: str) -> Outcome:
    ratio = Fraction(found.low, found.members)
    ok = (params.at_least is None or ratio >= params.at_least) and (params.at_most is None or ratio <= params.at_most)
    bound = params.bounds_required()
    reason = (
        f"{found.low} of {found.members} {params.of.replace('_', ' ')} ({float(ratio):.0%}) {what}, from "
        f"{found.words}; {bound} required"
    )
    return (met if ok else not_met)(reason, facts=(found.path,), passed=found.low, total=found.members)
