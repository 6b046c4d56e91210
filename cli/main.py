"""The ``govcheck`` command: a thin layer over the library, and the only place errors become exit codes.

Exit codes: 0 no gap at or above ``--fail-on``; 1 gaps; 2 the input could not be used.
Heavy modules are imported inside commands so that ``govcheck --help`` stays fast.
"""

from __future__ import annotations

import gc

import click

from govcheck import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="govcheck")
def cli() -> None:
    """Check a LEP's local assurance framework against the National Local Growth Assurance Framework."""


def _register() -> None:
    from govcheck.cli import check, diff, explain, facts_commands, rules_commands, trend

    cli.add_command(check.check)
    cli.add_command(explain.explain)
    cli.add_command(diff.diff)
    cli.add_command(trend.trend)
    cli.add_command(facts_commands.validate)
    cli.add_command(facts_commands.schema)
    cli.add_command(facts_commands.init)
    cli.add_command(rules_commands.rules)


_register()


def main() -> None:
    # govcheck makes many small objects and almost no reference cycles; collecting them after
    # every 700 allocations, Python's default, took a third of a run over many LEPs for nothing.
    gc.set_threshold(100_000, 50, 100)
    cli(prog_name="govcheck")


if __name__ == "__main__":  # pragma: no cover
    main()
