"""Renderers: findings into text, Markdown, HTML, CSV, JSON, SARIF, JUnit, the matrix and the improvement plan.

Each format is a function registered in its own module with ``@renderer`` or
``@streaming_renderer`` (reports/registry.py). ``FORMATS`` says which module holds each
format and which file extensions name it, so that a run imports only the module of the
format it writes: loading them all takes longer than evaluating a LEP. ``RENDERERS``
imports them all. ``tests/test_formats.py`` checks ``FORMATS`` against what the modules
register. Reports read ``Assessment`` objects only; they never re-evaluate anything.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from govcheck.reports import registry
from govcheck.reports.registry import Renderer, RenderOptions

if TYPE_CHECKING:
    RENDERERS: dict[str, Renderer]

# Format: (module in govcheck.reports, file extensions that name it).
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("text", (".txt",)),
    "markdown": ("markdown", (".md", ".markdown")),
    "html": ("html", (".html", ".htm")),
    "csv": ("csv_report", (".csv",)),
    "json": ("json_report", (".json",)),
    "sarif": ("sarif", (".sarif", ".sarif.json")),
    "junit": ("junit", (".xml", ".junit.xml")),
    "matrix": ("matrix", (".matrix.txt",)),
    "matrix-markdown": ("matrix", (".matrix.md",)),
    "matrix-html": ("html", (".matrix.html",)),
    "matrix-csv": ("matrix", (".matrix.csv",)),
    "plan": ("plan_formats", (".plan.md",)),
    "plan-html": ("html", (".plan.html",)),
    "plan-csv": ("plan_formats", (".plan.csv",)),
}


def renderer_for(name: str) -> Renderer:
    """The renderer of format ``name``, its module imported now if it was not before."""
    importlib.import_module(f"govcheck.reports.{FORMATS[name][0]}")
    return registry.RENDERERS[name]


def all_renderers() -> dict[str, Renderer]:
    """Every format's renderer, by name."""
    for module, _ in FORMATS.values():
        importlib.import_module(f"govcheck.reports.{module}")
    return registry.RENDERERS


def format_for_extension(filename: str) -> str | None:
    """The format whose extension ``filename`` ends with (the longest match wins)."""
    matches = [
        (len(ext), name) for name, (_, extensions) in FORMATS.items() for ext in extensions if filename.endswith(ext)
    ]
    return max(matches)[1] if matches else None


def __getattr__(name: str) -> dict[str, Renderer]:
    if name == "RENDERERS":
        return all_renderers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "RENDERERS", "RenderOptions", "Renderer", "all_renderers", "format_for_extension", "renderer_for"]
