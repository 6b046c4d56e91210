"""``govcheck export``: a facts file as a workbook, for those who keep their records in spreadsheets."""

from __future__ import annotations

import datetime as dt

import click

from govcheck.cli.common import reports_input_errors


@click.command()
@click.argument("facts_file", type=click.Path(path_type=str))
@click.option("--output", "-o", metavar="FILE.xlsx", required=True, help="The workbook to write (.xlsx).")
@reports_input_errors
def export(facts_file: str, output: str) -> None:
    """Write FACTS_FILE as a workbook: a sheet per kind of fact, ready to edit and check."""
    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import write_binary_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.loader import WORKBOOK_SUFFIX, load_facts
    from govcheck.engine.workbook.write import facts_data, workbook_bytes

    if not output.lower().endswith(WORKBOOK_SUFFIX):
        raise InputError.single(output, "is not an .xlsx file name", hint="name the workbook FILE.xlsx")
    facts_file_read = load_facts(facts_file)
    read = FilesRead()
    read.add(facts_file, "facts")
    write_binary_atomic(output, workbook_bytes(facts_data(facts_file_read.facts), output), read)
    click.echo(f"wrote {output}: check it with `govcheck check {output}`", err=True)


def init_workbook(name: str, output: str | None, force: bool, as_of: dt.date) -> None:
    """``govcheck init NAME --xlsx``: a workbook for the LEP called NAME, its sheets empty, ready to fill in."""
    from pathlib import Path

    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import write_binary_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.template import slug_for
    from govcheck.engine.workbook.write import starter_data, workbook_bytes

    target = Path(output or f"{slug_for(name)}.xlsx")
    if target.is_file() and not force:
        raise InputError.single(target, "exists already; govcheck init does not overwrite it", hint="add --force")
    write_binary_atomic(target, workbook_bytes(starter_data(name, as_of), str(target)), FilesRead())
    click.echo(f"wrote {target}: fill it in, then run `govcheck check {target}`")
