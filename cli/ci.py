"""What ``govcheck check`` does for CI: several outputs, waivers, baselines, replays and exit codes.

Kept apart from the command so its body stays a short list of steps.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from govcheck.cli.common import EXIT_GAPS, EXIT_OK

if TYPE_CHECKING:
    from govcheck.cli.inputs import FilesRead
    from govcheck.engine.assess.waivers import WaiverSet
    from govcheck.engine.core.results import Assessment, Finding, WaiverRecord
    from govcheck.reports.json_reader import SavedResult
    from govcheck.reports.registry import RenderOptions


STANDARD_OUTPUT = "-"


@dataclass(frozen=True)
class Output:
    format: str
    path: str | None  # None: standard output


def plan_outputs(format_: str | None, outputs: Sequence[str]) -> list[Output]:
    """Where each report goes and in which format.

    Each ``--output`` takes its format from its extension (``results.sarif``, ``report.xml``);
    ``--format`` names the format of standard output (``-o -``, or no ``--output`` at all), of
    an output whose extension names none, and of a single ``--output`` (so ``--format json -o
    out.txt`` writes JSON); a stream already open (``/dev/stdout``) is text unless ``--format``
    says otherwise. Two outputs naming one file are refused: the second would replace the first.
    """
    from govcheck.reports import FORMATS, extensions, format_for_extension

    if format_ is not None and format_ not in FORMATS:
        raise click.BadParameter(f"unknown format {format_!r}; formats: {', '.join(FORMATS)}", param_hint="--format")
    _refuse_repeats(outputs)
    if not outputs:
        return [Output(format_ or "text", None)]
    if len(outputs) == 1 and format_ is not None:
        return [Output(format_, None if outputs[0] == STANDARD_OUTPUT else outputs[0])]
    planned = []
    for path in outputs:
        if path == STANDARD_OUTPUT:
            planned.append(Output(format_ or "text", None))
            continue
        chosen = format_for_extension(path) or format_ or ("text" if _is_open_stream(path) else None)
        if chosen is None:
            raise click.BadParameter(
                f"cannot tell the format of {path!r} from its extension; use one of {', '.join(extensions())} "
                "or give --format",
                param_hint="--output",
            )
        planned.append(Output(chosen, path))
    return planned


def _is_open_stream(path: str) -> bool:
    from pathlib import Path

    from govcheck.cli.output import names_open_stream

    return names_open_stream(Path(path))  # /dev/stdout, /dev/fd/3: text unless --format says otherwise


def _refuse_repeats(outputs: Sequence[str]) -> None:
    import os

    seen: dict[str, str] = {}
    for path in outputs:
        same = path if path == STANDARD_OUTPUT else os.path.realpath(path)
        if same in seen:
            shown = "standard output (-)" if path == STANDARD_OUTPUT else repr(path)
            also = "" if seen[same] == path else f" (as {seen[same]!r})"
            raise click.BadParameter(f"{shown} is named twice{also}; name each output once", param_hint="--output")
        seen[same] = path


def refuse_inputs(planned: Sequence[Output], read: FilesRead) -> None:
    """An InputError if an output would overwrite a file the run reads; before any work is done."""
    for output in planned:
        if output.path is not None:
            read.refuse(output.path)


def write_outputs(
    planned: Sequence[Output], assessments: Sequence[Assessment], options: RenderOptions, read: FilesRead
) -> None:
    from govcheck.cli.output import write_atomic
    from govcheck.reports import renderer_for

    for output in planned:
        text = renderer_for(output.format).render(assessments, options)
        if output.path is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output.path, text, read)
            tell_written(output, assessments)


def stream_output(
    output: Output,
    arriving: Iterable[Any],
    pieces: Callable[[Iterable[Any]], Iterable[str]],
    read: FilesRead,
    tally: Tally,
) -> None:
    """Write one report, ``pieces`` of what is ``arriving`` (assessments, or each LEP's part of the report),
    as they arrive; nothing at all when none arrives (every file was broken). ``tally`` is counted by
    whoever hands the assessments on, and told once a file is written."""
    from govcheck.cli.output import write_atomic

    iterator = iter(arriving)
    first = next(iterator, None)
    if first is None:
        return
    written = pieces(itertools.chain([first], iterator))
    if output.path is None:
        for piece in written:
            click.echo(piece, nl=False)
    else:
        write_atomic(output.path, written, read)
        tell_written(output, tally)  # counted as the report was written


class Tally:
    """LEPs and gaps by status, counted as assessments pass on their way to a report."""

    def __init__(self, assessments: Iterable[Assessment] = ()) -> None:
        self.leps = 0
        self.gaps: dict[str, int] = {}
        for assessment in assessments:
            self.add(assessment)

    def add(self, assessment: Assessment) -> None:
        self.add_counts(self.counts(assessment))

    def add_counts(self, gaps: Mapping[str, int]) -> None:
        """One more LEP, with its gaps by status (counted where it was assessed, in a worker say)."""
        self.leps += 1
        for status, count in gaps.items():
            self.gaps[status] = self.gaps.get(status, 0) + count

    @staticmethod
    def counts(assessment: Assessment) -> dict[str, int]:
        found: dict[str, int] = {}
        for gap in assessment.gaps():
            found[gap.status.value] = found.get(gap.status.value, 0) + 1
        return found

    def __str__(self) -> str:
        total = sum(self.gaps.values())
        text = f"{self.leps} LEP{'' if self.leps == 1 else 's'}, {total} gap{'' if total == 1 else 's'}"
        if total:
            parts = [f"{count} {status.replace('_', ' ')}" for status, count in sorted(self.gaps.items())]
            text += f" ({', '.join(parts)})"
        return text


def tell_written(output: Output, assessments: Tally | Sequence[Assessment]) -> None:
    """One line on stderr for each report written to a file: where, in what format, and what it holds."""
    tally = assessments if isinstance(assessments, Tally) else Tally(assessments)
    click.echo(f"wrote {output.path} ({output.format}): {tally}", err=True)


def load_waivers(path: str | None, pack: str | None = None) -> WaiverSet | None:
    """The waivers in ``path``; an InputError for a rule id no edition (nor ``--pack``) has."""
    from govcheck.engine.assess.rule_ids import KnownRuleIds
    from govcheck.engine.assess.waivers import load_waivers as load
    from govcheck.engine.packs.loading import load_pack

    if not path:
        return None
    waivers = load(path)
    waivers.refuse_unknown_rules(KnownRuleIds(load_pack(pack) if pack else None))
    return waivers


def report_waivers(assessments: Sequence[Assessment], waivers: WaiverSet | None) -> None:
    """Tell, on standard error, of waivers that expired, matched nothing, or expire soon (at most
    MAX_PROBLEMS_SHOWN, then how many more); the reports give the same sentences."""
    from govcheck.engine.core.errors import MAX_PROBLEMS_SHOWN
    from govcheck.reports.waiver_notes import waiver_warning

    if waivers is None:
        return
    told = 0

    def warn(waiver: WaiverRecord, message: str) -> None:
        nonlocal told
        told += 1
        if told <= MAX_PROBLEMS_SHOWN:
            where = f"{waiver.file}:{waiver.line}" if waiver.line else waiver.file
            click.echo(f"{where}: {message}", err=True)

    for assessment in assessments:
        for state in assessment.waivers:
            message = waiver_warning(state, assessment.as_of)
            if message is not None:
                warn(state.waiver, message)
    assessed = {a.organisation_id for a in assessments}
    for waiver in waivers.waivers:
        if waiver.lep not in assessed:
            warn(waiver, f"warning: waiver of {waiver.rule_id} for {waiver.scope} matches no LEP assessed (unused)")
    if told > MAX_PROBLEMS_SHOWN:
        click.echo(f"{waivers.file}: and {told - MAX_PROBLEMS_SHOWN:,} more warnings and notes about waivers", err=True)


def counts(finding: Finding, missing_evidence: str) -> bool:
    """Whether a gap fails the build: missing evidence does not under ``--missing-evidence warn``."""
    from govcheck.engine.core.status import Status

    return not (missing_evidence == "warn" and finding.status is Status.MISSING_EVIDENCE)


def exit_code(assessments: Sequence[Assessment], fail_on: str, missing_evidence: str) -> int:
    failing = [gap for a in assessments for gap in a.gaps(fail_on) if counts(gap, missing_evidence)]
    return EXIT_GAPS if failing else EXIT_OK


def baseline_exit(baseline: SavedResult, assessments: Sequence[Assessment], fail_on: str, missing_evidence: str) -> int:
    """Compare with the baseline, say what changed on standard error, and fail only on new or worse gaps."""
    from govcheck.engine.core.status import Status
    from govcheck.engine.history.baseline import diff
    from govcheck.reports.results_diff import diff_lines

    result = diff(baseline.assessments, assessments)
    click.echo(f"against baseline {baseline.file}: " + "\n".join(diff_lines(result, verbose=False)), err=True)
    failing = [
        gap
        for gap in result.failures(fail_on)
        if not (missing_evidence == "warn" and gap.status is Status.MISSING_EVIDENCE)
    ]
    return EXIT_GAPS if failing else EXIT_OK


def replay(
    saved: SavedResult, planned: Sequence[Output], options: RenderOptions, read: FilesRead, *, report_to_stdout: bool
) -> int:
    """Re-run a saved result with its own editions, dates and waiver file; say whether verdicts match.

    The comparison goes to standard output; a report of the re-run is written only to ``--output``
    files, and to standard output with ``-o -``, when the comparison goes to standard error instead.
    """
    from govcheck.engine.history.replay import replay as rerun
    from govcheck.reports import Subject, render

    outcome, assessments = rerun(saved.assessments, saved.govcheck_version, saved.file)
    click.echo(render(Subject.REPLAY, "text", outcome), nl=False, err=report_to_stdout)
    for assessment in assessments:
        read.add_assessment(assessment)
    write_outputs([o for o in planned if o.path or report_to_stdout], assessments, options, read)
    return EXIT_OK if outcome.identical else EXIT_GAPS
