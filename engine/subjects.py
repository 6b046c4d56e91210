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
}
