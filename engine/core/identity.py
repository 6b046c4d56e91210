"""When two names or ids stand for the same person or thing, whatever Unicode they are written in.

A waiver's approver must not be its requester, and an id must not be defined twice.
Compared as written, "J. Smith" and "J.\u200b Smith" (a zero-width space), "Ｊ. Ｓｍｉｔｈ"
(full-width letters) or "J. Smіth" (a Cyrillic і) are four people; to a reader they
are one. ``identity`` is what is compared: the text in compatibility form (NFKC: full-width
and other look-alike forms become plain letters), case folded, with invisible characters
removed and runs of white space made one space, and Cyrillic and Greek letters that look
like Latin ones read as those. ``mixed_scripts`` finds a name that mixes Latin letters with
Cyrillic or Greek ones, which no real name does and a look-alike does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Invisible characters that are not of category Cf (format): Hangul fillers, the combining
# grapheme joiner, variation selectors and the Mongolian free variation selectors.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u180b\u180c\u180d\u180e\u180f") | frozenset(
    chr(code) for code in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))
)

# Cyrillic and Greek letters (after case folding) drawn like a Latin one, as Unicode's confusables list pairs them.
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "м": "m",
        "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q",
        "ԝ": "w", "ь": "b", "ӏ": "l",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ζ": "z", "γ": "y", "ϲ": "c", "ϳ": "j",
    }
)  # fmt: skip

LOOK_ALIKE_SCRIPTS = ("CYRILLIC", "GREEK")


@lru_cache(maxsize=4096)
def identity(name: str) -> str:
    """What two names are compared by: equal identities mean one person (or one id) to a reader."""
    text = unicodedata.normalize("NFKC", name)
    for _ in range(2):  # once more on the result: case folding can undo a normal form, and joining a mark re-forms one
        text = "".join(c for c in text if unicodedata.category(c) != "Cf" and c not in _INVISIBLE)
        # Decomposed, so that a look-alike carrying an accent (Cyrillic ё) is read as its base letter with the accent.
        text = unicodedata.normalize("NFKD", text.casefold()).translate(_LOOK_ALIKES)
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def scripts(name: str) -> tuple[str, ...]:
    """The scripts of the letters in ``name`` (LATIN, CYRILLIC, GREEK, ...), in order of first use."""
    found: dict[str, None] = {}
    for character in unicodedata.normalize("NFKC", name):
        if character.isalpha():
            found.setdefault(unicodedata.name(character, "UNKNOWN").split(" ")[0], None)
    return tuple(found)


def mixed_scripts(name: str) -> tuple[str, ...] | None:
    """The scripts mixed in ``name`` when it mixes Latin letters with Cyrillic or Greek ones; otherwise None."""
    used = scripts(name)
    if "LATIN" in used and any(script in used for script in LOOK_ALIKE_SCRIPTS):
        return used
    return None
