"""Renderers: findings into text, Markdown, HTML, CSV, JSON, SARIF, JUnit, the matrix and the improvement plan.

Importing this package registers every format in ``RENDERERS``. Reports read
``Assessment`` objects only; they never re-evaluate anything.
"""

from govcheck.reports import csv_report, html, json_report, junit, markdown, matrix, plan_formats, sarif, text
from govcheck.reports.registry import RENDERERS, Renderer, RenderOptions, format_for_extension

__all__ = [
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "csv_report",
    "format_for_extension",
    "html",
    "json_report",
    "junit",
    "markdown",
    "matrix",
    "plan_formats",
    "sarif",
    "text",
]
