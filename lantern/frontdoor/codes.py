"""Code lists for the front door, as data with their source.

The DfE ReferralSource list itself has one owner, ``lantern.casework.codes.REFERRAL_SOURCE``
(the CIN census lists live together). ``DEFAULT_SOURCE`` is local: which code a contact from
each kind of agency gets when the referrer does not say more (a school is ``2A``, the police
``6``), and for a health agency by its setting (a GP practice ``3A``, A&E ``3E``).
"""

# Agency.Kind -> the ReferralSource a contact from that kind of agency defaults to
# (shared/reference/codes.md §A4). "other" is 8, the DfE's own "Other (children's centres,
# independent agency providers, voluntary organisations)": an agency of no listed kind is
# not known to be a legal one (7 is courts, probation, immigration, CAFCASS, prison) and the
# contact's source is known, so not 10 "Unknown".
DEFAULT_SOURCE = {
    "police": "6",
    "education": "2A",
    "health": "3F",
    "housing": "4",
    "probation": "7",
    "voluntary": "8",
    "council": "5B",
    "other": "8",
}

# Agency.HealthSetting -> 3A–3F. A health agency whose setting is not recorded stays 3F.
HEALTH_SOURCE = {
    "gp": "3A",
    "health_visitor": "3B",
    "school_nurse": "3C",
    "other_primary": "3D",
    "emergency": "3E",
    "other": "3F",
}


def source_for_agency(agency) -> str:
    if agency.kind == "health" and agency.health_setting in HEALTH_SOURCE:
        return HEALTH_SOURCE[agency.health_setting]
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
