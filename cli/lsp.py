"""``govcheck lsp``: serve diagnostics, hover, completion and fixes for facts files to an editor."""

from __future__ import annotations

import importlib.util

import click

from govcheck.cli.common import EXIT_INPUT

INSTALL = "pip install 'govcheck[lsp]'"


@click.command()
@click.option(
    "--only",
    multiple=True,
    metavar="GLOB",
    help="Check only the files whose path matches GLOB (e.g. 'frameworks/*.yaml'); repeatable. "
    "Without it, every YAML file whose top-level keys are a facts file's.",
)
def lsp(only: tuple[str, ...]) -> None:
    """Check facts files as they are written: a language server over standard input and output.

    An editor starts it and speaks the Language Server Protocol to it; see "Checking as you
    type" in the README for VS Code and Neovim. Needs pygls: pip install 'govcheck[lsp]'.
    """
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        click.echo(f"govcheck lsp needs the pygls package, which is not installed: {INSTALL}", err=True)
        raise SystemExit(EXIT_INPUT)
    from govcheck.lsp.server import serve

    serve(only)
