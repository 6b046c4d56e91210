"""Input errors: what was wrong, in which file, where, and what was probably meant."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class InputError(Exception):
    """Raised when an input cannot be used; carries every problem found in it."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def single(
        cls, file: str | Path, message: str, line: int | None = None, column: int | None = None, hint: str | None = None
    ) -> InputError:
        return cls([Problem(str(file), message, line, column, hint)])
