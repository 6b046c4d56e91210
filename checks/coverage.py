"""Check kind ``covers``: a document covers a list of subjects, and says where."""

from __future__ import annotations

from typing import Annotated, Any

from govcheck.checks.base import CheckContext, Params, PathSpec, check_kind
from govcheck.checks.sentences import Code, Sentence
from govcheck.engine.core import paths
from govcheck.engine.core.outcome import ItemResult, Outcome, missing
from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.status import Status
from govcheck.engine.core.wording import counted
from govcheck.engine.facts.blocks import OTHERS, CoverageRef
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
    # What would decide: the section that covers each subject.
    needed = tuple(ctx.path((*parts, "coverage", subject, "section")) for subject in params.subjects)
    if document is None:
        return missing(f"no {what} recorded", facts=(ctx.path(parts),), needed=needed)
    if document.coverage is None:
        return missing(f"no record of what the {what} covers", facts=(ctx.path(parts),), needed=needed)
    items = []
    # Format 1 lists what a document covers, so a subject left out is not covered. Format 2 says
    # so outright (`not covered`, or `others: not covered` once the whole document was read);
    # there a subject left out is one nobody has looked for: not known.
    others = document.coverage.get(OTHERS)
    if others is None and ctx.facts.format_version == 1:
        others = CoverageRef(status="not covered")
    for subject in params.subjects:
        reference = document.coverage.get(subject)
        path = ctx.path((*parts, "coverage", subject if reference is not None or others is None else OTHERS))
        items.append(_subject(subject, reference or others, path))
    passed = sum(item.status is Status.MET for item in items)
    failed = sum(item.status in (Status.NOT_MET, Status.PARTIAL) for item in items)
    gaps = [item.label for item in items if item.status is not Status.MET]
    if not gaps:
        status = Status.MET
    elif failed == 0:
        status = Status.MISSING_EVIDENCE
    elif passed == 0 and not any(item.status is Status.PARTIAL for item in items):
        status = Status.NOT_MET
    else:
        status = Status.PARTIAL
    # Prose names a subject by its words; the item keeps the subject's id, which waivers name.
    covered = f"{SUBJECTS[items[0].label]} ({items[0].reason})" if len(items) == 1 else f"all {len(items)} subjects"
    if not gaps:
        reason = f"the {what} covers {covered}"
    else:
        words = {Status.NOT_MET: "not covered", Status.PARTIAL: "partly", Status.MISSING_EVIDENCE: "not known"}
        said = "; ".join(
            f"{word}: {'; '.join(SUBJECTS[i.label] for i in items if i.status is status)}"
            for status, word in words.items()
            if any(i.status is status for i in items)
        )
        reason = f"the {what} covers {passed} of {counted(len(items), 'subject')}; {said}"
    return Outcome(
        status,
        reason,
        items=tuple(items),
        passed=passed,
        total=len(items),
        facts=tuple(item.path for item in items if item.status is Status.MET) or (ctx.path(parts),),
        detail=tuple(f"{item.label}: {item.reason}" for item in items),
        needed=tuple(
            ctx.path((*parts, "coverage", subject, "section"))
            for subject, item in zip(params.subjects, items, strict=True)
            if item.status is Status.MISSING_EVIDENCE
        ),
    )


def _subject(subject: str, reference: CoverageRef | None, path: PathKey) -> ItemResult:
    """The verdict on one subject, from what the coverage map says of it."""
    if reference is None:
        return ItemResult(subject, Status.MISSING_EVIDENCE, f"not recorded whether it covers {SUBJECTS[subject]}", path)
    if reference.status == "not covered":
        return ItemResult(subject, Status.NOT_MET, f"not covered: {SUBJECTS[subject]}", path)
    if reference.status == "not known":
        return ItemResult(subject, Status.MISSING_EVIDENCE, f"not known whether it covers {SUBJECTS[subject]}", path)
    where = f"section {reference.section}" if reference.section else "no section named"
    page = f", page {reference.page}" if reference.page else ""
    if reference.status == "partly":
        return ItemResult(subject, Status.PARTIAL, f"partly ({where}{page}): missing {reference.missing}", path)
    return ItemResult(subject, Status.MET, f"{where}{page}", path)
