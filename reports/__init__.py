"""Renderers: findings into text, Markdown, JSON, SARIF, JUnit and the other formats.

Importing this package registers every format in ``RENDERERS``. Reports read
``Assessment`` objects only; they never re-evaluate anything.
"""

from govcheck.reports import json_report, junit, markdown, sarif, text
from govcheck.reports.registry import RENDERERS, Renderer, RenderOptions, format_for_extension

__all__ = [
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "format_for_extension",
    "json_report",
    "junit",
    "markdown",
    "sarif",
    "text",
]
