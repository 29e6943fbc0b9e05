"""What a chronology entry can be. Codes are retired (``retired=True``), never deleted,
because old entries keep pointing at them.

``key`` marks the turning points a manager or a court reads first (a referral, a section 47
enquiry, a conference, a plan, coming into care, a placement, court, a closure): the
chronology marks them and can show them alone. It belongs to the kind, so there is one place
to say it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class EntryKind:
    code: str
    label: str
    retired: bool = False
    key: bool = False


KINDS = [
    EntryKind("contact", "Contact"),
    EntryKind("referral", "Referral", key=True),
    EntryKind("mash_check", "MASH partner check"),
    EntryKind("mash_decision", "MASH decision"),
    EntryKind("police_domestic_abuse", "Police domestic abuse notification"),
    EntryKind("police_incident", "Police incident"),
    EntryKind("ae_attendance", "A&E attendance"),
    EntryKind("gp_consultation", "GP consultation"),
    EntryKind("health_visitor_contact", "Health visitor contact"),
    EntryKind("school_attendance_concern", "School attendance concern"),
    EntryKind("school_concern", "School welfare concern"),
    EntryKind("housing", "Housing"),
    EntryKind("probation", "Probation"),
    EntryKind("household_change", "Household change"),
    EntryKind("allocation", "Worker allocated"),
    EntryKind("assessment", "Assessment"),
    EntryKind("strategy_discussion", "Strategy discussion"),
    EntryKind("section_47", "Section 47 enquiry", key=True),
    EntryKind("conference", "Child protection conference", key=True),
    EntryKind("plan", "Plan", key=True),
    EntryKind("visit", "Visit"),
    EntryKind("case_note", "Case note"),
    EntryKind("management_oversight", "Management oversight"),
    EntryKind("core_group", "Core group meeting"),
    EntryKind("case_closed", "Case closed", key=True),
    EntryKind("looked_after", "Looked after", key=True),
    EntryKind("placement", "Placement", key=True),
    EntryKind("health", "Health (looked after)"),
    EntryKind("education", "Education (looked after)"),
    EntryKind("court", "Court and legal", key=True),
    EntryKind("missing", "Missing from home or care"),
    EntryKind("injury", "Injury seen by a professional"),
    EntryKind("not_brought", "Not brought to an appointment"),
    EntryKind("signal", "Safeguarding signal", key=True),
]
BY_CODE = {kind.code: kind for kind in KINDS}
CHOICES = [(kind.code, kind.label) for kind in KINDS]
KEY_CODES = [kind.code for kind in KINDS if kind.key]
