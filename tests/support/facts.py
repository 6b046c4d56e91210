"""Where the checkout is, and facts built from a few lines of YAML."""

from __future__ import annotations

import textwrap
from pathlib import Path

from govcheck.engine.facts.loader import FactsFile, parse_facts

REPO = Path(__file__).resolve().parents[2]


def facts_from(yaml_text: str, name: str = "test.yaml") -> FactsFile:
    """A facts file from YAML text; format_version and organisation are filled in when absent."""
    text = textwrap.dedent(yaml_text)
    if "format_version" not in text:
        text = "format_version: 2\n" + text
    if "organisation:" not in text:
        text += "\norganisation: {id: test-lep, name: Test LEP}\n"
    return parse_facts(text, name)
