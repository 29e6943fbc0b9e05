"""DfE code lists used in casework, as the CIN census defines them.

Source: the DfE CIN census validator ``csc-validator-be-cin`` 0.1.13, rules cited per list
(shared/reference/codes.md §A4–A8). Codes are retired, never deleted: a retired code is no
longer offered for new records but old records still read correctly.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    retired: str = ""  # why and when it stopped being offered


@dataclass(frozen=True)
class CodeList:
    name: str
    source: str
    codes: tuple[Code, ...]

    def choices(self, *, include_retired: bool = False) -> list[tuple[str, str]]:
        return [
            (c.code, f"{c.code}: {c.label}") for c in self.codes if include_retired or not c.retired
        ]

    def label(self, code: str) -> str:
        return next((c.label for c in self.codes if c.code == code), code)

    def __contains__(self, code: str) -> bool:
        return any(c.code == code for c in self.codes)

    def is_current(self, code: str) -> bool:
        return any(c.code == code and not c.retired for c in self.codes)

    def why_retired(self, code: str) -> str:
        return next((c.retired for c in self.codes if c.code == code), "")


REFERRAL_SOURCE = CodeList("ReferralSource (N00152)", "CIN census rule 8866", (
    Code("1A", "Individual – family member, relative or carer"),
    Code("1B", "Individual – acquaintance (including neighbours and child minders)"),
    Code("1C", "Individual – self"),
    Code("1D", "Individual – other (including strangers)"),
    Code("2A", "Schools"),
    Code("2B", "Education services"),
    Code("3A", "Health services – GP"),
    Code("3B", "Health services – health visitor"),
    Code("3C", "Health services – school nurse"),
    Code("3D", "Health services – other primary health services"),
    Code("3E", "Health services – A&E"),
    Code("3F", "Health services – other (e.g. hospice)"),
    Code("4", "Housing (LA housing or housing association)"),
    Code("5A", "LA services – social care (e.g. adult social care)"),
    Code("5B", "LA services – other internal (other LA departments, excluding housing)"),
    Code("5C", "LA services – external (e.g. another LA's adult social care)"),
    Code("5D", "LA services – early help"),
    Code("6", "Police"),
    Code("7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)"),
    Code("8", "Other (children's centres, independent agency providers, voluntary organisations)"),
    Code("9", "Anonymous"),
    Code("10", "Unknown"),
))  # fmt: skip

PRIMARY_NEED = CodeList("PrimaryNeedCode (N00101)", "CIN census rule 8650", (
    Code("N0", "Not stated"),
    Code("N1", "Abuse or neglect"),
    Code("N2", "Child's disability"),
    Code("N3", "Parental illness or disability"),
    Code("N4", "Family in acute stress"),
    Code("N5", "Family dysfunction"),
    Code("N6", "Socially unacceptable behaviour"),
    Code("N7", "Low income"),
    Code("N8", "Absent parenting"),
    Code("N9", "Cases other than children in need"),
))  # fmt: skip

REASON_FOR_CLOSURE = CodeList("ReasonForClosure (N00103)", "CIN census rule 8640", (
    Code("RC1", "Adopted"),
    Code("RC2", "Died"),
    Code("RC3", "Child arrangements order"),
    Code("RC4", "Special guardianship order"),
    Code("RC5", "Transferred to services of another local authority"),
    Code("RC6", "Transferred to adult social care services"),
    Code("RC7", "Services ceased for any other reason, including child no longer in need"),
    Code("RC8", "Case closed after assessment, no further action"),
    Code("RC9", "Case closed after assessment, referred to early help"),
))  # fmt: skip
# Rule 2990/8825Q: these two mean "closed after assessment", so no s47, CP or CIN plan.
CLOSED_AFTER_ASSESSMENT = {"RC8", "RC9"}

_NOT_18A = "from 2024/25 use 18B (child on child) or 18C (adult on child) (CIN census query 8945Q)"
_NOT_19A = "from 2024/25 use 19B (child on child) or 19C (adult on child) (CIN census query 8950Q)"
ASSESSMENT_FACTORS = CodeList("AssessmentFactors (N00181)", "CIN census rules 8897Q, 8869, 8898", (
    Code("1A", "Alcohol misuse – by the child"),
    Code("1B", "Alcohol misuse – by parent(s) or carer(s)"),
    Code("1C", "Alcohol misuse – by another person in the household"),
    Code("2A", "Drug misuse – by the child"),
    Code("2B", "Drug misuse – by parent(s) or carer(s)"),
    Code("2C", "Drug misuse – by another person in the household"),
    Code("3A", "Domestic abuse – the child is the subject"),
    Code("3B", "Domestic abuse – parent(s) or carer(s) the subject"),
    Code("3C", "Domestic abuse – another person in the household the subject"),
    Code("4A", "Mental health – of the child"),
    Code("4B", "Mental health – of parent(s) or carer(s)"),
    Code("4C", "Mental health – of another person in the family or household"),
    Code("5A", "Learning disability – of the child"),
    Code("5B", "Learning disability – of parent(s) or carer(s)"),
    Code("5C", "Learning disability – of another person in the family or household"),
    Code("6A", "Physical disability or illness – of the child"),
    Code("6B", "Physical disability or illness – of parent(s) or carer(s)"),
    Code("6C", "Physical disability or illness – of another person in the household"),
    Code("7A", "Young carer"),
    Code("8B", "Privately fostered – overseas child who intends to return"),
    Code("8C", "Privately fostered – overseas child who intends to stay"),
    Code("8D", "Privately fostered – UK child in an educational placement"),
    Code("8E", "Privately fostered – UK child making alternative family arrangements"),
    Code("8F", "Privately fostered – other"),
    Code("9A", "Unaccompanied asylum-seeking child"),
    Code("10A", "Going or being missing"),
    Code("11A", "Child sexual exploitation"),
    Code("12A", "Trafficking"),
    Code("13A", "Gangs"),
    Code("14A", "Socially unacceptable behaviour"),
    Code("15A", "Self-harm"),
    Code("16A", "Abuse or neglect – neglect"),
    Code("17A", "Abuse or neglect – emotional abuse"),
    Code("18A", "Abuse or neglect – physical abuse", retired=_NOT_18A),
    Code("18B", "Abuse or neglect – physical abuse, child on child"),
    Code("18C", "Abuse or neglect – physical abuse, adult on child"),
    Code("19A", "Abuse or neglect – sexual abuse", retired=_NOT_19A),
    Code("19B", "Abuse or neglect – sexual abuse, child on child"),
    Code("19C", "Abuse or neglect – sexual abuse, adult on child"),
    Code("20", "Other"),
    Code("21", "No factors identified"),
    Code("22A", "Female genital mutilation"),
    Code("23A", "Abuse linked to faith or belief"),
    Code("24A", "Child criminal exploitation"),
))  # fmt: skip
NO_FACTORS = "21"  # rule 8869: must be the only factor
UASC_FACTOR = "9A"  # agrees with the UASC status on the child's record

CATEGORY_OF_ABUSE = CodeList("CategoryOfAbuse (N00113/4)", "CIN census rules 8905, 8910", (
    Code("NEG", "Neglect"),
    Code("PHY", "Physical abuse"),
    Code("EMO", "Emotional abuse"),
    Code("SAB", "Sexual abuse"),
    Code("MUL", "Multiple"),
))  # fmt: skip
MULTIPLE = "MUL"
# The categories a conference chooses among; the census code is derived (MUL for several).
SINGLE_CATEGORIES = [c for c in CATEGORY_OF_ABUSE.choices() if c[0] != MULTIPLE]


def census_category(categories: list[str]) -> str:
    """One code for the CIN census: the category, or MUL when more than one applies."""
    if len(categories) == 1:
        return categories[0]
    return MULTIPLE if categories else ""
