"""Check kind ``covers``: a document covers a list of subjects, and says where."""

from __future__ import annotations

from typing import Annotated, Any

from govcheck.checks.base import CheckContext, Params, PathSpec, check_kind
from govcheck.checks.sentences import Code, Sentence
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import ItemResult, Outcome, missing
from govcheck.engine.core.status import Status
from govcheck.engine.facts.model import Document, Subject
from govcheck.engine.facts.subjects import SUBJECTS


class CoversParams(Params):
    path: Annotated[str, PathSpec(Document)] = "assurance_framework"
    subjects: list[Subject]
    what: str | None = None

    def in_words(self, code: Code) -> Sentence:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        subjects = tuple(Sentence(f"{code(subject)}: {SUBJECTS[subject]}") for subject in self.subjects)
        return Sentence(f"{code(self.path)} names the section that covers each of these subjects:", subjects)


@check_kind("covers")
def covers(value: Any, params: CoversParams, ctx: CheckContext) -> Outcome:
    """A document's coverage map names a section for every subject listed."""
    parts = paths.split(params.path)
    document = paths.read(value, parts)
    what = params.what or params.path.split(".")[-1].replace("_", " ")
    if document is None:
        return missing(f"no {what} recorded", facts=(ctx.path(parts),))
    if document.coverage is None:
        return missing(f"no record of what the {what} covers (coverage)", facts=(ctx.path(parts),))
    items = []
    for subject in params.subjects:
        reference = document.coverage.get(subject)
        path = ctx.path((*parts, "coverage", subject))
        if reference is None:
            items.append(ItemResult(subject, Status.NOT_MET, f"not covered: {SUBJECTS[subject]}", path))
        else:
            page = f", page {reference.page}" if reference.page else ""
            items.append(ItemResult(subject, Status.MET, f"section {reference.section}{page}", path))
    passed = sum(item.status is Status.MET for item in items)
    gaps = [item.label for item in items if item.status is not Status.MET]
    status = Status.MET if not gaps else (Status.NOT_MET if passed == 0 else Status.PARTIAL)
    covered = f"{items[0].label} ({items[0].reason})" if len(items) == 1 else f"all {len(items)} subjects"
    reason = (
        f"the {what} covers {covered}"
        if not gaps
        else f"the {what} covers {passed} of {len(items)} subjects; not: {', '.join(gaps)}"
    )
    return Outcome(
        status,
        reason,
        items=tuple(items),
        passed=passed,
        total=len(items),
        facts=tuple(item.path for item in items if item.status is Status.MET) or (ctx.path(parts),),
        detail=tuple(f"{item.label}: {item.reason}" for item in items),
    )
