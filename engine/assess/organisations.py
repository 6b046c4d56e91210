"""One facts file per LEP in a run: a second file with the same ``organisation.id`` is refused.

Everything after an assessment knows a LEP by its organisation id: a waiver's scope,
a baseline's gaps, a trend's history. Two files with one id in a run would be mixed
there (a later baseline reads the gaps of one as fixed in the other), so the second
file to claim an id is an input error naming the first; the files before and after
it are still assessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.reading import yamlsource
from govcheck.engine.reading.yamlsource import SourceMap

ID_PATH = ("organisation", "id")


class OrganisationIds:
    """The organisation ids claimed so far in one run, and the file that claimed each first."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def earlier(self, organisation_id: str, file: str) -> str | None:
        """The file that claimed the id before ``file`` did; None when ``file`` is the first (or is that file again)."""
        first = self._first.setdefault(organisation_id, file)
        return None if first == file or _same_file(first, file) else first

    def claim(self, organisation_id: str, file: str, source: SourceMap | None = None) -> InputError | None:
        """None when ``file`` may have the id; otherwise the error to report for it."""
        first = self.earlier(organisation_id, file)
        return None if first is None else clash(organisation_id, file, first, source)

    def check(self, result: Assessment | InputError) -> Assessment | InputError:
        """``result``, or the error for its file when another file of the run claimed its organisation id first."""
        if isinstance(result, InputError):
            return result
        return self.claim(result.organisation_id, result.facts_file) or result


def clash(organisation_id: str, file: str, first: str, source: SourceMap | None = None) -> InputError:
    """The error for ``file`` claiming an id that ``first`` claimed, at the id in ``file`` where it can be found."""
    if source is None:
        try:
            _, source = yamlsource.load(Path(file))
        except (InputError, OSError):  # it was read a moment ago; if it cannot be now, the message goes unlocated
            source = None
    line, column = (source.locate(ID_PATH) if source is not None else None) or (None, None)
    error = InputError.single(
        file,
        f"organisation.id {organisation_id!r} is also the id of {first}, read in this run",
        line,
        column,
        "each LEP has one facts file with its own id, by which results, baselines and waivers know it",
    )
    return source.placed(error) if source is not None else error


def shared_ids(assessments: Iterable[Assessment], what: str) -> InputError | None:
    """The error for a set of results (``what``: "the older result") holding two facts files of one id."""
    ids = OrganisationIds()
    for assessment in assessments:
        first = ids.earlier(assessment.organisation_id, assessment.facts_file)
        if first is not None:
            return InputError.single(
                assessment.facts_file,
                f"organisation.id {assessment.organisation_id!r} is also that of {first} in {what}",
                hint="results are compared LEP by LEP, so the two would be mixed; give each LEP its own id",
            )
    return None


def _same_file(first: str, file: str) -> bool:
    try:
        return Path(first).resolve() == Path(file).resolve()
    except OSError:
        return False
