"""Web addresses in reports: which may become links, and where they stand in a run of text."""

from __future__ import annotations

import re

# Only web addresses become links (never javascript: or data:); anything else is shown as text.
_URL = re.compile(r"https?://[^\s,;<>\"']+")


def web_address(url: str | None) -> str | None:
    """``url`` if it is a web address a link may point to, else None."""
    return url if url and _URL.fullmatch(url) else None


def links(text: str) -> list[tuple[str, str | None]]:
    """``text`` split into plain runs and web addresses: ``[(text, None), (url, url), ...]``."""
    parts: list[tuple[str, str | None]] = []
    end = 0
    for match in _URL.finditer(text):
        if match.start() > end:
            parts.append((text[end : match.start()], None))
        url = match.group().rstrip(".)")
        parts.append((url, url))
        end = match.start() + len(url)
    if end < len(text):
        parts.append((text[end:], None))
    return parts
