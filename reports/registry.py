"""The registry of output formats: one renderer per format, chosen by name, never by if/elif."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from govcheck.engine.results import Assessment


@dataclass(frozen=True)
class RenderOptions:
    """What a reader asked of a report besides its format."""

    fail_on: str = "low"
    # "fail": missing evidence is a failure like any gap; "warn": reported, but machine formats
    # (JUnit, SARIF) show it as a warning and it does not fail the build.
    missing_evidence: str = "fail"


Render = Callable[[Sequence[Assessment], RenderOptions], str]


@dataclass(frozen=True)
class Renderer:
    name: str
    render: Render
    extensions: tuple[str, ...]
    summary: str


RENDERERS: dict[str, Renderer] = {}


def renderer(name: str, *extensions: str) -> Callable[[Render], Render]:
    """Register a renderer for format ``name``, written to files with any of ``extensions``."""

    def register(function: Render) -> Render:
        if name in RENDERERS:
            raise ValueError(f"format {name!r} is registered twice")
        summary = (function.__doc__ or "").strip().splitlines()[0]
        RENDERERS[name] = Renderer(name, function, extensions, summary)
        return function

    return register


def format_for_extension(filename: str) -> str | None:
    """The format whose extension ``filename`` ends with (the longest match wins)."""
    matches = [(len(ext), r.name) for r in RENDERERS.values() for ext in r.extensions if filename.endswith(ext)]
    return max(matches)[1] if matches else None
