"""Check kinds that count: how many items a view holds, and what share of them meet a condition."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from govcheck.checks.base import CheckContext, ItemResult, Outcome, Params, Status, check_kind, met, missing, not_met
from govcheck.checks.where import Where
from govcheck.engine import paths
from govcheck.engine.suggest import did_you_mean
from govcheck.engine.views import VIEWS


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
    what: str | None = None


@check_kind("count")
def count(value: Any, params: CountParams, ctx: CheckContext) -> Outcome:
    """The number of items of a view (that meet ``where``) lies within bounds."""
    items = VIEWS[params.of].items(ctx.facts, ctx.as_of)
    chosen = [item for item in items if params.where is None or params.where.holds(item.value)]
    what = params.what or params.of.replace("_", " ")
    bounds = []
    if params.at_least is not None:
        bounds.append(f"at least {params.at_least}")
    if params.at_most is not None:
        bounds.append(f"at most {params.at_most}")
    facts = tuple(item.path for item in chosen) or ((params.of,) if params.of in ("bodies", "people") else ())
    detail = (f"{len(chosen)} {what}: " + "; ".join(item.label for item in chosen), f"required: {' and '.join(bounds)}")
    too_few = params.at_least is not None and len(chosen) < params.at_least
    too_many = params.at_most is not None and len(chosen) > params.at_most
    reason = f"{len(chosen)} {what}; {' and '.join(bounds)} required"
    if not items:
        return missing(f"no {VIEWS[params.of].name.replace('_', ' ')} recorded", detail=detail)
    if too_few or too_many:
        return not_met(reason, facts=facts, detail=detail, passed=len(chosen), total=len(items))
    return met(reason, facts=facts, detail=detail, passed=len(chosen), total=len(items))


class ShareParams(Params):
    of: ViewName
    where: Where
    at_least: Share | None = None
    at_most: Share | None = None
    what: str | None = None


@check_kind("share")
def share(value: Any, params: ShareParams, ctx: CheckContext) -> Outcome:
    """The share of a view's items that meet ``where`` reaches (or stays under) a fraction.

    Items whose facts the condition needs are unknown; if counting them either
    way could change the verdict, the result is ``missing_evidence``.
    """
    items = VIEWS[params.of].items(ctx.facts, ctx.as_of)
    what = params.what or params.where.describe()
    if not items:
        return missing(f"no {params.of.replace('_', ' ')} recorded")
    unknown = [
        item
        for item in items
        if any(paths.read(item.value, paths.split(path)) in (None, []) for path in params.where.root)
    ]
    known = [item for item in items if item not in unknown]
    matching = [item for item in known if params.where.holds(item.value)]
    total = len(items)

    def verdict(hits: int) -> bool:
        ratio = Fraction(hits, total)
        return (params.at_least is None or ratio >= params.at_least) and (
            params.at_most is None or ratio <= params.at_most
        )

    bound = " and ".join(
        ([f"at least {_show(params.at_least)}"] if params.at_least is not None else [])
        + ([f"at most {_show(params.at_most)}"] if params.at_most is not None else [])
    )
    scope = params.of.replace("_", " ")
    reason = f"{len(matching)} of {total} {scope} ({len(matching) / total:.0%}) {what}; {bound} required"
    detail = (
        f"{what}: " + ("; ".join(item.label for item in matching) or "none"),
        f"not {what}: " + ("; ".join(item.label for item in known if item not in matching) or "none"),
        "unknown: " + ("; ".join(item.label for item in unknown) or "none"),
    )
    facts = tuple(item.path for item in items)
    missing_items = tuple(
        ItemResult(item.label, Status.MISSING_EVIDENCE, f"not recorded: {', '.join(params.where.root)}", item.path)
        for item in unknown
    )
    low, high = verdict(len(matching)), verdict(len(matching) + len(unknown))
    if unknown and low != high:
        return missing(
            f"{reason}, but {len(unknown)} unknown",
            items=missing_items,
            facts=facts,
            detail=detail,
            passed=len(matching),
            total=total,
        )
    if low:
        return met(reason, facts=facts, detail=detail, passed=len(matching), total=total, items=missing_items)
    return not_met(reason, facts=facts, detail=detail, passed=len(matching), total=total, items=missing_items)
