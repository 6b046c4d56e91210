"""``govcheck diff``: what changed between two saved results."""

from __future__ import annotations

import sys

import click

from govcheck.cli.common import EXIT_GAPS, EXIT_OK, reports_input_errors
from govcheck.engine.core.status import FAIL_ON_CHOICES
from govcheck.reports import Subject, formats


@click.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option(
    "--format", "format_", type=click.Choice(formats(Subject.RESULTS_DIFF)), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="low",
    show_default=True,
    help="Exit 1 when a new or worse gap of this severity or higher is found.",
)
@reports_input_errors
def diff(old: str, new: str, format_: str, fail_on: str) -> None:
    """Compare two JSON results: gaps new, fixed, persisting and changed in status.

    Gaps are matched by LEP, rule and item, never by line. Exits 1 when NEW has a gap
    that OLD did not, or a gap in a worse status (met < missing_evidence < partial < not_met).
    """
    from govcheck.engine.history.baseline import diff as compare
    from govcheck.reports import render
    from govcheck.reports.json_reader import read_result

    before, after = read_result(old), read_result(new)
    result = compare(before.assessments, after.assessments)
    click.echo(render(Subject.RESULTS_DIFF, format_, result), nl=False)
    sys.exit(EXIT_GAPS if result.failures(fail_on) else EXIT_OK)
