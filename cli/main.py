"""The ``govcheck`` command: a thin layer over the library, and the only place errors become exit codes.

Exit codes: 0 no gap at or above ``--fail-on``; 1 gaps; 2 the input could not be used.
Heavy modules are imported inside commands so that ``govcheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click
from govcheck import __version__

if TYPE_CHECKING:
    from govcheck.engine.errors import InputError

EXIT_OK, EXIT_GAPS, EXIT_INPUT = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def echo_problems(error: InputError) -> None:
    """Each problem on its own line of stderr: ``error: FILE:LINE:COLUMN: what is wrong (what to do)``."""
    for problem in error.problems:
        click.echo(f"error: {problem}", err=True)


def reports_input_errors(function: F) -> F:
    """Turn an InputError into its located messages on stderr and exit code 2."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from govcheck.engine.errors import InputError

        try:
            return function(*args, **kwargs)
        except InputError as error:
            echo_problems(error)
            sys.exit(EXIT_INPUT)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="govcheck")
def cli() -> None:
    """Check a LEP's local assurance framework against the National Local Growth Assurance Framework."""


def _register() -> None:
    from govcheck.cli import check, facts_commands, rules_commands

    cli.add_command(check.check)
    cli.add_command(facts_commands.validate)
    cli.add_command(facts_commands.schema)
    cli.add_command(facts_commands.init)
    cli.add_command(rules_commands.rules)


_register()


def main() -> None:
    cli(prog_name="govcheck")


if __name__ == "__main__":  # pragma: no cover
    main()
