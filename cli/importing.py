"""``govcheck import``: facts from where they are kept, each source one subcommand.

``govcheck import SOURCE ...`` names a source (``moderngov``); any other first argument is a
file, read by the ``file`` subcommand (a workbook, say), so ``govcheck import lep.xlsx -o lep.yaml``
reads as it is written.
"""

from __future__ import annotations

import importlib

import click

# Each source's command, imported only when that source is used.
SOURCES: dict[str, str] = {
    "file": "govcheck.cli.import_workbook:import_file",
    "moderngov": "govcheck.cli.import_moderngov:moderngov",
}


class _ImportGroup(click.Group):
    """Subcommands by source; a first argument naming no source is a file for the ``file`` subcommand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SOURCES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SOURCES:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = SOURCES[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.list_commands(ctx) and not args[0].startswith("-") and "file" in SOURCES:
            return "file", self.get_command(ctx, "file"), args
        return super().resolve_command(ctx, args)


@click.group(name="import", cls=_ImportGroup)
def import_group() -> None:
    """Write facts from where they are kept: a workbook, or a council's committee system."""
