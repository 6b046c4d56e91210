"""The annotated facts file that ``govcheck init`` writes."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib.resources import files


def slug_for(name: str) -> str:
    """A LEP's name as an id and file name: "Example LEP" -> "example-lep"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "lep"


def facts_template(name: str, as_of: dt.date) -> str:
    """A facts file for the LEP ``name``, valid as it stands: every section present, with a worked example of each
    commented out (every key a rule reads), and how to point an editor at the schema."""
    slug = slug_for(name)
    text = (files("govcheck.engine.facts") / "facts-template.yaml").read_text(encoding="utf-8")
    # json.dumps quotes the name safely for YAML (JSON strings are YAML strings).
    values = {
        "{name}": json.dumps(name, ensure_ascii=False),
        "{slug}": slug,
        "{board_name}": json.dumps(f"{name} Board", ensure_ascii=False),
        "{as_of}": as_of.isoformat(),
        "{filename}": f"{slug}.yaml",
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
