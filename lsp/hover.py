"""Hover on a fact: what the facts model says it is, and which rules read it, with their verdicts.

A rule reads a fact when its finding's evidence names the fact or something inside it
(a rule over every board member reads ``people[2]`` through ``people[2].roles[0]``).
"""

from __future__ import annotations

from lsprotocol import types

from govcheck.engine.core.outcome import ItemResult
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import STATUS_ORDER, Finding
from govcheck.engine.core.status import Status
from govcheck.lsp.documents import Checked
from govcheck.lsp.fields import LIST_ITEM, description
from govcheck.lsp.places import dotted_place, place_at

MAX_RULES_SHOWN = 20


def reads(finding: Finding, place: str) -> bool:
    return any(e.path == place or e.path.startswith((place + ".", place + "[")) for e in finding.evidence)


def _common(one: PathKey, other: PathKey) -> int:
    length = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        length += 1
    return length


def _item_of(finding: Finding, path: PathKey) -> ItemResult | None:
    """The item of the finding that the fact belongs to: the one that shares the most of its path, through an index
    (people[0].register_of_interests belongs to the item people[0].roles[0], the same person)."""
    best: tuple[int, ItemResult] | None = None
    for item in finding.items:
        shared = _common(item.path, path)
        if any(isinstance(part, int) for part in path[:shared]) and (best is None or shared > best[0]):
            best = shared, item
    return best[1] if best else None


def _verdict(finding: Finding, path: PathKey) -> tuple[Status, str]:
    """The rule's verdict; on the item the fact belongs to (one person, one meeting), where the rule has items."""
    item = _item_of(finding, path)
    status = item.status if item is not None else finding.status
    gap = f", {finding.severity}" if status.is_gap else ""
    text = f"- **{status.value.replace('_', ' ')}**{gap}: `{finding.rule_id}`, {finding.title}"
    if item is not None:
        return status, text + f" ({item.label}: {item.reason})"
    return status, text + (f": {finding.reason}" if finding.is_gap else "")


def hover_text(checked: Checked, line: int, character: int) -> str | None:
    """Markdown for the fact at ``line``/``character`` (0-based), or None where there is no fact."""
    if checked.facts is None:
        return None
    path = place_at(checked.facts.source, line, character)
    if not path:
        return None
    place = dotted_place(path)
    parts = [f"**`{place}`**"]
    said = description([LIST_ITEM if isinstance(p, int) else p for p in path])
    if said:
        parts.append(said)
    if checked.assessment is None:
        parts.append("Verdicts are shown once the file has no errors.")
        return "\n\n".join(parts)
    findings = [f for f in checked.assessment.findings if reads(f, place)]
    if not findings:
        parts.append(f"No rule of {checked.assessment.pack.id} reads this fact.")
        return "\n\n".join(parts)
    verdicts = sorted((_verdict(f, path) for f in findings), key=lambda v: (STATUS_ORDER.index(v[0]), v[1]))
    shown = [text for _, text in verdicts[:MAX_RULES_SHOWN]]
    more = f"\n- and {len(findings) - len(shown)} more" if len(findings) > len(shown) else ""
    edition = f"{checked.assessment.pack.id} ({checked.assessment.pack.edition})"
    rules = "rule" if len(findings) == 1 else "rules"
    parts.append(f"Read by {len(findings)} {rules} of {edition} at {checked.assessment.as_of.isoformat()}:")
    parts.append("\n".join(shown) + more)
    return "\n\n".join(parts)


def hover(checked: Checked, position: types.Position) -> types.Hover | None:
    text = hover_text(checked, position.line, position.character)
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
