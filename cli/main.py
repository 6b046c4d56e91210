"""The ``govcheck`` command: a thin layer over the library, and the only place errors become exit codes.

Exit codes: 0 no gap at or above ``--fail-on``; 1 gaps; 2 the input could not be used;
128 plus the signal's number when a signal stopped the run (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).
Heavy modules are imported inside commands so that ``govcheck --help`` stays fast.
"""

from __future__ import annotations

import gc
import importlib
import os
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
    "lsp": "govcheck.cli.lsp:lsp",
}


# Each command's line in `govcheck --help`, so that listing them imports none of their code (the
# command modules bring in the reports and pydantic); tests/cli/test_commands.py checks each
# against the command's own docstring.
SHORT_HELP = {
    "check": "Assess facts files (or folders of them) and report every requirement met or not.",
    "diff": "Compare two JSON results: gaps new, fixed, persisting and changed in status.",
    "explain": "Show how the verdict on RULE_ID for the LEP in FACTS was reached.",
    "export": "Write FACTS_FILE as a workbook: a sheet per kind of fact, ready to edit and check.",
    "import": "Write facts from where they are kept: a workbook, or a council's committee system.",
    "init": "Write a new facts file for the LEP called NAME, every section present and explained.",
    "lsp": "Check facts files as they are written: a language server over standard input and output.",
    "migrate": "Upgrade format 1 facts files to format 2: print the diff of each; --write applies it.",
    "rules": "Work with rule packs: list, show, test and document their rules, and compare editions.",
    "schema": "Print the facts file schema as JSON Schema, for editors to complete and check facts files.",
    "trend": "Show, per LEP, gaps opened and closed between the assessments in RESULTS (JSON results of "
    "several dates), how long each closed gap stayed open, and the gaps by topic over time.",
    "validate": "Check that facts files are well formed, without assessing them.",
}


class _LazyGroup(click.Group):
    """A group whose commands are imported when first asked for (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their lines, as click writes them, from ``SHORT_HELP``."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        # A bare command holding only the text shortens it exactly as the real one would.
        rows = [(name, click.Command(name, help=SHORT_HELP[name]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="govcheck")
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="Read settings from FILE (.govcheck.yaml or pyproject.toml) instead of the nearest one.",
)
@click.option("--isolated", is_flag=True, help="Ignore any project configuration.")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, isolated: bool) -> None:
    """Check a LEP's local assurance framework against the National Local Growth Assurance Framework.

    Settings come from the nearest .govcheck.yaml, or [tool.govcheck] in pyproject.toml, at or
    above the current folder; options on the command line override them.
    """
    from govcheck.cli.terminal import make_inert

    make_inert()  # before any command writes: no control character from any input reaches the terminal
    if ctx.resilient_parsing:  # shell completion: no file is read
        return
    from govcheck.cli.config import project_config

    config = project_config(config_file, isolated=isolated)
    ctx.obj = config
    ctx.default_map = config.default_map()


def main() -> None:
    from govcheck.cli import signals

    # govcheck makes many small objects and almost no reference cycles; collecting them after
    # every 700 allocations, Python's default, took a third of a run over many LEPs for nothing.
    gc.set_threshold(100_000, 50, 100)
    # pydantic looks through every installed distribution's metadata for plugins the first time it
    # builds a validator: 10-20 ms of every run, for plugins govcheck has no use for. This is
    # pydantic's own switch for that; a value already set is left as it is.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
    finally:
        # Every output is written and closed by now. Python's last act is to collect the whole heap
        # for cycles, a tenth of a one-LEP run; govcheck leaves none to reclaim, and the process ends.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
