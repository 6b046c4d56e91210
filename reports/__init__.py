"""Renderers: findings into text, Markdown, HTML, CSV, JSON, SARIF, JUnit, the matrix and the improvement plan;
diffs, edition comparisons, trends and rule lists into text, JSON and HTML.

Each format is a function registered in its own module with ``@renderer`` or
``@streaming_renderer`` (reports/registry.py), which declares its name and file extensions.
``MODULES`` says only which module registers each subject's formats, so that a run imports
just the module of the format it writes: loading them all takes longer than evaluating a LEP.
``tests/reports/test_registry.py`` checks ``MODULES`` against what the modules register.
Reports read results only; they never re-evaluate anything.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govcheck.reports import registry
from govcheck.reports.registry import Renderer, RenderOptions, Subject

if TYPE_CHECKING:
    RENDERERS: dict[str, Renderer]

# Subject -> format -> the module of govcheck.reports that registers it.
MODULES: dict[Subject, dict[str, str]] = {
    Subject.ASSESSMENTS: {
        "text": "text",
        "markdown": "markdown",
        "html": "html",
        "csv": "csv_report",
        "json": "json_report",
        "sarif": "sarif",
        "junit": "junit",
        "matrix": "matrix",
        "matrix-markdown": "matrix",
        "matrix-html": "html",
        "matrix-csv": "matrix",
        "plan": "plan_formats",
        "plan-html": "html",
        "plan-csv": "plan_formats",
        "concise": "concise",
    },
    Subject.RESULTS_DIFF: {"text": "results_diff", "json": "results_diff"},
    Subject.EDITION_DIFF: {"text": "edition_diff", "json": "edition_diff"},
    Subject.TREND: {"text": "trend_text", "json": "trend_text", "html": "trend_html"},
    Subject.RULE_LIST: {"text": "rule_list", "json": "rule_list"},
    Subject.REPLAY: {"text": "replay_text"},
}
# Subject -> format -> the file extensions its renderer declares, known without importing it: telling
# an output's format from its name (`-o report.txt`) then imports no renderer but the one chosen.
# tests/reports/test_registry.py holds these to what the renderers declare.
_TEXT, _JSON, _HTML = (".txt",), (".json",), (".html", ".htm")
EXTENSIONS: dict[Subject, dict[str, tuple[str, ...]]] = {
    Subject.ASSESSMENTS: {
        "text": _TEXT,
        "markdown": (".md", ".markdown"),
        "html": _HTML,
        "csv": (".csv",),
        "json": _JSON,
        "sarif": (".sarif", ".sarif.json"),
        "junit": (".xml", ".junit.xml"),
        "matrix": (".matrix.txt",),
        "matrix-markdown": (".matrix.md",),
        "matrix-html": (".matrix.html",),
        "matrix-csv": (".matrix.csv",),
        "plan": (".plan.md",),
        "plan-html": (".plan.html",),
        "plan-csv": (".plan.csv",),
        "concise": (),  # a terminal's format: named with --format, never chosen by a file's extension
    },
    Subject.RESULTS_DIFF: {"text": _TEXT, "json": _JSON},
    Subject.EDITION_DIFF: {"text": _TEXT, "json": _JSON},
    Subject.TREND: {"text": _TEXT, "json": _JSON, "html": _HTML},
    Subject.RULE_LIST: {"text": _TEXT, "json": _JSON},
    Subject.REPLAY: {"text": _TEXT},
}
FORMATS = tuple(MODULES[Subject.ASSESSMENTS])  # the formats of govcheck check, in the order help lists them


def formats(subject: Subject = Subject.ASSESSMENTS) -> tuple[str, ...]:
    """The names of the formats a report on ``subject`` can be written in."""
    return tuple(MODULES[subject])


def renderer_for(name: str, subject: Subject = Subject.ASSESSMENTS) -> Renderer:
    """The renderer of format ``name`` for ``subject``, its module imported now if it was not before."""
    importlib.import_module(f"govcheck.reports.{MODULES[subject][name]}")
    return registry.REGISTRY[(subject, name)]


def render(subject: Subject, name: str, value: Any, options: RenderOptions | None = None) -> str:
    """``value`` (a diff, a trend, ...) as a report of format ``name``."""
    return renderer_for(name, subject).render(value, options or RenderOptions())


def all_renderers(subject: Subject = Subject.ASSESSMENTS) -> dict[str, Renderer]:
    """Every format's renderer for ``subject``, by name."""
    return {name: renderer_for(name, subject) for name in MODULES[subject]}


def format_for_extension(filename: str, subject: Subject = Subject.ASSESSMENTS) -> str | None:
    """The format whose extension ``filename`` ends with (the longest match wins), as its renderer declares."""
    matches = [
        (len(ext), name)
        for name, found in EXTENSIONS[subject].items()
        for ext in found
        if filename.lower().endswith(ext)
    ]
    return max(matches)[1] if matches else None


def extensions(subject: Subject = Subject.ASSESSMENTS) -> list[str]:
    return sorted({ext for found in EXTENSIONS[subject].values() for ext in found})


def __getattr__(name: str) -> dict[str, Renderer]:
    if name == "RENDERERS":
        return all_renderers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MODULES",
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "Subject",
    "all_renderers",
    "extensions",
    "format_for_extension",
    "formats",
    "render",
    "renderer_for",
]
