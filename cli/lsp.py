"""``govcheck lsp``: serve diagnostics, hover, completion and fixes for facts files to an editor."""

from __future__ import annotations

import datetime as dt
import importlib.util

import click

from govcheck.cli.common import EXIT_INPUT, reports_input_errors

INSTALL = "pip install 'govcheck[lsp]'"


@click.command()
@click.option(
    "--only",
    multiple=True,
    metavar="GLOB",
    help="Check only the files whose path matches GLOB (e.g. 'frameworks/*.yaml'); repeatable. "
    "Without it, every YAML file whose top-level keys are a facts file's.",
)
@click.option("--pack", metavar="ID|DIR", help="Rule pack to use (default: the one in force at each file's as_of).")
@click.option(
    "--waivers",
    "waivers_file",
    metavar="FILE",
    help="Apply the waivers in this YAML file (read when the server starts): a waived gap is not shown.",
)
@reports_input_errors
def lsp(only: tuple[str, ...], pack: str | None, waivers_file: str | None) -> None:
    """Check facts files as they are written: a language server over standard input and output.

    An editor starts it and speaks the Language Server Protocol to it; see "Checking as you
    type" in the README for VS Code and Neovim. Needs pygls: pip install 'govcheck[lsp]'.
    """
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        click.echo(f"govcheck lsp needs the pygls package, which is not installed: {INSTALL}", err=True)
        raise SystemExit(EXIT_INPUT)
    from govcheck.cli.ci import load_waivers
    from govcheck.engine.assess.assessor import Assessor
    from govcheck.lsp.server import serve

    assessor = Assessor(pack, None, load_waivers(waivers_file))
    if pack is not None:
        assessor.pack_for(dt.date.min)  # an unknown pack is refused now, not on every change
    serve(assessor, only)
