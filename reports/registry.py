"""The registry of output formats: one renderer per subject and format, chosen by name, never by if/elif.

A subject is what a report is about: the assessments of ``govcheck check``, the diff of two
saved results, the comparison of two editions, a trend, a pack's rule list. A renderer is
registered one of two ways:

- ``@renderer("csv", ".csv")`` on ``(value, options) -> str``: the whole report at once
  (for assessments, ``value`` is the list of every assessment);
- ``@streaming_renderer("text", ".txt")`` on a generator
  ``(assessments: Iterable[Assessment], options) -> Iterator[str]`` that reads the
  assessments one at a time and yields the report in pieces as it goes, so a
  report over thousands of LEPs never holds more than one of them. Totals that
  need every LEP are kept as running counts and written at the end;
- ``@parts_renderer("json", ".json", part=..., join=...)``: a streaming renderer whose report is
  each LEP's part, made on its own by ``part(assessment, options)``, then joined in order by
  ``join(parts, options)``. Under ``--jobs`` the worker processes make the parts, so the report
  costs the parent process only the joining; a part is whatever (picklable) value ``join`` reads.

Either way a ``Renderer`` offers both ``render`` (the report as one string) and
``stream`` (the report in pieces); ``govcheck check`` uses ``stream``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govcheck.engine.core.results import Assessment
from govcheck.reports.provenance import SignOff


class Subject(StrEnum):
    """What a report is about."""

    ASSESSMENTS = "assessments"  # govcheck check
    RESULTS_DIFF = "results-diff"  # govcheck diff, --baseline
    EDITION_DIFF = "edition-diff"  # govcheck rules diff
    TREND = "trend"  # govcheck trend
    RULE_LIST = "rule-list"  # govcheck rules list
    REPLAY = "replay"  # govcheck check --replay


@dataclass(frozen=True)
class RenderOptions:
    """What a reader asked of a report besides its format."""

    fail_on: str = "low"
    # "fail": missing evidence is a failure like any gap; "warn": reported, but machine formats
    # (JUnit, SARIF) show it as a warning and it does not fail the build.
    missing_evidence: str = "fail"
    # The reviewer the human formats print a sign-off block for (``--sign-off "Name, role"``).
    sign_off: SignOff | None = None
    pretty: bool = False  # machine formats indented for people to read (JSON)


Render = Callable[[Any, RenderOptions], str]
Stream = Callable[[Iterable[Assessment], RenderOptions], Iterator[str]]


@dataclass(frozen=True)
class Parts:
    """A report made LEP by LEP (``part``, anywhere: a worker process) and joined in order (``join``)."""

    part: Callable[[Assessment, RenderOptions], Any]
    join: Callable[[Iterable[Any], RenderOptions], Iterator[str]]


@dataclass(frozen=True)
class Renderer:
    name: str
    render: Render
    extensions: tuple[str, ...]
    summary: str
    streamer: Stream | None = None  # set for renderers registered with @streaming_renderer
    subject: Subject = Subject.ASSESSMENTS
    parts: Parts | None = None  # set for renderers registered with @parts_renderer

    def stream(self, assessments: Iterable[Assessment], options: RenderOptions) -> Iterator[str]:
        """The report in pieces: assessment by assessment where the renderer streams, else in one piece."""
        if self.streamer is not None:
            return self.streamer(assessments, options)
        return iter((self.render(list(assessments), options),))


REGISTRY: dict[tuple[Subject, str], Renderer] = {}
# The formats of the assessment reports, by name: what `govcheck check --format` offers.
RENDERERS: dict[str, Renderer] = {}


def _summary(function: Callable[..., object]) -> str:
    return (function.__doc__ or "").strip().splitlines()[0]


def _add(renderer: Renderer) -> None:
    key = (renderer.subject, renderer.name)
    if key in REGISTRY:
        raise ValueError(f"format {renderer.name!r} of {renderer.subject.value} is registered twice")
    REGISTRY[key] = renderer
    if renderer.subject is Subject.ASSESSMENTS:
        RENDERERS[renderer.name] = renderer


def renderer(name: str, *extensions: str, subject: Subject = Subject.ASSESSMENTS) -> Callable[[Render], Render]:
    """Register a renderer of ``subject`` for format ``name``, written to files with any of ``extensions``."""

    def register(function: Render) -> Render:
        _add(Renderer(name, function, extensions, _summary(function), subject=subject))
        return function

    return register


def streaming_renderer(name: str, *extensions: str) -> Callable[[Stream], Stream]:
    """Register an assessment renderer that yields its report in pieces, reading one assessment at a time."""

    def register(function: Stream) -> Stream:
        def whole(assessments: Sequence[Assessment], options: RenderOptions) -> str:
            return "".join(function(assessments, options))

        _add(Renderer(name, whole, extensions, _summary(function), function))
        return function

    return register


def parts_renderer(
    name: str, *extensions: str, part: Callable[[Assessment, RenderOptions], Any], join: Callable[..., Iterator[str]]
) -> Callable[[Stream], Stream]:
    """Register a streaming renderer that is ``join`` over ``part`` of each assessment, so others may make the parts."""

    def register(function: Stream) -> Stream:
        def whole(assessments: Sequence[Assessment], options: RenderOptions) -> str:
            return "".join(function(assessments, options))

        _add(Renderer(name, whole, extensions, _summary(function), function, parts=Parts(part, join)))
        return function

    return register
