"""Waivers: reading a waiver file, and applying waivers to an assessment's findings.

A waiver excuses one rule for one LEP (optionally one item of it) for a time, with a
justification, the person who asked and a different person who approved. Waivers are
applied after evaluation, so a waiver can only ever turn a gap into ``waived``: a met,
not-applicable or unmatched finding is returned untouched. A waiver that has expired
by the assessment date no longer applies and is reported; one that matches nothing is
reported as unused; one that ends within ``EXPIRY_WARNING_WORKING_DAYS`` working days
is flagged, so it can be renewed or the gap closed in time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from govcheck.engine.assess.rule_ids import KnownRuleIds, unknown_rule
from govcheck.engine.calendar import ONE_DAY, WorkingCalendar
from govcheck.engine.core.days import LAST_DAY, read_day
from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.identity import identity, mixed_scripts, scripts
from govcheck.engine.core.outcome import ItemResult, Outcome
from govcheck.engine.core.results import Finding, WaiverRecord, WaiverState
from govcheck.engine.core.status import Status
from govcheck.engine.facts.loader import validate
from govcheck.engine.facts.model import Day, Facts
from govcheck.engine.packs.loading import RULE_ID
from govcheck.engine.reading import yamlsource

WAIVERS_FORMAT_VERSION = 1
EXPIRY_WARNING_WORKING_DAYS = 20


NEVER_HINT = f"a waiver lasts for a time: give the date it is to be reviewed by, {LAST_DAY} at the latest"


def _expiry(value: Any) -> dt.date:
    # "Never" is not an expiry date: a waiver accepts a gap for a time, and 9999-12-31 plus a day is no date.
    return read_day(value, range_hint=NEVER_HINT)


Expiry = Annotated[dt.date, BeforeValidator(_expiry), WithJsonSchema({"type": "string", "format": "date"})]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scope(_Strict):
    lep: str = Field(min_length=1, description="the organisation id of the LEP (organisation.id in its facts file)")
    item: str | None = Field(
        default=None,
        min_length=1,
        description="one item of the rule: its id in the facts (a person's or meeting's id) or its label in reports",
    )


class WaiverSpec(_Strict):
    """One waiver as written in a waiver file."""

    rule: str = Field(pattern=RULE_ID.pattern, description="the id of the rule waived")
    scope: Scope
    justification: str = Field(min_length=1, description="why the gap is accepted for now")
    requested_by: str = Field(min_length=1)
    approved_by: str = Field(min_length=1, description="who approved it; never the person who asked")
    granted_on: Day
    expires_on: Expiry


class WaiverFileSpec(_Strict):
    format_version: Literal[1] = Field(description="the waiver file format version")
    waivers: list[WaiverSpec] = Field(default_factory=list)


@dataclass(frozen=True)
class WaiverSet:
    """The waivers of one file, validated, with the file's digest for the result's manifest."""

    file: str
    sha256: str
    waivers: tuple[WaiverRecord, ...]
    # Where each waiver's `rule:` value stands (line, column), for an id no edition has.
    rule_positions: tuple[tuple[int | None, int | None], ...] = ()

    def refuse_unknown_rules(self, known: KnownRuleIds) -> None:
        """An InputError naming each waiver whose rule id no edition has, with the id probably meant."""
        problems = []
        for index, waiver in enumerate(self.waivers):
            message = unknown_rule(waiver.rule_id, known, f"waivers[{index}]")
            if message is not None:
                line, column = self.rule_positions[index] if index < len(self.rule_positions) else (waiver.line, None)
                hint = "`govcheck rules list` lists the rules of each edition"
                problems.append(Problem(self.file, message, line, column, hint))
        if problems:
            raise InputError(problems)


def load_waivers(path: str | Path) -> WaiverSet:
    path = Path(path)
    return parse_waivers(yamlsource.read_text(path), str(path))


def parse_waivers(text: str, name: str) -> WaiverSet:
    data, source = yamlsource.parse(text, name)
    spec = validate(WaiverFileSpec, data, source)
    problems: list[Problem] = []
    records: list[WaiverRecord] = []
    positions: list[tuple[int | None, int | None]] = []
    seen: dict[tuple[str, str, str | None], int] = {}

    def problem(at: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        line, column = source.locate(at) or (None, None)
        problems.append(Problem(name, message, line, column, hint))

    for index, waiver in enumerate(spec.waivers):
        at: tuple[str | int, ...] = ("waivers", index)
        people = {role: getattr(waiver, role) for role in ("requested_by", "approved_by")}
        unreadable = {role: found for role, name in people.items() if (found := _unreadable(name)) is not None}
        for role, (why, hint) in unreadable.items():
            problem((*at, role), f"waivers[{index}].{role}: {people[role]!r} {why}", hint)
        if not unreadable and identity(waiver.approved_by) == identity(waiver.requested_by):
            same = waiver.approved_by
            if waiver.approved_by != waiver.requested_by:
                same = f"{waiver.approved_by!r} is {waiver.requested_by!r} written differently"
            problem(
                (*at, "approved_by"),
                f"waivers[{index}] is approved by the person who requested it ({same})",
                "a waiver needs a second person's approval",
            )
        if waiver.expires_on <= waiver.granted_on:
            problem(
                (*at, "expires_on"),
                f"waivers[{index}] expires on {waiver.expires_on} but was granted on {waiver.granted_on}",
                "the expiry date comes after the date granted",
            )
        key = (waiver.rule, waiver.scope.lep, identity(waiver.scope.item) if waiver.scope.item else None)
        if key in seen:
            problem(at, f"waivers[{index}] covers the same rule and scope as waivers[{seen[key]}]", "merge them")
        seen.setdefault(key, index)
        positions.append(source.locate((*at, "rule")) or (None, None))
        records.append(
            WaiverRecord(
                rule_id=waiver.rule,
                lep=waiver.scope.lep,
                item=waiver.scope.item,
                justification=waiver.justification,
                requested_by=waiver.requested_by,
                approved_by=waiver.approved_by,
                granted_on=waiver.granted_on,
                expires_on=waiver.expires_on,
                file=name,
                line=source.line_of(at),
            )
        )
    if problems:
        raise InputError(problems)
    return WaiverSet(name, hashlib.sha256(text.encode("utf-8")).hexdigest(), tuple(records), tuple(positions))


# A person is compared as a reader sees the name (engine/core/identity.py), so that a zero-width
# space, full-width letters or a Cyrillic look-alike cannot make the requester a second person.
def _unreadable(name: str) -> tuple[str, str] | None:
    """Why a name cannot be told apart from another as a reader sees it, and what to write; None when it can."""
    if not identity(name):
        return "has no visible letters", "write the person's name"
    mixed = mixed_scripts(name)
    if mixed is None:
        return None
    odd = next(c for c in unicodedata.normalize("NFKC", name) if c.isalpha() and scripts(c)[0] != "LATIN")
    # Letters newer than this Python's Unicode tables have no name: their code point stands in.
    called = unicodedata.name(odd, f"U+{ord(odd):04X}")
    why = f"mixes {' and '.join(s.title() for s in mixed)} letters ({odd!r} is {called})"
    return why, "write the name in one alphabet, as it is read"


def apply_waivers(
    findings: tuple[Finding, ...],
    waivers: tuple[WaiverRecord, ...],
    facts: Facts,
    as_of: dt.date,
    calendar: WorkingCalendar,
) -> tuple[tuple[Finding, ...], tuple[WaiverState, ...]]:
    """The findings with matching gaps waived, and what became of each waiver scoped to this LEP."""
    lep = facts.organisation.id
    result = list(findings)
    states: list[WaiverState] = []
    for waiver in (w for w in waivers if w.lep == lep):
        if waiver.granted_on > as_of:
            states.append(WaiverState(waiver, "not_yet_granted"))
            continue
        if waiver.expires_on < as_of:
            states.append(WaiverState(waiver, "expired"))
            continue
        covered: list[str] = []
        for index, finding in enumerate(result):
            if finding.rule_id != waiver.rule_id:
                continue
            waived, what = _waive(finding, waiver, facts)
            result[index] = waived
            covered.extend(what)
        # Days left counts the expiry day itself: a waiver expiring tomorrow has one working day left at most.
        left = calendar.clear_working_days_between(as_of, waiver.expires_on + ONE_DAY)
        expiring = left <= EXPIRY_WARNING_WORKING_DAYS
        state = "applied" if covered else "unused"
        states.append(WaiverState(waiver, state, expiring, left, tuple(covered)))
    return tuple(result), tuple(states)


def _waive(finding: Finding, waiver: WaiverRecord, facts: Facts) -> tuple[Finding, list[str]]:
    """The finding with ``waiver`` applied, and what it covered (nothing: the finding unchanged)."""
    before = finding.status_before_waiver or finding.status
    if not before.is_gap:
        return finding, []
    if waiver.item is None:
        if finding.status is Status.WAIVED and any(w.item is None for w in finding.waivers):
            return finding, []
        return replace(
            finding, status=Status.WAIVED, waivers=(*finding.waivers, waiver), status_before_waiver=before
        ), ["*"]
    wanted = identity(waiver.item)
    matched = [
        i
        for i, item in enumerate(finding.items)
        if item.status.is_gap and wanted in {identity(name) for name in _item_names(facts, item) if name}
    ]
    if not matched:
        return finding, []
    items = tuple(
        ItemResult(item.label, Status.WAIVED, item.reason, item.path) if i in matched else item
        for i, item in enumerate(finding.items)
    )
    still_failing = any(item.status.is_gap for item in items)
    explained = finding.outcome is None or not _gap_outside_items(finding.outcome)
    status = Status.WAIVED if not still_failing and explained else finding.status
    waived = replace(
        finding,
        items=items,
        reason=_recounted(finding.reason, [finding.items[i] for i in matched]),
        status=status,
        waivers=(*finding.waivers, waiver),
        status_before_waiver=before if status is Status.WAIVED else finding.status_before_waiver,
    )
    return waived, [finding.items[i].label for i in matched]


# The counts an `each:` check words its reason with (engine/assess/evaluate.py): "2 of 5 board
# members pass, 2 fail, 1 lacks the facts". Waived items are counted apart from those.
# The verb agrees with its number ("1 fails", "2 fail"), and keeps agreeing once recounted.
_FAIL_COUNT = re.compile(r"\b(\d+) (fails?)\b")
_UNKNOWN_COUNT = re.compile(r"\b(\d+) (lacks?) the facts\b")
_VERB_FOR_ONE = {"fail": "fails", "fails": "fails", "lack": "lacks", "lacks": "lacks"}


def _recounted(reason: str, waived: list[ItemResult]) -> str:
    """``reason`` with the items now waived counted apart: "1 fails, 1 waived", not "2 fail"."""
    failed = sum(item.status is not Status.MISSING_EVIDENCE for item in waived)
    moved = {_FAIL_COUNT: failed, _UNKNOWN_COUNT: len(waived) - failed}
    text = reason
    for pattern, count in moved.items():
        found = pattern.search(text)
        if not count or found is None or int(found.group(1)) < count:
            continue
        left = int(found.group(1)) - count
        verb = _VERB_FOR_ONE[found.group(2)] if left == 1 else _VERB_FOR_ONE[found.group(2)].removesuffix("s")
        words = found.group(0).replace(f"{found.group(1)} {found.group(2)}", f"{left} {verb}", 1)
        start, end = found.start(), found.end()
        if not left:  # "0 fail" says nothing: the count goes, with the comma that joined it
            words = ""
            if text[end : end + 2] == ", ":
                end += 2
            elif text[start - 2 : start] == ", ":
                start -= 2
        text = text[:start] + words + text[end:]
    told = f"{len(waived)} waived"
    if text == reason:
        # Wordings without counts ("none of 2 board members pass"): the waived items are told after.
        return f"{reason} ({told})"
    if "()" in text:
        return text.replace("()", f"({told})")
    return text[:-1] + f", {told})" if text.endswith(")") and "(" in text else f"{text}, {told}"


def _item_names(facts: Facts, item: ItemResult) -> tuple[str | None, ...]:
    """What a waiver's ``item:`` may call an item: the label reports show for it, and the id and name of
    the fact it stands for (a person's, a meeting's), when its path leads to one. Each is compared as a
    reader sees it, so "j. smith" waives J. Smith's item."""
    if len(item.path) < 2 or not isinstance(item.path[0], str) or not isinstance(item.path[1], int):
        return (item.label,)
    collection: Any = getattr(facts, item.path[0], None)
    if not isinstance(collection, list) or item.path[1] >= len(collection):
        return (item.label,)
    fact = collection[item.path[1]]
    found = (getattr(fact, "id", None), getattr(fact, "name", None))
    return (item.label, *(name for name in found if isinstance(name, str)))


def _gap_outside_items(node: Outcome) -> bool:
    """Whether any part of a gap comes from a check that lists no items (so waiving items cannot cover it)."""
    if not node.status.is_gap:
        return False
    per_item = len(node.children) == len(node.items) and all(
        child.label == item.label for child, item in zip(node.children, node.items, strict=True)
    )
    if node.items and per_item:
        return False  # an `each:` over items: the gap is exactly its failing items
    if node.reason.startswith("not: "):
        return True  # a negated check decides on its own, whatever items it read
    if node.children:
        return any(_gap_outside_items(child) for child in node.children)
    return not node.items
