"""What a chronology entry can be. Codes are retired (``retired=True``), never deleted,
because old entries keep pointing at them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class EntryKind:
    code: str
    label: str
    retired: bool = False


KINDS = [
    EntryKind("contact", "Contact"),
    EntryKind("referral", "Referral"),
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
    EntryKind("section_47", "Section 47 enquiry"),
    EntryKind("conference", "Child protection conference"),
    EntryKind("plan", "Plan"),
    EntryKind("visit", "Visit"),
    EntryKind("case_note", "Case note"),
    EntryKind("management_oversight", "Management oversight"),
    EntryKind("core_group", "Core group meeting"),
    EntryKind("case_closed", "Case closed"),
    EntryKind("looked_after", "Looked after"),
    EntryKind("placement", "Placement"),
    EntryKind("health", "Health (looked after)"),
    EntryKind("education", "Education (looked after)"),
    EntryKind("court", "Court and legal"),
    EntryKind("missing", "Missing from home or care"),
    EntryKind("injury", "Injury seen by a professional"),
    EntryKind("not_brought", "Not brought to an appointment"),
    EntryKind("signal", "Safeguarding signal"),
]
BY_CODE = {kind.code: kind for kind in KINDS}
CHOICES = [(kind.code, kind.label) for kind in KINDS]
