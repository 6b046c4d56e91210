"""The results of an assessment: findings and assessments, the only things reports read.

A finding is a small immutable value: one rule against one LEP, its status, why,
the items behind it, where the evidence is, and what to do next.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from govcheck.engine.core.outcome import ItemResult, Outcome
from govcheck.engine.core.status import SEVERITIES, Status

# The order statuses are listed in reports: gaps first, worst first.
STATUS_ORDER = (
    Status.ERROR,
    Status.NOT_MET,
    Status.PARTIAL,
    Status.MISSING_EVIDENCE,
    Status.WAIVED,
    Status.NOT_APPLICABLE,
    Status.MET,
)


@dataclass(frozen=True)
class Evidence:
    """Where a fact behind a finding stands: its path, its line, and the evidence it cites."""

    path: str
    line: int | None
    cited: str | None = None  # the fact's own evidence: a URL, or a document and section


@dataclass(frozen=True)
class InputFile:
    """One file an assessment read, named by its role (facts, rules, waivers), with a digest of its bytes."""

    role: str
    path: str
    sha256: str


@dataclass(frozen=True)
class WaiverRecord:
    """A waiver as a report shows it: what it covers, who asked, who approved, until when."""

    rule_id: str
    lep: str
    item: str | None
    justification: str
    requested_by: str
    approved_by: str
    granted_on: dt.date
    expires_on: dt.date
    file: str
    line: int | None

    @property
    def scope(self) -> str:
        return f"{self.lep} / {self.item}" if self.item else self.lep


@dataclass(frozen=True)
class WaiverState:
    """What became of one waiver in one assessment.

    ``state`` is ``applied`` (it turned gaps into ``waived``), ``unused`` (it
    matched no gap), ``expired`` (its expiry date is before the assessment date,
    so it no longer applies) or ``not_yet_granted`` (granted after the assessment
    date). ``expiring`` flags a waiver that applies but ends within
    ``working_days_left`` working days.
    """

    waiver: WaiverRecord
    state: str
    expiring: bool = False
    working_days_left: int | None = None
    covered: tuple[str, ...] = ()  # the items (or the whole rule, "*") it waived


@dataclass(frozen=True)
class FactsNeeded:
    """What a facts file should say for a ``missing_evidence`` finding to be decided.

    ``keys`` as a facts file writes them (``people[].is_local_authority_member``), and
    ``snippet``: YAML from the top of a facts file with a placeholder for each value.
    """

    keys: tuple[str, ...]
    snippet: str


@dataclass(frozen=True)
class Finding:
    rule_id: str
    title: str
    topic: str
    topic_title: str
    severity: str
    obligation: str
    basis: str
    requirements: tuple[str, ...]
    citation: str
    citation_url: str | None
    status: Status
    reason: str
    items: tuple[ItemResult, ...]
    item_lines: tuple[int | None, ...]
    passed: int | None
    total: int | None
    evidence: tuple[Evidence, ...]
    remediation: str
    outcome: Outcome | None = field(default=None, compare=False, repr=False)
    # Set only by waivers: the waivers that cover this finding or some of its items,
    # and the status the finding had before a waiver turned it into ``waived``.
    waivers: tuple[WaiverRecord, ...] = ()
    status_before_waiver: Status | None = None
    # Set on a missing_evidence finding: the facts keys it needed, and the YAML to write them.
    facts_needed: FactsNeeded | None = None

    @property
    def is_gap(self) -> bool:
        return self.status.is_gap

    @property
    def failing_items(self) -> tuple[tuple[ItemResult, int | None], ...]:
        return tuple((item, line) for item, line in zip(self.items, self.item_lines, strict=True) if item.status.is_gap)

    @property
    def line(self) -> int | None:
        """The facts line a reader should look at first: a failing item's, else the first evidence."""
        for _, line in self.failing_items:
            if line is not None:
                return line
        return next((e.line for e in self.evidence if e.line is not None), None)


@dataclass(frozen=True)
class ActionMilestone:
    description: str
    due_on: dt.date | None
    completed_on: dt.date | None


@dataclass(frozen=True)
class ImprovementAction:
    """One action of the LEP's own improvement plan, as its facts record it, for the plan report."""

    id: str
    summary: str
    addresses: tuple[str, ...]  # rule ids or catalogue requirement ids
    owner: str | None
    status: str | None
    milestones: tuple[ActionMilestone, ...]
    line: int | None


@dataclass(frozen=True)
class PackInfo:
    id: str
    title: str
    edition: str
    publisher: str
    source: str | None = None  # the pack's folder when it was named by path rather than by id
    # The edition every rule is carried forward from, unchecked against this edition's text (naf-2021).
    carried_forward_from: str | None = None

    @property
    def caveat(self) -> str | None:
        """The sentence reports give under the edition's name, when its rules are carried forward unverified."""
        if self.carried_forward_from is None:
            return None
        return (
            f"Every rule of this edition is carried forward from {self.carried_forward_from} unverified: "
            "none has been checked against this edition's own text."
        )


@dataclass(frozen=True)
class Assessment:
    """Every rule of one pack against one LEP's facts, at one date."""

    organisation_id: str
    organisation_name: str
    facts_file: str
    facts_sha256: str
    as_of: dt.date
    pack: PackInfo
    findings: tuple[Finding, ...]
    topics: dict[str, str] = field(default_factory=dict)
    waivers: tuple[WaiverState, ...] = ()  # every waiver scoped to this LEP, and what became of it
    inputs: tuple[InputFile, ...] = ()  # the files read for this assessment, with their digests
    # The LEP's own improvement plan, which the plan report matches against the gaps.
    improvement_actions: tuple[ImprovementAction, ...] = ()

    def count(self) -> Counter[Status]:
        return Counter(finding.status for finding in self.findings)

    def gaps(self, at_or_above: str = "low") -> tuple[Finding, ...]:
        """Gaps whose severity is at least ``at_or_above``."""
        if at_or_above == "never":
            return ()
        allowed = SEVERITIES[: SEVERITIES.index(at_or_above) + 1]
        return tuple(f for f in self.findings if f.is_gap and f.severity in allowed)
