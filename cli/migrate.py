"""``govcheck migrate``: upgrade facts files to the current facts format, showing what changes."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from govcheck.cli.common import EXIT_INPUT, EXIT_OK, echo_problems, exclude_option, facts_files, reports_input_errors


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--write", is_flag=True, help="Rewrite each file in place (whole or not at all); without it, only show.")
@exclude_option
@reports_input_errors
def migrate(paths: tuple[str, ...], write: bool, exclude: tuple[str, ...]) -> None:
    """Upgrade format 1 facts files to format 2: print the diff of each; --write applies it.

    Comments and layout are kept; the upgrade changes no fact's meaning (format 2 reads a
    coverage map's unlisted subjects as not known, so each map gains `others: not covered`).
    """
    from govcheck.cli.output import write_atomic
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.facts.migrate import migrate as upgrade
    from govcheck.engine.reading.yamlsource import read_text

    broken = False
    for path in facts_files(paths, exclude):
        try:
            text = read_text(Path(path))
            done = upgrade(text, str(path))
        except InputError as error:
            broken = True
            echo_problems(error)
            continue
        diff = difflib.unified_diff(
            text.splitlines(keepends=True),
            done.text.splitlines(keepends=True),
            f"{path} (format 1)",
            f"{path} (format 2)",
        )
        click.echo("".join(diff), nl=False)
        if write:
            write_atomic(path, done.text)
            click.echo(f"upgraded {path}: " + "; ".join(done.changes), err=True)
    sys.exit(EXIT_INPUT if broken else EXIT_OK)
