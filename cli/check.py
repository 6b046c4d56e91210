"""``govcheck check``: assess facts files and write the gap report."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from govcheck.cli.main import EXIT_GAPS, EXIT_INPUT, EXIT_OK, echo_problems, reports_input_errors

FORMATS = ("text", "markdown", "json")
SEVERITY_CHOICES = ("high", "medium", "low", "never")


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-03-31") from None


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
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="Report format: text, markdown or json (see `govcheck formats`).",
)
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default="low",
    show_default=True,
    help="Exit 1 when a gap of this severity or higher is found; never: always exit 0.",
)
@reports_input_errors
def check(
    paths: tuple[str, ...], as_of: dt.date | None, pack: str | None, format_: str, output: str | None, fail_on: str
) -> None:
    """Assess facts files (or folders of them) and report every requirement met or not.

    With no PATHS, assesses the example frameworks bundled with govcheck.
    """
    from govcheck.cli.output import refuse_inputs, write_atomic
    from govcheck.engine.api import Assessor, bundled_frameworks, facts_paths
    from govcheck.engine.errors import InputError
    from govcheck.reports import RENDERERS, RenderOptions

    if format_ not in RENDERERS:
        raise click.BadParameter(f"unknown format {format_!r}; formats: {', '.join(RENDERERS)}", param_hint="--format")
    files = facts_paths(paths or [bundled_frameworks()])
    if not files:
        raise click.UsageError("no facts files found in the paths given")
    if output:
        pack_files = sorted(Path(pack).glob("*.yaml")) if pack and Path(pack).is_dir() else []
        refuse_inputs(output, [*files, *pack_files])
    assessor = Assessor(pack, as_of)
    if pack is not None:
        assessor.pack_for(dt.date.min)  # with --pack the date is not consulted: an unknown pack fails first
    assessments = []
    broken = False
    for path in files:
        try:
            assessments.append(assessor.assess(path))
        except InputError as error:  # one broken file never hides the others
            broken = True
            echo_problems(error)
    options = RenderOptions(fail_on=fail_on)
    if assessments:
        text = RENDERERS[format_].render(assessments, options)
        if output:
            write_atomic(output, text)
        else:
            click.echo(text, nl=False)
    if broken:
        sys.exit(EXIT_INPUT)
    gaps = [gap for assessment in assessments for gap in assessment.gaps(fail_on)]
    sys.exit(EXIT_GAPS if gaps else EXIT_OK)
