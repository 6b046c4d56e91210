"""What every command shares: exit codes, and turning input errors into located messages."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from govcheck.engine.core.errors import InputError

EXIT_OK, EXIT_GAPS, EXIT_INPUT = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def echo_problems(error: InputError) -> None:
    """Each problem on its own line of stderr: ``error: FILE:LINE:COLUMN: what is wrong (what to do)``."""
    for line in error.lines():  # at most MAX_PROBLEMS_SHOWN a file
        click.echo(f"error: {line}", err=True)


def reports_input_errors(function: F) -> F:
    """Turn an InputError into its located messages on stderr and exit code 2."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from govcheck.engine.core.errors import InputError

        try:
            return function(*args, **kwargs)
        except InputError as error:
            echo_problems(error)
            sys.exit(EXIT_INPUT)

    return wrapper  # type: ignore[return-value]


# Every command that reads facts files from folders takes the same --exclude, and says what it skipped.
exclude_option = click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERN",
    help="Leave out files and folders matching PATTERN (a name or shell pattern such as drafts or "
    "*.draft.yaml; with a /, a path below the folder); repeatable.",
)


def facts_files(paths: Sequence[str | Path], exclude: Sequence[str]) -> list[Path]:
    """The facts files to read, after saying on stderr which files found were skipped and why."""
    from govcheck.engine.assess.facts_files import find_facts_files

    found = find_facts_files(paths, exclude)
    for skipped in found.skipped:
        click.echo(f"note: skipped {skipped.path}: {skipped.why}", err=True)
    return found.files


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    from govcheck.engine.core.days import read_day

    if value is None:
        return None
    try:
        return read_day(value, form_hint="write it as YYYY-MM-DD, e.g. 2020-03-31")
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
