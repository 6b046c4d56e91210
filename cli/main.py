"""The ``govcheck`` command: a thin layer over the library, and the only place errors become exit codes.

Exit codes: 0 no gap at or above ``--fail-on``; 1 gaps; 2 the input could not be used;
128 plus the signal's number when a signal stopped the run (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).
Heavy modules are imported inside commands so that ``govcheck --help`` stays fast.
"""

from __future__ import annotations

import gc
import importlib
import sys

import click

from govcheck import __version__

# Each command's module, imported only when that command runs (or help lists it): a check
# in a pre-commit hook should not wait for the code of `rules docs` or `trend` to load.
COMMANDS = {
    "check": "govcheck.cli.check:check",
    "explain": "govcheck.cli.explain:explain",
    "diff": "govcheck.cli.diff:diff",
    "trend": "govcheck.cli.trend:trend",
    "validate": "govcheck.cli.facts_commands:validate",
    "schema": "govcheck.cli.facts_commands:schema",
    "init": "govcheck.cli.facts_commands:init",
    "migrate": "govcheck.cli.migrate:migrate",
    "import": "govcheck.cli.importing:import_group",
    "export": "govcheck.cli.export:export",
    "rules": "govcheck.cli.rules_commands:rules",
}


class _LazyGroup(click.Group):
    """A group whose commands are imported when first asked for (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="govcheck")
def cli() -> None:
    """Check a LEP's local assurance framework against the National Local Growth Assurance Framework."""
    from govcheck.cli.terminal import make_inert

    make_inert()  # before any command writes: no control character from any input reaches the terminal


def main() -> None:
    from govcheck.cli import signals

    # govcheck makes many small objects and almost no reference cycles; collecting them after
    # every 700 allocations, Python's default, took a third of a run over many LEPs for nothing.
    gc.set_threshold(100_000, 50, 100)
    signals.stop_on_signals()
    try:
        cli(prog_name="govcheck")
    except BaseException:  # the exit click always raises, or whatever a stop became on its way up
        stop = signals.received()
        if stop is None:
            raise
        from govcheck.cli.output import discard_temporaries

        discard_temporaries()  # each writer removes its own on the way out; this catches any it could not
        click.echo(f"govcheck: stopped by {stop.name}", err=True)
        sys.exit(stop.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
