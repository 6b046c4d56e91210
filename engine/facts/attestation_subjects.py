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
}
