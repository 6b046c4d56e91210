"""Reading what the web service answers: hardened XML, and text as the council wrote it.

The answer comes from a site on the internet, so it is parsed with defusedxml and no document
type declaration is accepted at all: no entity expansion (the "billion laughs"), no external
entity, no network or file access from inside a document. ModernGov never sends a DTD.

ModernGov escapes HTML before it escapes XML, so "Fees & Charges" arrives as
``Fees &amp;amp; Charges`` and minutes arrive as ``&amp;lt;p&amp;gt;``: the XML parser undoes
one layer, ``plain`` the other.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from govcheck.importers.moderngov.client import Answer, SourceError

_WEB_PAGE = re.compile(rb"^\s*(<!doctype\s+html|<html)", re.IGNORECASE)
_DISABLED = re.compile(rb"web\s*service[^<]{0,80}(disabled|not\s+enabled|switched\s+off|not\s+available)", re.I)


def read_xml(answer: Answer, expected: tuple[str, ...]) -> Element:
    """The answer's root element, if it is XML whose root is one of ``expected``; a SourceError otherwise."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    head = answer.body[:4096]
    if _WEB_PAGE.match(head) or "html" in answer.content_type.lower():
        if _DISABLED.search(answer.body[:65536]):
            raise SourceError.at(
                answer.url,
                "the ModernGov web service is disabled on this site",
                "ask the council's democratic services to enable mgWebService.asmx, or key the meetings by hand",
            )
        raise SourceError.at(
            answer.url,
            "answered with a web page, not the web service's XML",
            "the web service may be disabled on this site, or the address is not a ModernGov site",
        )
    if not answer.body.strip():
        raise SourceError.at(answer.url, "answered with nothing", "try again later")
    try:
        root = fromstring(answer.body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise SourceError.at(
            answer.url,
            f"sent XML that declares a document type or entities ({type(error).__name__}); refused unread",
            "a ModernGov answer never does: check the address",
        ) from None
    except ParseError as error:
        line, column = error.position
        raise SourceError.at(
            answer.url,
            f"sent XML that cannot be read: {_parse_message(error)} at line {line}, column {column + 1}",
            "try again later; if it persists, the site's web service is broken",
        ) from None
    name = local(root.tag)
    if name not in expected:
        wanted = " or ".join(f"<{tag}>" for tag in expected)
        raise SourceError.at(
            answer.url,
            f"is XML but not ModernGov's: expected {wanted}, found <{name}>",
            "check that the address is the council's ModernGov site",
        )
    return root


def local(tag: str) -> str:
    """An element's name without its namespace, in lower case (ModernGov's are, and some proxies add one)."""
    return tag.rsplit("}", 1)[-1].lower()


def child(element: Element, *names: str) -> Element | None:
    """The first child named any of ``names`` (without namespace, any case)."""
    wanted = {name.lower() for name in names}
    for item in element:
        if local(item.tag) in wanted:
            return item
    return None


def children(element: Element, name: str) -> list[Element]:
    return [item for item in element if local(item.tag) == name.lower()]


def descendants(element: Element, name: str) -> list[Element]:
    return [item for item in element.iter() if local(item.tag) == name.lower()]


def text_of(element: Element, *names: str) -> str:
    """The plain text of the first child named any of ``names``; empty if there is none."""
    found = child(element, *names)
    return plain(found.text or "") if found is not None else ""


def flag(element: Element, *names: str) -> bool | None:
    """A True/False child as a boolean; None where it is absent or says neither."""
    value = text_of(element, *names).lower()
    return True if value in ("true", "1", "yes") else False if value in ("false", "0", "no") else None


def plain(text: str) -> str:
    """Text as the council wrote it: the second layer of escaping undone, runs of white space made one space."""
    return " ".join(html.unescape(text).split())


class _Text(HTMLParser):
    _BREAKS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The words of a fragment of HTML (minutes, say), a paragraph a line; nothing in it is run or followed."""
    reader = _Text()
    reader.feed(html.unescape(markup) if "&lt;" in markup else markup)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _parse_message(error: Exception) -> str:
    return str(error).split(":", 1)[0]
