"""``govcheck validate``, ``schema`` and ``init``: working with facts files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from govcheck.cli.common import EXIT_INPUT, EXIT_OK, echo_problems, reports_input_errors


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@reports_input_errors
def validate(paths: tuple[str, ...]) -> None:
    """Check that facts files are well formed, without assessing them."""
    from govcheck.engine.assess.assessor import facts_paths
    from govcheck.engine.assess.organisations import OrganisationIds
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.loader import load_facts

    files = facts_paths(paths)
    if not files:
        raise InputError.single(", ".join(paths), "holds no facts files (*.yaml or *.yml)")
    broken = False
    ids = OrganisationIds()  # files checked together are assessed together: one id per LEP
    for path in files:
        try:
            facts_file = load_facts(path)
            clash = ids.claim(facts_file.facts.organisation.id, facts_file.path, facts_file.source)
            if clash is not None:
                raise clash
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
@click.option("--xlsx", is_flag=True, help="Write a workbook (NAME.xlsx) instead: a sheet per kind of fact.")
@reports_input_errors
def init(name: str, output: str | None, force: bool, xlsx: bool) -> None:
    """Write a new facts file for the LEP called NAME, every section present and explained."""
    import datetime as dt

    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import STANDARD_OUTPUT, names_open_stream, write_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.template import facts_template, slug_for

    if xlsx:
        from govcheck.cli.export import init_workbook

        init_workbook(name, output, force)
        return
    text = facts_template(name, dt.date.today())
    if output == STANDARD_OUTPUT:
        write_atomic(output, text)
        return
    target = Path(output or f"{slug_for(name)}.yaml")
    if target.is_file() and not force:  # a pipe or a device is written to, not overwritten
        raise InputError.single(target, "exists already; govcheck init does not overwrite it", hint="add --force")
    write_atomic(target, text, FilesRead())  # FilesRead: never over govcheck's own files, its template among them
    if target.is_file() and not names_open_stream(target):  # not where the template itself went
        click.echo(f"wrote {target}: fill it in, then run `govcheck validate {target}`")
