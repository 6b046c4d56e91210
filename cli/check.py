"""``govcheck check``: assess facts files and write the gap report."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import click

from govcheck.cli.common import (
    EXIT_GAPS,
    EXIT_INPUT,
    EXIT_OK,
    echo_problems,
    exclude_option,
    facts_files,
    parse_date,
    reports_input_errors,
)
from govcheck.engine.core.status import FAIL_ON_CHOICES
from govcheck.reports import FORMATS

if TYPE_CHECKING:
    from govcheck.engine.core.results import Assessment
    from govcheck.reports import RenderOptions
    from govcheck.reports.json_reader import SavedResult
    from govcheck.reports.provenance import SignOff


def parse_sign_off(ctx: click.Context, param: click.Parameter, value: str | None) -> SignOff | None:
    from govcheck.reports.provenance import SignOff

    if value is None:
        return None
    try:
        return SignOff.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def bounded_jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    from govcheck.engine.assess.assessor import MAX_JOBS

    if value > MAX_JOBS:
        raise click.BadParameter(f"{value} is more than {MAX_JOBS}, the most processes govcheck runs at once")
    return value


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--as-of",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Assess at this date instead of each facts file's own as_of.",
)
@click.option("--pack", metavar="ID|DIR", help="Rule pack to use (default: the one in force on the date).")
@click.option(
    "--format",
    "format_",
    metavar="FORMAT",
    help=f"Report format (default text): {', '.join(FORMATS)}.",
)
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report to FILE, in the format its extension names (.json, .sarif, .xml, .md, .txt); "
    "repeatable; - is standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="low",
    show_default=True,
    help="Exit 1 when a gap of this severity or higher is found; never: always exit 0.",
)
@click.option(
    "--missing-evidence",
    type=click.Choice(["fail", "warn"]),
    default="fail",
    show_default=True,
    help="warn: missing evidence is reported (JUnit: skipped) but does not fail the build.",
)
@click.option("--waivers", "waivers_file", metavar="FILE", help="Apply the waivers in this YAML file.")
@click.option("--baseline", metavar="RESULT.json", help="Fail only on gaps new or worse since this saved JSON result.")
@click.option(
    "--replay",
    metavar="RESULT.json",
    help="Re-run a saved JSON result with its own edition and date; exit 1 if the verdicts differ.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    callback=bounded_jobs,
    default=1,
    show_default=True,
    metavar="N",
    help="Assess the files in N processes at once (at most one per file, and 128); the report is the same.",
)
@click.option(
    "--sign-off",
    callback=parse_sign_off,
    metavar='"NAME, ROLE"',
    help="End the text, Markdown and HTML reports with a sign-off block for this reviewer to sign and date.",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Write no report to standard output (files named with -o still are): only problems, a line of "
    "totals and, with --baseline, what changed.",
)
@exclude_option
@click.pass_context
@click.option("--pretty", is_flag=True, help="Indent the JSON report for people to read (default: compact).")
@reports_input_errors
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    as_of: dt.date | None,
    pack: str | None,
    format_: str | None,
    outputs: tuple[str, ...],
    fail_on: str,
    missing_evidence: str,
    waivers_file: str | None,
    baseline: str | None,
    replay: str | None,
    jobs: int,
    sign_off: SignOff | None,
    quiet: bool,
    exclude: tuple[str, ...],
    pretty: bool,
) -> None:
    """Assess facts files (or folders of them) and report every requirement met or not.

    With no PATHS, assesses the paths the project configuration names, or else the example
    frameworks bundled with govcheck.
    """
    from govcheck.cli import ci
    from govcheck.cli.config import configured_paths
    from govcheck.cli.inputs import FilesRead
    from govcheck.engine.assess.assessor import Assessor, bundled_frameworks
    from govcheck.engine.core.errors import InputError
    from govcheck.reports import RenderOptions, renderer_for

    planned = ci.plan_outputs(format_, outputs)
    if quiet:
        planned = [output for output in planned if output.path is not None]
    options = RenderOptions(fail_on=fail_on, missing_evidence=missing_evidence, sign_off=sign_off, pretty=pretty)
    read = FilesRead()  # govcheck never writes over what it reads, however it reached it
    if replay:
        given = [name for name in ("paths", "as_of", "pack", "waivers_file", "baseline") if _given(ctx, name)]
        if given:  # settings from the project configuration give way to the saved result's own
            raise click.UsageError("--replay takes its facts, date, pack and waivers from the saved result")
        saved = _saved_result(replay)
        read.add(replay, "replay")
        for assessment in saved.assessments:  # the facts, rule and waiver files the re-run will read
            read.add_assessment(assessment)
        ci.refuse_inputs(planned, read)
        sys.exit(ci.replay(saved, planned, options, read, report_to_stdout=ci.STANDARD_OUTPUT in outputs))
    saved_baseline = _saved_result(baseline) if baseline else None
    if baseline:
        read.add(baseline, "baseline")
    waivers = ci.load_waivers(waivers_file, pack)
    if waivers_file:
        read.add(waivers_file, "waivers")
    files = facts_files(paths or configured_paths(ctx) or [bundled_frameworks()], exclude)
    if not files:
        raise click.UsageError("no facts files found in the paths given")
    read.add_all(files, "facts")
    assessor = Assessor(pack, as_of, waivers)
    if pack is not None:
        # With --pack the date is not consulted: an unknown pack fails first, and its files are known.
        read.add_pack(assessor.pack_for(dt.date.min))
    ci.refuse_inputs(planned, read)
    broken = failing = False
    tally = ci.Tally()  # LEPs and gaps, for the line that tells of a report written to a file

    def assessed() -> Iterator[Assessment]:
        # Assessments are handed on as they arrive, so a report over many LEPs streams.
        nonlocal broken, failing
        for result in assessor.assess_many(files, jobs):
            if isinstance(result, InputError):  # one broken file never hides the others
                broken = True
                echo_problems(result)
            else:
                read.add_assessment(result)  # the pack in force on its date, read by whichever process
                failing = failing or ci.exit_code([result], fail_on, missing_evidence) != 0
                tally.add(result)
                yield result

    def parts(format_name: str) -> Iterator[Any]:
        # Each LEP's part of the report, made where it was assessed (by the workers, under --jobs).
        nonlocal broken, failing
        made = functools.partial(_part, format_name, options)
        for result in assessor.assess_many_then(files, made, jobs):
            if isinstance(result, InputError):
                broken = True
                echo_problems(result)
            else:
                read.add_assessment(result.assessment)
                failing = failing or result.failing
                tally.add_counts(result.gaps)
                yield result.part

    if len(planned) == 1 and saved_baseline is None and waivers is None:
        writer = renderer_for(planned[0].format)  # holds one LEP at a time
        if writer.parts is not None:
            join = writer.parts.join
            ci.stream_output(planned[0], parts(planned[0].format), lambda made: join(made, options), read, tally)
        else:
            ci.stream_output(planned[0], assessed(), lambda arrived: writer.stream(arrived, options), read, tally)
        assessments: list[Assessment] = []
    else:
        assessments = list(assessed())
        if assessments:
            ci.write_outputs(planned, assessments, options, read)
        ci.report_waivers(assessments, waivers)
    if quiet and not planned and not saved_baseline:  # a report written to a file was told already
        click.echo(str(tally), err=True)
    if broken:
        sys.exit(EXIT_INPUT)
    if saved_baseline:
        sys.exit(ci.baseline_exit(saved_baseline, assessments, fail_on, missing_evidence))
    sys.exit(EXIT_GAPS if failing else EXIT_OK)


def _given(ctx: click.Context, name: str) -> bool:
    """Whether the option (or argument) was given on the command line, not by default or configuration."""
    from click.core import ParameterSource

    return ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


@dataclass(frozen=True)
class _Reported:
    """One LEP's part of the report, with what the run needs to know of its assessment besides."""

    assessment: Assessment  # without its findings: the part holds what the report says of them
    failing: bool
    gaps: dict[str, int]  # by status, for the line that tells of the report written
    part: Any


def _part(format_name: str, options: RenderOptions, assessment: Assessment) -> _Reported:
    from govcheck.cli import ci
    from govcheck.reports import renderer_for

    parts = renderer_for(format_name).parts
    assert parts is not None, "only a renderer registered with @parts_renderer makes parts"
    failing = ci.exit_code([assessment], options.fail_on, options.missing_evidence) != 0
    gaps = ci.Tally.counts(assessment)
    return _Reported(replace(assessment, findings=()), failing, gaps, parts.part(assessment, options))


def _saved_result(path: str) -> SavedResult:
    # The reader of saved results (and the JSON report models it reads with) loads only when one is given.
    from govcheck.reports.json_reader import read_result

    return read_result(path)
