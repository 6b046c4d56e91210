"""History: results from several dates, per LEP, as gaps opened, closed and counted by topic.

Gaps are matched across dates as baselines match them (LEP, rule, item). A gap is
*opened* at the first assessment that shows it and *closed* at the first later
assessment that does not; it stayed open the days between the two. (Assessments are
snapshots: a gap seen first on 31 March may have opened any day since the assessment
before, so durations are as the assessments saw them.) A gap already present at the
first assessment is marked as open since then or earlier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.history.baseline import Gap, GapKey, gaps_of


@dataclass(frozen=True)
class Episode:
    """One stretch of time a gap stayed open."""

    key: GapKey
    title: str
    opened_on: dt.date
    closed_on: dt.date | None  # None: still open at the last assessment
    open_at_first: bool  # already open at the first assessment: it may have opened earlier

    def days_open(self, last: dt.date) -> int:
        return ((self.closed_on or last) - self.opened_on).days


@dataclass(frozen=True)
class Step:
    """What changed between one assessment of a LEP and the next."""

    before: dt.date
    after: dt.date
    opened: tuple[Gap, ...]
    closed: tuple[Gap, ...]


@dataclass(frozen=True)
class LepHistory:
    lep: str
    name: str
    dates: tuple[dt.date, ...]
    steps: tuple[Step, ...]
    episodes: tuple[Episode, ...]
    topics: tuple[tuple[str, str], ...]  # (topic id, title), in first-seen order
    # For each topic, the number of rules with a gap at each date, in the order of ``dates``.
    gaps_by_topic: dict[str, tuple[int, ...]]
    gap_counts: tuple[int, ...]  # gaps (failing items, or rules with no items to name) at each date

    @property
    def closed(self) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.closed_on is not None)

    @property
    def still_open(self) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.closed_on is None)


def history(results: Iterable[tuple[str, Assessment]]) -> list[LepHistory]:
    """The history of each LEP in ``results`` (pairs of the result file and one of its assessments)."""
    by_lep: dict[str, dict[dt.date, tuple[str, Assessment]]] = {}
    for file, assessment in results:
        dates = by_lep.setdefault(assessment.organisation_id, {})
        if assessment.as_of in dates:
            other = dates[assessment.as_of][0]
            raise InputError.single(
                file,
                f"assesses {assessment.organisation_id} at {assessment.as_of}, as {other} does",
                hint="give one result per LEP and date",
            )
        dates[assessment.as_of] = (file, assessment)
    return [_lep_history([dates[d][1] for d in sorted(dates)]) for _, dates in sorted(by_lep.items())]


def _lep_history(assessments: list[Assessment]) -> LepHistory:
    dates = tuple(a.as_of for a in assessments)
    snapshots = [gaps_of([a]) for a in assessments]
    steps = []
    opened_on: dict[GapKey, tuple[dt.date, bool]] = dict.fromkeys(snapshots[0], (dates[0], True))
    episodes: list[Episode] = []
    for index in range(1, len(assessments)):
        before, after = snapshots[index - 1], snapshots[index]
        opened = tuple(after[k] for k in sorted(after.keys() - before.keys()))
        closed = tuple(before[k] for k in sorted(before.keys() - after.keys()))
        steps.append(Step(dates[index - 1], dates[index], opened, closed))
        for gap in closed:
            since, at_first = opened_on.pop(gap.key)
            episodes.append(Episode(gap.key, gap.title, since, dates[index], at_first))
        for gap in opened:
            opened_on[gap.key] = (dates[index], False)
    last = snapshots[-1]
    episodes += [Episode(key, last[key].title, since, None, at_first) for key, (since, at_first) in opened_on.items()]
    topics: dict[str, str] = {}
    for assessment in assessments:
        for finding in assessment.findings:
            topics.setdefault(finding.topic, finding.topic_title)
    by_topic = {
        topic: tuple(sum(f.is_gap and f.topic == topic for f in a.findings) for a in assessments) for topic in topics
    }
    return LepHistory(
        lep=assessments[-1].organisation_id,
        name=assessments[-1].organisation_name,
        dates=dates,
        steps=tuple(steps),
        episodes=tuple(sorted(episodes, key=lambda e: (e.opened_on, e.key))),
        topics=tuple(topics.items()),
        gaps_by_topic=by_topic,
        gap_counts=tuple(len(s) for s in snapshots),
    )
