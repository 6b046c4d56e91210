"""Whether a replayed result gave the same verdicts, and if not, what differs and which input changed."""

from __future__ import annotations

from govcheck.engine.history.replay import Replay
from govcheck.reports.registry import RenderOptions, Subject, renderer


@renderer("text", ".txt", subject=Subject.REPLAY)
def render_text(replay: Replay, options: RenderOptions | None = None) -> str:
    """Verdicts identical or not; the verdicts that differ; the inputs that changed since."""
    dates = ", ".join(sorted({day.isoformat() for day in replay.dates}))
    if replay.identical:
        lines = [f"replay of {replay.file}: verdicts identical for {replay.lep_count} LEP(s) at {dates}"]
    else:
        lines = [f"replay of {replay.file}: verdicts differ at {dates}"]
        lines += [f"  {line}" for line in replay.differences]
    if replay.changed_inputs:
        lines += ["inputs changed since:", *(f"  {line}" for line in replay.changed_inputs)]
    elif not replay.identical:
        lines.append("no input changed: the difference comes from govcheck itself")
    return "\n".join(lines) + "\n"
