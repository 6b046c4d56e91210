"""The trend of several results as text and as JSON: gaps opened and closed, time open, gaps by topic."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from govcheck.engine.history.baseline import Gap
from govcheck.engine.history.trend import Episode, LepHistory
from govcheck.reports.registry import RenderOptions, Subject, renderer


def _since(episode: Episode) -> str:
    return f"{episode.opened_on.isoformat()}{' or earlier' if episode.open_at_first else ''}"


def _gap_line(word: str, gap: Gap) -> str:
    return f"    {word:<7} {gap.status.value:<16} {gap.key.rule_id}" + (f" [{gap.key.item}]" if gap.key.item else "")


@renderer("text", ".txt", subject=Subject.TREND)
def render_text(histories: Sequence[LepHistory], options: RenderOptions | None = None) -> str:
    """Per LEP: gaps opened and closed at each step, how long closed gaps stayed open, gaps by topic."""
    lines: list[str] = []
    for lep in histories:
        if lines:
            lines.append("")
        span = f"{lep.dates[0].isoformat()} to {lep.dates[-1].isoformat()}"
        lines.append(f"{lep.name} ({lep.lep}): {len(lep.dates)} assessments, {span}")
        lines.append("  Gaps: " + " -> ".join(str(n) for n in lep.gap_counts))
        for step in lep.steps:
            lines.append("")
            lines.append(
                f"  {step.before.isoformat()} -> {step.after.isoformat()}: "
                f"{len(step.opened)} opened, {len(step.closed)} closed"
            )
            lines += [_gap_line("opened", gap) for gap in step.opened]
            lines += [_gap_line("closed", gap) for gap in step.closed]
        if lep.closed:
            lines += ["", "  Closed gaps, and how long each stayed open:"]
            for e in sorted(lep.closed, key=lambda e: (-e.days_open(lep.dates[-1]), e.key)):
                closed = e.closed_on.isoformat() if e.closed_on else ""
                lines.append(
                    f"    {e.days_open(lep.dates[-1]):>5} days  {e.key.rule_id}"
                    + (f" [{e.key.item}]" if e.key.item else "")
                    + f"  (opened {_since(e)}, closed {closed})"
                )
        if lep.still_open:
            lines += ["", f"  Still open at {lep.dates[-1].isoformat()}: {len(lep.still_open)}"]
            for e in lep.still_open:
                lines.append(
                    f"    {e.days_open(lep.dates[-1]):>5} days  {e.key.rule_id}"
                    + (f" [{e.key.item}]" if e.key.item else "")
                    + f"  (open since {_since(e)})"
                )
        lines += ["", "  Rules with a gap, by topic:"]
        width = max([len(title) for _, title in lep.topics] + [5])
        lines.append("    " + "topic".ljust(width) + "".join(f"  {d.isoformat()}" for d in lep.dates))
        for topic, title in lep.topics:
            counts = lep.gaps_by_topic[topic]
            lines.append("    " + title.ljust(width) + "".join(f"  {n:>10}" for n in counts))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _episode(e: Episode, last: dt.date) -> dict[str, Any]:
    return {
        "lep": e.key.lep,
        "rule_id": e.key.rule_id,
        "item": e.key.item,
        "title": e.title,
        "opened_on": e.opened_on.isoformat(),
        "open_at_first_assessment": e.open_at_first,
        "closed_on": e.closed_on.isoformat() if e.closed_on else None,
        "days_open": e.days_open(last),
    }


def _gap(gap: Gap) -> dict[str, Any]:
    return {"rule_id": gap.key.rule_id, "item": gap.key.item, "status": gap.status.value, "severity": gap.severity}


@renderer("json", ".json", subject=Subject.TREND)
def render_json(histories: Sequence[LepHistory], options: RenderOptions | None = None) -> str:
    """The trend as JSON: per LEP, its dates, gap counts, steps, episodes and gaps by topic."""
    document = [
        {
            "lep": lep.lep,
            "name": lep.name,
            "dates": [d.isoformat() for d in lep.dates],
            "gap_counts": list(lep.gap_counts),
            "steps": [
                {
                    "from": s.before.isoformat(),
                    "to": s.after.isoformat(),
                    "opened": [_gap(g) for g in s.opened],
                    "closed": [_gap(g) for g in s.closed],
                }
                for s in lep.steps
            ],
            "episodes": [_episode(e, lep.dates[-1]) for e in lep.episodes],
            "gaps_by_topic": [
                {"topic": topic, "title": title, "counts": list(lep.gaps_by_topic[topic])}
                for topic, title in lep.topics
            ],
        }
        for lep in histories
    ]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
