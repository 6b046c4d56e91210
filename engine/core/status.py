"""Statuses a finding can have, their order from better to worse, and severities."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not_met"
    MISSING_EVIDENCE = "missing_evidence"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"
    # A check that raised instead of answering: a defect in govcheck, reported as
    # that rule's result so one broken check never hides the others.
    ERROR = "error"

    @property
    def is_gap(self) -> bool:
        return self in GAP_STATUSES


# Statuses from better to worse: how `all` (the worst part) and `any` (the best part) combine,
# and what comparing two results calls worse.
BADNESS = {
    Status.MET: 0,
    Status.NOT_APPLICABLE: 0,
    Status.WAIVED: 0,
    Status.MISSING_EVIDENCE: 1,
    Status.PARTIAL: 2,
    Status.NOT_MET: 3,
    Status.ERROR: 4,
}

GAP_STATUSES = frozenset({Status.PARTIAL, Status.NOT_MET, Status.MISSING_EVIDENCE, Status.ERROR})


class Severity(StrEnum):
    """How serious a gap against a rule is; the order is from most to least serious."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITIES = tuple(Severity)
# What --fail-on accepts: a severity, or "never" (always exit 0).
FAIL_ON_CHOICES = (*(s.value for s in Severity), "never")
