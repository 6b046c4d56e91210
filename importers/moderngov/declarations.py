"""Interests declared at a meeting, as its minutes record them under "Declarations of interest".

ModernGov keeps no declarations as data; the minutes say them in sentences ("Councillor Smith
declared a pecuniary interest in item 7 as a director of Acme Ltd and left the room"). A
sentence counts only when it names exactly one person who attended; one naming nobody, or
several, is told back rather than guessed. "There were no declarations" is an empty list;
minutes that say neither leave declarations unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govcheck.importers.moderngov.parse import AgendaItem

DECLARATIONS_ITEM = re.compile(
    r"\b(declarations?|disclosures?)\b.{0,40}\binterests?\b|\binterests?\b.{0,20}\b(declared|disclosed)\b"
    r"|\bdisclosures? by members\b",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\b(no|none|nil)\b.{0,40}\b(declarations?|disclosures?|interests?)\b|\b(declarations?|disclosures?|interests?)\b"
    r".{0,40}\b(none|nil)\b|^\s*none\.?\s*$",
    re.IGNORECASE,
)
_DECLARES = re.compile(r"\b(declared|declares|disclosed|discloses|declaring|disclosing)\b", re.IGNORECASE)
_ITEM = re.compile(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(\d+[a-z]?)\b", re.IGNORECASE)
_WITHDREW = re.compile(
    r"\b(left the (room|meeting|chamber)|withdrew|took no part|did not (take part|participate|vote))\b", re.IGNORECASE
)
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])|\n")


@dataclass(frozen=True)
class DeclarationRead:
    person: str  # the attendee's name, as listed for the meeting
    item: str | None
    interest: str  # the sentence of the minutes that records it
    has_withdrawn: bool | None  # None: the minutes do not say


@dataclass(frozen=True)
class DeclarationsRead:
    declarations: tuple[DeclarationRead, ...] | None  # None: the minutes do not say
    unread: tuple[str, ...]  # sentences that declare something but name no one who attended, or several


def is_declarations_item(item: AgendaItem) -> bool:
    return bool(DECLARATIONS_ITEM.search(item.title))


def read_declarations(item: AgendaItem, attendees: list[str]) -> DeclarationsRead:
    """What the minutes of a declarations item say was declared, by whom among ``attendees``."""
    if not item.minutes:
        return DeclarationsRead(None, ())
    found: list[DeclarationRead] = []
    unread: list[str] = []
    said_none = False
    for sentence in (part.strip() for part in _SENTENCE.split(item.minutes)):
        if not sentence:
            continue
        if not _DECLARES.search(sentence):
            said_none = said_none or bool(_NONE.search(sentence))
            continue
        named = [name for name in attendees if _names(sentence, name)]
        if len(named) != 1:
            if not _NONE.search(sentence):
                unread.append(sentence)
            else:
                said_none = True
            continue
        item_number = _ITEM.search(sentence)
        found.append(
            DeclarationRead(
                person=named[0],
                item=item_number.group(1) if item_number else None,
                interest=sentence,
                has_withdrawn=True if _WITHDREW.search(sentence) else None,
            )
        )
    if found:
        return DeclarationsRead(tuple(found), tuple(unread))
    return DeclarationsRead(() if said_none and not unread else None, tuple(unread))


def _names(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names the person ``name``: in full, or by title and surname ("Councillor Smith")."""
    words = [word for word in re.split(r"[\s.]+", name) if word]
    if not words:
        return False
    if re.search(r"\b" + r"[\s.]+".join(re.escape(word) for word in words) + r"\b", sentence, re.IGNORECASE):
        return True
    surname = re.escape(words[-1])
    titles = r"(?:councillor|cllr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|professor|prof\.?|sir|dame)"
    return bool(re.search(rf"\b{titles}\s+(?:[A-Z]\.?\s+)*{surname}\b", sentence, re.IGNORECASE))
