"""``govcheck trend``: several saved results, per LEP, as gaps opened, closed and counted over time."""

from __future__ import annotations

from pathlib import Path

import click

from govcheck.cli.common import reports_input_errors


@click.command()
@click.argument("results", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json", "html"]),
    help="text (default), json, or html: one page with a chart. Default: from --output's extension.",
)
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")
@reports_input_errors
def trend(results: tuple[str, ...], format_: str | None, output: str | None) -> None:
    """Show, per LEP, gaps opened and closed between the assessments in RESULTS (JSON results of
    several dates), how long each closed gap stayed open, and the gaps by topic over time."""
    from govcheck.cli.output import write_atomic
    from govcheck.engine.history.trend import history
    from govcheck.reports.json_reader import read_result
    from govcheck.reports.trend_html import render_html
    from govcheck.reports.trend_text import render_json, render_text

    saved = [read_result(path) for path in results]
    histories = history((result.file, assessment) for result in saved for assessment in result.assessments)
    if not histories:
        raise click.UsageError("the results hold no assessments")
    suffix = Path(output).suffix.lower() if output else ""
    chosen = format_ or {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "text")
    render = {"text": render_text, "json": render_json, "html": render_html}[chosen]
    text = render(histories)
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
