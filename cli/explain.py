"""``govcheck explain``: how the verdict on one rule for one LEP was reached, step by step."""

from __future__ import annotations

import datetime as dt

import click

from govcheck.cli.common import parse_date, reports_input_errors


@click.command()
@click.argument("rule_id")
@click.argument("facts", type=click.Path(path_type=str))
@click.option(
    "--as-of",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Assess at this date instead of the facts file's own as_of.",
)
@click.option("--pack", metavar="ID|DIR", help="Rule pack to use (default: the one in force on the date).")
@reports_input_errors
def explain(rule_id: str, facts: str, as_of: dt.date | None, pack: str | None) -> None:
    """Show how the verdict on RULE_ID for the LEP in FACTS was reached.

    Prints the check tree with each step's outcome, the values compared, the facts
    read (file:line) and, for working-day deadlines, each day counted or skipped and why.
    """
    from govcheck.engine.assess.assessor import Assessor
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.core.suggest import did_you_mean
    from govcheck.reports.explain import explain as explain_finding

    assessment = Assessor(pack, as_of).assess(facts)
    finding = next((f for f in assessment.findings if f.rule_id == rule_id), None)
    if finding is None:
        known = [f.rule_id for f in assessment.findings]
        raise InputError.single(
            assessment.pack.id,
            f"has no rule {rule_id!r}{did_you_mean(rule_id, known)}",
            hint="`govcheck rules list` shows the rules",
        )
    click.echo(explain_finding(assessment, finding), nl=False)
