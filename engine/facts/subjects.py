"""The vocabulary of subjects a document can be said to cover, with what each means.

Coverage maps in facts files (``coverage: {succession.chair: "5.3"}``) and the
``covers`` check kind both name subjects from this list, so a misspelt subject
is an error when the file is loaded, never a silent gap.
"""

SUBJECTS: dict[str, str] = {
    # What the national framework says a local assurance framework must describe.
    "roles-and-responsibilities": "roles and responsibilities of the board, sub-boards, staff and programme teams",
    "decision-making": "how decisions are taken and accounted for, and the LEP's ways of working",
    # NAF 2014 and 2016: decisions made and recorded, and papers published, as local authorities do.
    "access-to-information": "publishing agendas, papers, decisions and minutes under local-authority "
    "access-to-information rules (Local Government Act 1972 Part VA and Schedule 12A)",
    "accountable-body": "the accountable body's responsibilities",
    "value-for-money": "how value for money is secured",
    "funding-streams": "how each programme, funding stream and related contract is managed",
    "risk": "the LEP's approach to risk",
    "open-calls": "how calls for projects are advertised and selection criteria made transparent",
    "financial-transparency": "transparent publication of financial information",
    "local-engagement": "arrangements for meaningful local engagement",
    "scrutiny": "the independent scrutiny that applies to the LEP",
    "s151-role": "the role of the accountable body's section 151 officer",
    "conflicts-of-interest": "how conflicts of interest are declared and managed",
    "project-pipeline": "how projects enter a pipeline and are prioritised",
    "quorum": "the quorum of the board and of each decision-making body",
    "terms-of-office": "the length of board members' terms and how reappointment works",
    "induction": "the induction of new board members",
    # Succession planning (NAF 2019 para 65): the parts a reviewer looks for.
    "succession.board": "succession planning for board members",
    "succession.notice-of-resignation": "the notice a board member gives before resigning",
    "succession.knowledge-handover": "how knowledge is handed over when a member leaves",
    "succession.chair": "how the Chair is succeeded, including interim cover",
    # What an induction pack contains.
    "induction.board-objectives": "the board's objectives and the LEP's strategy",
    "induction.assurance-framework": "the local assurance framework",
    "induction.conflicts-and-ethics": "conflicts of interest, the code of conduct and ethical behaviour",
    "induction.expenses": "the expenses policy",
    "induction.training": "training available to board members",
    # What a whistleblowing policy covers.
    "whistleblowing.who-is-covered": "employees, board members and contractors",
    "whistleblowing.protection-from-reprisal": "protection from reprisal",
    "whistleblowing.confidentiality": "keeping the identity of the person raising a concern confidential",
    "whistleblowing.routes": "internal and external routes for raising a concern",
    # The key governance policies an assurance framework includes or links (LAF-13).
    "policies.code-of-conduct": "the code of conduct and conflicts of interest policy",
    "policies.gifts-and-hospitality": "the gifts and hospitality policy",
    "policies.expenses": "the expenses policy",
    "policies.engagement-strategy": "the engagement strategy",
    "policies.complaints": "the complaints policy",
    "policies.whistleblowing": "the whistleblowing policy",
    "policies.data-protection": "the data protection policy",
    "policies.diversity": "the diversity policy or statement",
    "policies.terms-of-reference": "the terms of reference of the board and its committees",
    "policies.articles": "the articles of association",
    # Board membership.
    "attendance": "what persistent non-attendance at board meetings leads to",
    "scrutiny.call-in": "how partner authorities may call in decisions of the decision-making board",
    "value-for-money.minimum-category": "the lowest value-for-money category (benefit-cost ratio band) the LEP accepts",
    # What the accountable body agreement sets out (ACB-06, ACB-09).
    "accountable-body.holds-funds": "the accountable body holds and pays out the LEP's funds",
    "accountable-body.propriety-and-value-for-money": (
        "the accountable body checks propriety, regularity, value for money and compliance with the frameworks "
        "and grant conditions"
    ),
    "accountable-body.decision-records": "the accountable body keeps the record of decisions",
    "accountable-body.advice": "the accountable body gives legal and technical advice",
    "accountable-body.escalation": (
        "the accountable body escalates unresolved non-delivery or mismanagement to government"
    ),
    "accountable-body.s151-delegation": "the s151 officer may delegate tasks but stays accountable",
    # What a conflicts of interest policy says (COI-03).
    "conflicts.personal-responsibility": "each member is personally responsible for declaring interests",
    "conflicts.perceived-conflicts": "perceived as well as actual conflicts are avoided",
    "conflicts.public-sector-members": "the interests of public-sector members are covered too",
    # What a gifts and hospitality policy says (COI-04).
    "gifts.thresholds": "the values above which gifts and hospitality are declared and registered",
    "gifts.register": "how gifts and hospitality are recorded and the register published",
    # What a code of conduct says (COC-01, COC-02).
    "code-of-conduct.nolan-principles": "the seven principles of public life (the Nolan principles)",
    "code-of-conduct.staff": "that the code applies to staff as well as board members",
    "code-of-conduct.complaints-procedure": "how to complain that someone has breached the code",
    # What a complaints policy says (CMP-03, CMP-04).
    "complaints.anonymous": "how anonymous allegations are accepted and investigated, and the limits",
    "complaints.response-times": "the published times for acknowledging and answering a complaint",
    # What a register of interests template asks for (ROI-05).
    "register.employment": "employment and business",
    "register.directorships": "directorships",
    "register.other-appointments": "other appointments, including public bodies and charities",
    "register.memberships": "memberships of organisations",
    "register.shareholdings": "shareholdings and securities",
    "register.land-and-property": "land and property",
    "register.family-interests": "interests of household and family members",
}
