"""The registry of output formats: one renderer per format, chosen by name, never by if/elif.

A renderer is registered one of two ways:

- ``@renderer("csv", ".csv")`` on ``(assessments: Sequence[Assessment], options) -> str``:
  the whole report at once, from the list of every assessment;
- ``@streaming_renderer("text", ".txt")`` on a generator
  ``(assessments: Iterable[Assessment], options) -> Iterator[str]`` that reads the
  assessments one at a time and yields the report in pieces as it goes, so a
  report over thousands of LEPs never holds more than one of them. Totals that
  need every LEP are kept as running counts and written at the end.

Either way a ``Renderer`` offers both ``render`` (the report as one string) and
``stream`` (the report in pieces); ``govcheck check`` uses ``stream``. A new format is
such a function plus its row in ``govcheck.reports.FORMATS`` (its module and extensions),
which lets a run import only the module of the format it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from govcheck.engine.core.results import Assessment


@dataclass(frozen=True)
class RenderOptions:
    """What a reader asked of a report besides its format."""

    fail_on: str = "low"
    # "fail": missing evidence is a failure like any gap; "warn": reported, but machine formats
    # (JUnit, SARIF) show it as a warning and it does not fail the build.
    missing_evidence: str = "fail"


Render = Callable[[Sequence[Assessment], RenderOptions], str]
Stream = Callable[[Iterable[Assessment], RenderOptions], Iterator[str]]


@dataclass(frozen=True)
class Renderer:
    name: str
    render: Render
    extensions: tuple[str, ...]
    summary: str
    streamer: Stream | None = None  # set for renderers registered with @streaming_renderer

    def stream(self, assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
        """The report in pieces: assessment by assessment where the renderer streams, else in one piece."""
        if self.streamer is not None:
            return self.streamer(assessments, options)
        return iter((self.render(list(assessments), options),))


RENDERERS: dict[str, Renderer] = {}


def _summary(function: Callable[..., object]) -> str:
    return (function.__doc__ or "").strip().splitlines()[0]


def _add(renderer: Renderer) -> None:
    if renderer.name in RENDERERS:
        raise ValueError(f"format {renderer.name!r} is registered twice")
    RENDERERS[renderer.name] = renderer


def renderer(name: str, *extensions: str) -> Callable[[Render], Render]:
    """Register a renderer for format ``name``, written to files with any of ``extensions``."""

    def register(function: Render) -> Render:
        _add(Renderer(name, function, extensions, _summary(function)))
        return function

    return register


def streaming_renderer(name: str, *extensions: str) -> Callable[[Stream], Stream]:
    """Register a renderer that yields its report in pieces, reading one assessment at a time."""

    def register(function: Stream) -> Stream:
        def whole(assessments: Sequence[Assessment], options: RenderOptions) -> str:
            return "".join(function(assessments, options))

        _add(Renderer(name, whole, extensions, _summary(function), function))
        return function

    return register
