"""Waivers as reports show them: who asked, who approved, why, until when, and what became of each.

The warning sentences are the ones ``govcheck check`` writes on standard error, so a reader of
the signed report sees the same words as the person who ran it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govcheck.engine.core.results import Assessment, Finding, WaiverRecord, WaiverState
from govcheck.engine.core.wording import date_label

STATE_WORDS = {
    "applied": "applied",
    "unused": "unused",
    "expired": "expired",
    "not_yet_granted": "not yet granted",
}


def waiver_warning(state: WaiverState, as_of: dt.date) -> str | None:
    """The warning or note a waiver's state calls for ("warning: waiver of ... expired on ..."), or None."""
    waiver = state.waiver
    what = f"waiver of {waiver.rule_id} for {waiver.scope}"
    if state.state == "expired":
        return f"warning: {what} expired on {waiver.expires_on} and no longer applies"
    if state.state == "unused":
        return f"warning: {what} matches no gap at {as_of} (unused)"
    if state.state == "not_yet_granted":
        return f"note: {what} is granted on {waiver.granted_on}, after {as_of}"
    if state.expiring:
        return f"warning: {what} expires on {waiver.expires_on}, {state.working_days_left} working days after {as_of}"
    return None


def where(waiver: WaiverRecord) -> str:
    return f"{waiver.file}:{waiver.line}" if waiver.line else waiver.file


@dataclass(frozen=True)
class WaiverNote:
    """One waiver of one LEP's report, worded."""

    state: WaiverState
    warning: str | None

    @property
    def waiver(self) -> WaiverRecord:
        return self.state.waiver

    @property
    def state_words(self) -> str:
        return STATE_WORDS.get(self.state.state, self.state.state)

    @property
    def heading(self) -> str:
        """``applied: registers.board-members-published for riverside-lep / jsmith``."""
        return f"{self.state_words}: {self.waiver.rule_id} for {self.waiver.scope}"

    @property
    def covers(self) -> str | None:
        if not self.state.covered:
            return None
        return "the whole rule" if self.state.covered == ("*",) else "; ".join(self.state.covered)

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs, as every human format lists them under the heading."""
        found = [("Justification", self.waiver.justification)]
        if self.covers:
            found.append(("Covers", self.covers))
        found += [
            ("Requested by", self.waiver.requested_by),
            ("Approved by", self.waiver.approved_by),
            ("Granted", date_label(self.waiver.granted_on)),
            ("Expires", date_label(self.waiver.expires_on)),
        ]
        if self.warning:
            kind, _, sentence = self.warning.partition(": ")
            found.append((kind.capitalize(), sentence))
        found.append(("Waiver file", where(self.waiver)))
        return found


def waiver_notes(assessment: Assessment) -> list[WaiverNote]:
    """Every waiver scoped to the LEP, in the waiver file's order, with its warning."""
    return [WaiverNote(state, waiver_warning(state, assessment.as_of)) for state in assessment.waivers]


def waived_by(finding: Finding) -> str | None:
    """A short note for a finding a waiver covers in whole or in part: until when, and why."""
    if not finding.waivers:
        return None
    return "; ".join(
        f"waived until {date_label(w.expires_on)}"
        + (f" for {w.item}" if w.item else "")
        + f": {w.justification} (approved by {w.approved_by})"
        for w in finding.waivers
    )
