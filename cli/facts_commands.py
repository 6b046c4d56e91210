"""``govcheck validate``, ``schema`` and ``init``: working with facts files."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from govcheck.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    echo_problems,
    exclude_option,
    facts_files,
    parse_date,
    reports_input_errors,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@exclude_option
@click.pass_context
@reports_input_errors
def validate(ctx: click.Context, paths: tuple[str, ...], exclude: tuple[str, ...]) -> None:
    """Check that facts files are well formed, without assessing them.

    With no PATHS, reads the paths the project configuration names.
    """
    from govcheck.cli.config import configured_paths
    from govcheck.engine.assess.organisations import OrganisationIds
    from govcheck.engine.assess.rule_ids import KnownRuleIds, plan_address_problems
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.loader import load_facts

    if not paths:
        paths = tuple(configured_paths(ctx))
        if not paths:
            raise click.UsageError("name the facts files or folders to validate (or set paths in .govcheck.yaml)")
    files = facts_files(paths, exclude)
    if not files:
        raise InputError.single(", ".join(paths), "holds no facts files (*.yaml or *.yml)")
    broken = False
    ids = OrganisationIds()  # files checked together are assessed together: one id per LEP
    known = KnownRuleIds()
    for path in files:
        try:
            facts_file = load_facts(path)
            clash = ids.claim(facts_file.facts.organisation.id, facts_file.path, facts_file.source)
            if clash is not None:
                raise clash
            misspelt = plan_address_problems(facts_file, known)  # rules of any edition, catalogue ids
            if misspelt:
                raise InputError(misspelt)
        except InputError as error:
            broken = True
            echo_problems(error)
        else:
            facts = facts_file.facts
            name = " ".join(facts.organisation.name.split())  # one line, whatever the name holds
            click.echo(f"ok: {path} ({name}, as of {facts.as_of.isoformat()})")
    sys.exit(EXIT_INPUT if broken else EXIT_OK)


@click.command()
@click.option("--report", is_flag=True, help="Print the JSON report's schema instead of the facts schema.")
def schema(report: bool) -> None:
    """Print the facts file schema as JSON Schema, for editors to complete and check facts files."""
    if report:
        from govcheck.reports.json_report import report_schema

        document = report_schema()
    else:
        from govcheck.engine.facts.schema import facts_schema

        document = facts_schema()
    click.echo(json.dumps(document, indent=2, sort_keys=True))


@click.command()
@click.argument("name")
@click.option(
    "--output", "-o", metavar="FILE", help="Where to write (default: NAME.yaml in this folder; - is standard output)."
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option(
    "--as-of",
    metavar="YYYY-MM-DD",
    callback=parse_date,
    help="The date the facts describe (default: today, or the last day an edition of the framework was in "
    "force, when every edition has ended).",
)
@click.option("--xlsx", is_flag=True, help="Write a workbook (NAME.xlsx) instead: a sheet per kind of fact.")
@reports_input_errors
def init(name: str, output: str | None, force: bool, as_of: dt.date | None, xlsx: bool) -> None:
    """Write a new facts file for the LEP called NAME, every section present and explained."""
    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import STANDARD_OUTPUT, names_open_stream, write_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.template import facts_template, slug_for

    if as_of is None:
        from govcheck.engine.packs.editions import last_day_assessable

        as_of = last_day_assessable(dt.date.today())
    if xlsx:
        from govcheck.cli.export import init_workbook

        init_workbook(name, output, force, as_of)
        return
    text = facts_template(name, as_of)
    if output == STANDARD_OUTPUT:
        write_atomic(output, text)
        return
    target = Path(output or f"{slug_for(name)}.yaml")
    if target.is_file() and not force:  # a pipe or a device is written to, not overwritten
        raise InputError.single(target, "exists already; govcheck init does not overwrite it", hint="add --force")
    write_atomic(target, text, FilesRead())  # FilesRead: never over govcheck's own files, its template among them
    if target.is_file() and not names_open_stream(target):  # not where the template itself went
        click.echo(f"wrote {target}: fill it in, then run `govcheck validate {target}`")
