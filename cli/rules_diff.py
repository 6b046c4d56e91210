"""``govcheck rules diff OLD NEW [FACTS...]``: what changed between two editions, and whose verdicts move."""

from __future__ import annotations

import datetime as dt
import sys

import click

from govcheck.cli.common import EXIT_INPUT, EXIT_OK, echo_problems, parse_date, reports_input_errors
from govcheck.reports import Subject, formats


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.argument("facts", nargs=-1, type=click.Path(path_type=str))
@click.option("--as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Assess at this date instead of each as_of.")
@click.option(
    "--format", "format_", type=click.Choice(formats(Subject.EDITION_DIFF)), default="text", show_default=True
)
@reports_input_errors
def diff(old: str, new: str, facts: tuple[str, ...], as_of: dt.date | None, format_: str) -> None:
    """Compare two rule packs (ids or folders): rules added, retired and changed.

    Given FACTS files (or folders of them), assess each under both packs and list the
    findings whose status differs.
    """
    from govcheck.engine.assess.assessor import facts_paths
    from govcheck.engine.assess.edition_diff import compare_editions
    from govcheck.reports import render

    comparison = compare_editions(old, new, facts_paths(facts), as_of)
    for error in comparison.broken:  # one broken file never hides the others
        echo_problems(error)
    click.echo(render(Subject.EDITION_DIFF, format_, comparison), nl=False)
    sys.exit(EXIT_INPUT if comparison.broken else EXIT_OK)
