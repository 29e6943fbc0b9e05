"""Code lists for the front door, as data with their source.

``REFERRAL_SOURCES`` is the DfE ReferralSource list (CIN census N00152, validator rule 8866;
shared/reference/codes.md §A4), unchanged 2022/23–2026/27. Codes are retired, never deleted,
so old contacts stay readable. ``DEFAULT_SOURCE`` says which code a contact from each kind
of agency gets when the referrer does not say more (a school is ``2A``, the police ``6``).
"""

REFERRAL_SOURCES = [
    ("1A", "Individual – family member, relative or carer"),
    ("1B", "Individual – acquaintance (including neighbours and child minders)"),
    ("1C", "Individual – self"),
    ("1D", "Individual – other (including strangers)"),
    ("2A", "Schools"),
    ("2B", "Education services"),
    ("3A", "Health services – GP"),
    ("3B", "Health services – health visitor"),
    ("3C", "Health services – school nurse"),
    ("3D", "Health services – other primary health services"),
    ("3E", "Health services – A&E"),
    ("3F", "Health services – other (e.g. hospice)"),
    ("4", "Housing (LA housing or housing association)"),
    ("5A", "LA services – social care (e.g. adult social care)"),
    ("5B", "LA services – other internal (other LA departments, excluding housing)"),
    ("5C", "LA services – external (e.g. another LA's adult social care)"),
    ("5D", "LA services – early help"),
    ("6", "Police"),
    ("7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)"),
    ("8", "Other (children's centres, independent agency providers, voluntary organisations)"),
    ("9", "Anonymous"),
    ("10", "Unknown"),
]
REFERRAL_SOURCE_CODES = {code for code, _ in REFERRAL_SOURCES}

# Agency.Kind -> the ReferralSource a contact from that kind of agency defaults to.
DEFAULT_SOURCE = {
    "police": "6",
    "education": "2A",
    "health": "3F",
    "housing": "4",
    "probation": "7",
    "voluntary": "8",
    "council": "5B",
    "other": "10",
}


def source_for_agency(agency) -> str:
    return DEFAULT_SOURCE.get(agency.kind, "10")


# MASH decisions (Working Together 2023, ch. 2–4). Only the last two are referrals to
# children's social care in the CIN census sense; the others close the contact.
OUTCOMES = [
    ("nfa", "No further action"),
    ("information_advice", "Information and advice"),
    ("early_help", "Early help (Families First)"),
    ("assessment", "Referral for a child and family assessment"),
    ("strategy_discussion", "Strategy discussion (immediate safeguarding)"),
]
REFERRAL_OUTCOMES = {"assessment", "strategy_discussion"}

# What the referrer is told, in plain words, for each outcome.
OUTCOME_FOR_REFERRER = {
    "nfa": "We have looked at your concern and children's social care will take no further action.",
    "information_advice": "We have given information and advice; children's social care will "
    "not take further action.",
    "early_help": "The family will be offered early help (Families First).",
    "assessment": "Your contact has been accepted as a referral; a social worker will carry "
    "out a child and family assessment.",
    "strategy_discussion": "Your contact has been accepted as a referral and a strategy "
    "discussion is being held to protect the child. You may be asked to take part.",
}
