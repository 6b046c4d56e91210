"""The vocabulary of attestations: requirements decided by a person's judgement, not by facts alone.

Some requirements cannot be read off dates and documents: that the assurance
framework is clear to a member of the public, that the board reflects its area.
A facts file records who judged such a requirement, when, on what evidence and
until when the judgement stands (``attestations:``); the ``attested`` check kind
reads it. Subjects come from this list, so a misspelt one is an error when the
file or rule is loaded, never a silent gap.
"""

ATTESTATION_SUBJECTS: dict[str, str] = {
    "assurance-framework.clear-to-the-public": (
        "the assurance framework is written so that a member of the public can follow how the LEP "
        "is run, how decisions are taken and who is accountable"
    ),
    "board.reflects-the-area": "the board reflects the area's geographies, business sectors and communities",
    "conflicts.roles-kept-separate": (
        "the duties of the LEP, the accountable body and the s151 officer are kept separate in practice"
    ),
    "s151.cipfa-principles": (
        "the s151 arrangements meet CIPFA's five principles: corporate position, formal mandate, "
        "governance embedded in decisions, effective review of governance, adequate skills and resources"
    ),
    "accountable-body.transparency-code": (
        "the accountable body meets the Local Government Transparency Code for the LEP's spending and accounts"
    ),
    "engagement.role-publicised": "the LEP publicises its role and its work and brands its activity clearly",
    # Checks auditors make where the facts do not itemise what they compare (research on audit findings).
    "conflicts.funding-decisions-checked-against-registers": (
        "the organisations behind each funding decision of the year (applicant, recipient, contractor, site owner) "
        "were checked against the registers of interest of the members who took it, and for every link found the "
        "member's declaration and withdrawal are minuted"
    ),
    "registers.match-public-records": (
        "each decision-maker's published register was checked against public records (directorships at Companies "
        "House; a council member's register at their council) and lists every current interest they show"
    ),
    "improvement.findings-answered": (
        "every finding of the last annual performance review, deep dive or spot check, s151 officer's review, "
        "internal or external audit or NAO report has an improvement plan action with an owner and a due date, "
        "and progress on it is reported"
    ),
    "s151.sign-off-rests-on-compliance-review": (
        "the s151 officer's sign-off of the assurance framework rests on a dated, documented review of compliance "
        "with the national framework and of the supporting documents, completed before the sign-off"
    ),
}
