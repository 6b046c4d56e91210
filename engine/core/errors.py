"""Input errors: what was wrong, in which file, where, and what was probably meant."""

from __future__ import annotations

from collections import Counter
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


# Problems told per file: past these, one line says how many more there are. A file of 50,000
# misspelt ids is refused in a screenful, and the first problems are usually the cause of the rest.
MAX_PROBLEMS_SHOWN = 50


@dataclass
class InputError(Exception):
    """Raised when an input cannot be used; carries every problem found in it."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """One line per problem, at most ``MAX_PROBLEMS_SHOWN`` per file, then how many more that file has."""
        total = Counter(problem.file for problem in self.problems)
        last = {problem.file: index for index, problem in enumerate(self.problems)}
        shown: Counter[str] = Counter()
        lines = []
        for index, problem in enumerate(self.problems):
            shown[problem.file] += 1
            if shown[problem.file] <= MAX_PROBLEMS_SHOWN:
                lines.append(str(problem))
            if index == last[problem.file] and total[problem.file] > MAX_PROBLEMS_SHOWN:
                more = f"and {total[problem.file] - MAX_PROBLEMS_SHOWN:,} more problems"
                lines.append(f"{problem.file}: {more} (fix those above first; they often cause the rest)")
        return lines

    @classmethod
    def single(
        cls, file: str | Path, message: str, line: int | None = None, column: int | None = None, hint: str | None = None
    ) -> InputError:
        return cls([Problem(str(file), message, line, column, hint)])
