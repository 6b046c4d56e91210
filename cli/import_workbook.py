"""``govcheck import FILE.xlsx``: a workbook of facts as a YAML facts file (format 2), citing sheet and row."""

from __future__ import annotations

import click

from govcheck.cli.common import reports_input_errors


@click.command(name="file")
@click.argument("workbook", type=click.Path(path_type=str))
@click.option(
    "--output", "-o", metavar="FILE.yaml", default="-", show_default=True, help="Where to write (- is standard output)."
)
@reports_input_errors
def import_file(workbook: str, output: str) -> None:
    """Convert a facts workbook (.xlsx) to a YAML facts file, each item citing the sheet and row it came from."""
    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import write_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.loader import WORKBOOK_SUFFIX, load_facts
    from govcheck.engine.workbook.places import WorkbookSourceMap
    from govcheck.engine.workbook.to_yaml import facts_yaml

    if not workbook.lower().endswith(WORKBOOK_SUFFIX):
        raise InputError.single(
            workbook, "is not a workbook (.xlsx)", hint="name a workbook written by govcheck export or init --xlsx"
        )
    facts_file = load_facts(workbook)
    assert isinstance(facts_file.source, WorkbookSourceMap)
    read = FilesRead()
    read.add(workbook, "facts")
    write_atomic(output, facts_yaml(facts_file, facts_file.source), read)
