"""The facts a ``missing_evidence`` finding needs, as each report shows them: the keys, and YAML to paste.

Every human format shows the same two things under a finding that lacks evidence:
the keys as a facts file writes them, and a snippet from the top of a facts file
with a placeholder for each value. Formats call here rather than each wording it.
"""

from __future__ import annotations

from collections.abc import Callable

from govcheck.engine.core.results import FactsNeeded, Finding
from govcheck.engine.core.status import Status

HEADING = "Facts needed"
# Said once under the keys: the snippet is the shape to fill in, not a list of new entries.
HOW = "Add to the facts file (into entries already there), with the values found:"


def needed(finding: Finding) -> FactsNeeded | None:
    """What the finding needs written, if it lacks evidence (waived or decided findings need nothing)."""
    return finding.facts_needed if finding.status is Status.MISSING_EVIDENCE else None


def keys_words(facts: FactsNeeded) -> str:
    return ", ".join(facts.keys)


def snippet_lines(facts: FactsNeeded) -> list[str]:
    return facts.snippet.rstrip("\n").split("\n")


def text_lines(finding: Finding, indent: int, wrap: Callable[[str, int, int], list[str]]) -> list[str]:
    """The terminal's lines: the keys and what to do, wrapped by ``wrap``, then the snippet as it is."""
    facts = needed(finding)
    if facts is None:
        return []
    pad = " " * (indent + 4)
    return [
        *wrap(f"{HEADING}: {keys_words(facts)}", indent, indent + 2),
        *wrap(HOW, indent + 2, indent + 2),
        *(f"{pad}{line}" for line in snippet_lines(facts)),
    ]


def markdown_lines(finding: Finding) -> list[str]:
    """Markdown: the keys as code, then the snippet as a YAML code block."""
    facts = needed(finding)
    if facts is None:
        return []
    keys = ", ".join(f"`{key}`" for key in facts.keys)
    fence = "````" if "```" in facts.snippet else "```"
    return [f"**{HEADING}:** {keys}.", "", HOW, "", f"{fence}yaml", *snippet_lines(facts), fence, ""]


def csv_cell(finding: Finding) -> str:
    """One CSV cell: the snippet, which names every key in its place."""
    facts = needed(finding)
    return facts.snippet.rstrip("\n") if facts is not None else ""
