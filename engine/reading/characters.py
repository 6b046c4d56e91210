"""The characters no input may carry into what govcheck shows: terminal controls, bidi overrides, lone surrogates.

Control characters (ESC, BEL, ...) are invisible in an editor yet rewrite a terminal:
an OSC sequence sets a window title or writes the clipboard, a colour escape hides
text. Bidirectional overrides reorder what a report shows ("Trojan Source"). A lone
surrogate (``"\\ud800"`` in JSON) is not a character at all, and no UTF-8 writer can
write it. No governance fact needs any of them: readers refuse them with their
position, and what goes to a terminal shows any that reach it as a visible escape.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, and the halves of a surrogate pair, which a valid string never holds alone.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What a terminal must not be sent: the unsafe characters, and a carriage return that does not end a line.
_TERMINAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)")

_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0d": "CARRIAGE RETURN", "\x1b": "ESCAPE"}
_NAMES |= {"\x7f": "DELETE"}


def describe(char: str) -> str:
    """``U+001B (ESCAPE)``: the character's code point and name, for a message."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, _NAMES.get(char, 'a control character'))})"


def refusal(value: str) -> tuple[str, str] | None:
    """The message and hint refusing a value that holds an unsafe character, or None if it holds none."""
    found = UNSAFE.search(value)
    if found is None:
        return None
    char, at = found.group(), found.start() + 1
    if "\ud800" <= char <= "\udfff":
        return (
            f"value contains U+{ord(char):04X} at character {at}, half of a surrogate pair standing alone",
            "remove it: it is not a character, and no report can show it",
        )
    return (
        f"value contains the invisible character {describe(char)} at character {at}",
        "remove it: it can hide or reorder what the reports show",
    )


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group()[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python holds it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape (``\\x1b``), so it shows inert."""
    return _TERMINAL.sub(_escape, text) if _TERMINAL.search(text) else text


def name_refusal(name: str) -> tuple[str, str] | None:
    """The message and hint refusing a file whose name no report could show as it is, or None.

    A name that is not UTF-8 reaches Python with its stray bytes as lone surrogates; a name may
    hold a control character too. Reports name the files they read, so such a file is refused.
    """
    found = UNSAFE.search(name)
    if found is None:
        return None
    char = found.group()
    if "\udc80" <= char <= "\udcff":
        return f"the file's name is not UTF-8 text (byte 0x{ord(char) - 0xDC00:02X})", "rename the file"
    return f"the file's name contains the invisible character {describe(char)}", "rename the file"
