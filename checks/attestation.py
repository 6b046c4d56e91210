"""Check kind ``attested``: a person's recorded judgement that a requirement is met, still in date.

For requirements facts alone cannot decide (that the framework is clear to the
public, that the board reflects its area), a facts file records an attestation:
who judged, in what role, when, on what evidence, and until when it stands. An
attestation that is absent, incomplete, not yet made or expired is missing
evidence; a recorded judgement that the requirement is not met is ``not_met``.
"""

from __future__ import annotations

from typing import Any

from govcheck.checks.base import CheckContext, Params, check_kind
from govcheck.checks.dates import Span, later_by
from govcheck.checks.sentences import Code
from govcheck.engine.core.outcome import Outcome, met, missing, not_met
from govcheck.engine.core.wording import date_label, in_words
from govcheck.engine.facts.attestation_subjects import ATTESTATION_SUBJECTS
from govcheck.engine.facts.records import AttestationSubject


class AttestedParams(Params):
    subject: AttestationSubject
    max_age: Span | None = None  # a judgement older than this no longer counts, whatever its valid_until

    def in_words(self, code: Code) -> str:
        """What must hold, in words (``govcheck rules show`` and the rule docs)."""
        age = f", made no more than {self.max_age.words()} before the assessment date" if self.max_age else ""
        return (
            f"a recorded judgement on {code(self.subject)} says it is met, still valid at the assessment date{age} "
            "(absent or expired: missing evidence)"
        )


@check_kind("attested")
def attested(value: Any, params: AttestedParams, ctx: CheckContext) -> Outcome:
    """Someone recorded, on evidence, a judgement on ``subject`` that is in date and says it is met."""
    what = ATTESTATION_SUBJECTS[params.subject]
    at = ("attestations", params.subject)
    attestation = ctx.facts.attestations.get(params.subject)
    if attestation is None:
        return missing(
            f"no attestation recorded that {what}",
            facts=(("attestations",),),
            needed=tuple((*at, key) for key in ("judged_by", "judged_on", "is_met")),
        )
    lacking = {
        key: words
        for key, words, given in (
            ("judged_by", "who judged", attestation.judged_by),
            ("judged_on", "when", attestation.judged_on),
            ("evidence", "on what evidence", attestation.evidence),
        )
        if given is None
    }
    if lacking or attestation.judged_on is None or attestation.judged_by is None:
        return missing(
            f"the attestation does not record {in_words(lacking.values())}",
            facts=(at,),
            needed=tuple((*at, key) for key in lacking),
        )
    judged = attestation.judged_on
    who = attestation.judged_by + (f" ({attestation.role})" if attestation.role else "")
    if judged > ctx.as_of:
        return missing(f"judged {date_label(judged)}, after the assessment date", facts=(at,))
    if attestation.valid_until is not None and attestation.valid_until < ctx.as_of:
        return missing(
            f"the judgement of {date_label(judged)} expired {date_label(attestation.valid_until)}", facts=(at,)
        )
    if params.max_age is not None:
        due = later_by(ctx.calendar, params.max_age.unit, judged, params.max_age.amount)
        if due < ctx.as_of:
            return missing(
                f"judged {date_label(judged)}, more than {params.max_age.words()} before the assessment date",
                facts=(at,),
            )
    finding = f": {attestation.finding}" if attestation.finding else ""
    if attestation.is_met is None:
        return missing(f"{who} recorded no verdict on {date_label(judged)}", facts=(at,), needed=((*at, "is_met"),))
    if attestation.is_met is False:
        return not_met(f"{who} judged on {date_label(judged)} that it is not met{finding}", facts=(at,))
    until = f", valid until {date_label(attestation.valid_until)}" if attestation.valid_until else ""
    return met(f"judged met by {who} on {date_label(judged)}{until}", facts=(at,), detail=(f"{what}{finding}",))
