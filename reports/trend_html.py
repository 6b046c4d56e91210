"""The trend as one self-contained HTML page: an inline SVG chart of gaps by topic over time, and tables.

No script, no stylesheet or font from the network: the page reads the same offline,
in a browser or printed. Every value from a result is autoescaped by the template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from govcheck.engine.history.trend import LepHistory
from govcheck.reports.registry import RenderOptions, Subject, renderer

# Okabe-Ito colours: told apart by readers with colour-blindness, and in greyscale by their markers.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
MARKERS = ("circle", "square", "diamond", "triangle")
# Lines at the same count overlap; a dash pattern per topic keeps each one visible.
DASHES = ("", "7 4", "2 3", "9 3 2 3", "14 4", "4 2 1 2 1 2")
WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 16, 48


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    date: str
    count: int


@dataclass(frozen=True)
class Series:
    title: str
    colour: str
    marker: str
    dash: str
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Axis:
    ticks: tuple[tuple[float, str], ...]  # (position, label)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    bottom: float
    right: float
    series: tuple[Series, ...]
    x_axis: Axis
    y_axis: Axis


def _x_positions(dates: Sequence[dt.date]) -> list[float]:
    """Dates placed by elapsed time, so uneven gaps between assessments look uneven."""
    span = WIDTH - LEFT - RIGHT
    if len(dates) == 1:
        return [LEFT + span / 2]
    first, total = dates[0], (dates[-1] - dates[0]).days
    return [LEFT + span * (d - first).days / total for d in dates]


def chart(history: LepHistory) -> Chart:
    peak = max([1, *(n for counts in history.gaps_by_topic.values() for n in counts)])
    plot = HEIGHT - TOP - BOTTOM
    xs = _x_positions(history.dates)

    def y_of(count: int) -> float:
        return TOP + plot * (1 - count / peak)

    series = tuple(
        Series(
            title,
            PALETTE[index % len(PALETTE)],
            MARKERS[index % len(MARKERS)],
            DASHES[index % len(DASHES)],
            tuple(
                Point(x, y_of(n), d.isoformat(), n)
                for x, d, n in zip(xs, history.dates, history.gaps_by_topic[topic], strict=True)
            ),
        )
        for index, (topic, title) in enumerate(history.topics)
    )
    step = max(1, -(-peak // 5))  # at most about five gridlines, at whole numbers
    y_ticks = tuple((y_of(n), str(n)) for n in range(0, peak + 1, step))
    x_ticks = tuple((x, d.isoformat()) for x, d in zip(xs, history.dates, strict=True))
    return Chart(WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, series, Axis(x_ticks), Axis(y_ticks))


@renderer("html", ".html", ".htm", subject=Subject.TREND)
def render_html(histories: Sequence[LepHistory], options: RenderOptions | None = None) -> str:
    """One self-contained page: per LEP, a chart of gaps over time and what opened and closed."""
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = environment.get_template("trend.html.j2")
    return template.render(histories=[(h, chart(h)) for h in histories])
