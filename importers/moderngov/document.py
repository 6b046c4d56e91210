"""A new facts file holding what a pull found, saying where it came from, read back before it is handed over."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.facts.model import FACTS_FORMAT_VERSION
from govcheck.engine.facts.template import slug_for


def body_entry(body_id: str, title: str, kind: str, page: str) -> dict[str, Any]:
    """The body whose meetings were read: its members are those met at its meetings, so the list may be partial."""
    return {
        "id": body_id,
        "name": title,
        "kind": kind,
        "is_membership_complete": False,
        "evidence": {"url": page, "note": "members as listed at its meetings on ModernGov"},
    }


def new_facts(
    *,
    organisation: str,
    as_of: dt.date,
    body: dict[str, Any],
    people: list[dict[str, Any]],
    meetings: list[dict[str, Any]],
    source: str,
    name: str,
) -> str:
    """The text of a facts file with the body, people and meetings read from ``source``."""
    data: dict[str, Any] = {
        "format_version": FACTS_FORMAT_VERSION,
        "as_of": as_of,
        "organisation": {"id": slug_for(organisation), "name": organisation},
        "bodies": [body],
        "people": people,
        "meetings": meetings,
    }
    header = (
        f"# Meetings of {body['name']}, read from the ModernGov web service at {source}.\n"
        "# What the service cannot tell (when papers and minutes were published) is left out:\n"
        "# add it from the documents each meeting's evidence names, and the rules will judge it.\n"
    )
    text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    parse_facts(text, name)  # what is written loads as a facts file, or nothing is written
    return text
