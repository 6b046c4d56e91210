"""``govcheck trend``: several saved results, per LEP, as gaps opened, closed and counted over time."""

from __future__ import annotations

import click

from govcheck.cli.common import reports_input_errors
from govcheck.reports import Subject, formats


@click.command()
@click.argument("results", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "format_",
    type=click.Choice(formats(Subject.TREND)),
    help="text (default), json, or html: one page with a chart. Default: from --output's extension.",
)
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output (- is standard output).")
@reports_input_errors
def trend(results: tuple[str, ...], format_: str | None, output: str | None) -> None:
    """Show, per LEP, gaps opened and closed between the assessments in RESULTS (JSON results of
    several dates), how long each closed gap stayed open, and the gaps by topic over time."""
    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import write_atomic
    from govcheck.engine.history.trend import history
    from govcheck.reports import format_for_extension, render
    from govcheck.reports.json_reader import read_result

    read = FilesRead()
    read.add_all(results, "result")
    if output:
        read.refuse(output)  # before any result is read: govcheck never writes over what it reads
    saved = [read_result(path) for path in results]
    histories = history((result.file, assessment) for result in saved for assessment in result.assessments)
    if not histories:
        raise click.UsageError("the results hold no assessments")
    chosen = format_ or (output and format_for_extension(output, Subject.TREND)) or "text"
    text = render(Subject.TREND, chosen, histories)
    if output:
        write_atomic(output, text, read)
    else:
        click.echo(text, nl=False)
