"""The SSDA903 code lists, one place for all of them.

Source: the DfE SSDA903 validator ``csc-validator-be-903`` (``lac_validator``) 0.1.17, rules
cited per list (shared/reference/codes.md Part B). A code that a collection year drops is
marked with the last year it is valid (``until``) or the first (``since``), so records made
under an older rule set still read correctly and new ones are offered only what the DfE now
accepts. Years are collection years named by their end: 2026 is 2025/26.
"""

from dataclasses import dataclass

from lantern.casework.codes import Code, CodeList

# fmt: off
CATEGORY_OF_NEED = CodeList("CIN", "903 rule 145", (
    Code("N1", "Abuse or neglect"),
    Code("N2", "Child's disability"),
    Code("N3", "Parental illness or disability"),
    Code("N4", "Family in acute stress"),
    Code("N5", "Family dysfunction"),
    Code("N6", "Socially unacceptable behaviour"),
    Code("N7", "Low income"),
    Code("N8", "Absent parenting"),
))

LEGAL_STATUS = CodeList("LS", "903 rule 144", (
    Code("C1", "Interim care order"),
    Code("C2", "Full care order"),
    Code("D1", "Freeing order granted"),
    Code("E1", "Placement order granted"),
    Code("V2", "Single period of accommodation under section 20 (Children Act 1989)"),
    Code("V3", "Accommodated under an agreed series of short-term breaks, "
               "individual episodes recorded"),
    Code("V4", "Accommodated under an agreed series of short-term breaks, "
               "agreements recorded"),
    Code("L1", "Under police protection and in local authority accommodation"),
    Code("L2", "Emergency protection order (EPO)"),
    Code("L3", "Under child assessment order and in local authority accommodation"),
    Code("J1", "Remanded to local authority accommodation or to youth detention "
               "accommodation"),
    Code("J2", "Placed in local authority accommodation under the Police and Criminal "
               "Evidence Act 1984 (PACE)"),
    Code("J3", "Sentenced to a youth rehabilitation order with residence or intensive "
               "fostering requirement"),
))

REASON_NEW_EPISODE = CodeList("RNE", "903 rule 143", (
    Code("S", "Started to be looked after"),
    Code("L", "Change of legal status only"),
    Code("P", "Change of placement and carer(s) only"),
    Code("T", "Change of placement only, carer(s) stay the same"),
    Code("U", "Change of legal status and placement, carer(s) stay the same"),
    Code("B", "Change of legal status and placement and carer(s) at the same time"),
))

PROVIDER = CodeList("PLACE_PROVIDER", "903 rule 178", (
    Code("PR0", "Parent(s) or other person(s) with parental responsibility"),
    Code("PR1", "Own provision by the local authority"),
    Code("PR2", "Other local authority provision"),
    Code("PR3", "Other public provision"),
    Code("PR4", "Private provision"),
    Code("PR5", "Voluntary or third sector provision"),
))

REASON_EPISODE_CEASED = CodeList("REC", "903 rule 149", (
    Code("E11", "Adopted: application for an adoption order unopposed"),
    Code("E12", "Adopted: consent dispensed with by the court"),
    Code("E13", "Left care to live with parent(s), relative(s) or other person(s) with no "
                "parental responsibility"),
    Code("E14", "Accommodation on remand ended"),
    Code("E15", "Age assessment determined child is aged 18 or over"),
    Code("E16", "Child moved abroad"),
    Code("E17", "Aged 18 or over and remained with current carers (including Staying Put)"),
    Code("E2", "Died"),
    Code("E3", "Care taken by another local authority"),
    Code("E41", "Residence order or child arrangements order granted"),
    Code("E45", "Special guardianship order made to former foster carer(s) who are "
                "relative(s) or friend(s)"),
    Code("E46", "Special guardianship order made to former foster carer(s), other than "
                "relative(s) or friend(s)"),
    Code("E47", "Special guardianship order made to carer(s) other than former foster "
                "carer(s), who are relative(s) or friend(s)"),
    Code("E48", "Special guardianship order made to carer(s) other than former foster "
                "carer(s), other than relative(s) or friend(s)"),
    Code("E4A", "Returned home to parent(s) or others with parental responsibility as part "
                "of the care planning process"),
    Code("E4B", "Returned home to parent(s) or others with parental responsibility, not as "
                "part of the current care planning process"),
    Code("E5", "Moved into independent living with formalised advice and support"),
    Code("E6", "Moved into independent living without formalised advice and support"),
    Code("E7", "Transferred to residential care funded by adult social care services"),
    Code("E8", "Period of being looked after ended for any other reason"),
    Code("E9", "Sentenced to custody"),
    Code("X1", "Episode ceases and a new episode begins on the same day"),
))

REASON_PLACE_CHANGE = CodeList("REASON_PLACE_CHANGE", "903 rule 1009", (
    Code("CARPL", "Change to or implementation of the care plan"),
    Code("CLOSE", "Resignation or closure of provision"),
    Code("ALLEG", "Allegation (section 47)"),
    Code("STAND", "Standards of care concern"),
    Code("APPRR", "Approval removed"),
    Code("CREQB", "Carer(s) requested placement end due to child's behaviour"),
    Code("CREQO", "Carer(s) requested placement end other than due to child's behaviour"),
    Code("CHILD", "Child requested placement end"),
    Code("LAREQ", "Responsible or area authority requested placement end"),
    Code("PLACE", "Change in the status of placement only"),
    Code("CUSTOD", "Child moved into custody"),
    Code("OTHER", "Other"),
))


@dataclass(frozen=True)
class PlacementType:
    code: str
    label: str
    since: int = 0  # first collection year the DfE accepts it (0: always)
    until: int = 9999  # last collection year the DfE accepts it


PLACEMENT_TYPES: tuple[PlacementType, ...] = (
    PlacementType("A3", "Placed for adoption with parental consent, with current foster carer(s)"),
    PlacementType("A4", "Placed for adoption with parental consent, not with current foster "
                        "carer(s)"),
    PlacementType("A5", "Placed for adoption with a placement order, with current foster "
                        "carer(s)"),
    PlacementType("A6", "Placed for adoption with a placement order, not with current foster "
                        "carer(s)"),
    PlacementType("H5", "Semi-independent living accommodation not subject to children's "
                        "homes regulations", until=2025),
    PlacementType("K1", "Secure children's home"),
    PlacementType("K2", "Children's home subject to Children's Homes Regulations"),
    PlacementType("K3", "Supported accommodation", since=2025),
    PlacementType("P1", "Placed with own parent(s) or other person(s) with parental "
                        "responsibility"),
    PlacementType("P2", "Independent living (flat, lodgings, bedsit, B&B, with friends)",
                  until=2025),
    PlacementType("P3", "Residential employment"),
    PlacementType("R1", "Residential care home"),
    PlacementType("R2", "NHS or health trust or other establishment providing medical or "
                        "nursing care"),
    PlacementType("R3", "Family centre or mother and baby unit"),
    PlacementType("R5", "Young offender institution or prison"),
    PlacementType("S1", "Residential school, except where dual-registered as a school and "
                        "children's home"),
    PlacementType("T0", "Temporary placement: all types of temporary move"),
    PlacementType("T1", "Temporary placement: period in hospital"),
    PlacementType("T2", "Temporary placement: absence of the child on holiday"),
    PlacementType("T3", "Temporary placement: accommodation while normal foster carer(s) on "
                        "holiday"),
    PlacementType("T4", "Temporary placement: seven days or less, any other reason"),
    PlacementType("U1", "Foster placement with relative(s) or friend(s): long-term fostering"),
    PlacementType("U2", "Foster placement with relative(s) or friend(s) who are also approved "
                        "adopter(s): fostering for adoption or concurrent planning"),
    PlacementType("U3", "Foster placement with relative(s) or friend(s): not long-term or "
                        "fostering for adoption"),
    PlacementType("U4", "Foster placement with other foster carer(s): long-term fostering"),
    PlacementType("U5", "Foster placement with other foster carer(s) who are also approved "
                        "adopter(s): fostering for adoption or concurrent planning"),
    PlacementType("U6", "Foster placement with other foster carer(s): not long-term or "
                        "fostering for adoption"),
    PlacementType("Z1", "Other placements", until=2025),
    PlacementType("Z11", "Other placements (Z11)", since=2026),
    PlacementType("Z12", "Other placements (Z12)", since=2026),
    PlacementType("Z13", "Other placements (Z13)", since=2026),
    PlacementType("Z14", "Other placements (Z14)", since=2026),
)
# fmt: on
PLACEMENT_TYPE = {p.code: p for p in PLACEMENT_TYPES}


def placement_choices() -> list[tuple[str, str]]:
    return [(p.code, f"{p.code}: {p.label}") for p in PLACEMENT_TYPES]


# --- social worker episodes ---
# fmt: off
# SW_REASON: why a child's social worker changed (903 SWEpisodes table, from 2023/24; blank is
# allowed only for episodes starting before 1 April 2023). The validator gives the codes and
# the meaning of FCONTA only (codes.md B17). MANAGE, FCONTA, TSPROC, ABSENC and CHCHAN are
# worded as the DfE publishes them ("reason for social worker change"); the rest are read from
# the codes themselves.
SW_REASON = CodeList("SW_REASON", "903 rule SW13STG1", (
    Code("MANAGE", "Managing caseloads"),
    Code("FCONTA", "First contact or re-referral"),
    Code("LEFTRL", "Social worker left the role"),
    Code("ORGRST", "Organisational restructure"),
    Code("TSPROC", "New social worker after the child's transfer under a standard process"),
    Code("ABSENC", "Absence cover or return from absence"),
    Code("CHCHAN", "Child requested change from previous social worker"),
    Code("PCCHAN", "Parent or carer requested change from previous social worker"),
    Code("SWDIED", "Social worker died"),
    Code("OTHERS", "Other reason"),
))
# fmt: on

# --- previous permanence ---
# PREV_PERM (903 rule 631) belongs to the permanence area's list of that name; a second list
# here would give the field two owners, so there is none (lantern/care/tests/
# test_codes_match_validator.py compares whichever is defined).

# --- checked against the DfE's validator ---
# lantern/care/tests/test_codes_match_validator.py compares every list above with what
# csc-validator-be-903 accepts in the current and previous collection years. One known
# difference, decided here: the DfE's list has supported accommodation as K3 from 2024/25, and
# so do that year's rules 221 and 371, but its rule 146 spells it lower-case "k3" (codes.md
# D1; fixed in 2025/26). PLACEMENT_TYPES keeps K3 from 2025: Lantern stores the DfE's code, and
# a 2024/25 file is now only ever last year's data, which rule 146 does not read.

# --- core (periods, placements) ---
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})


def collection_year(day) -> int:
    """The SSDA903 collection year a day falls in, named by its end: 1 April 2025 to
    31 March 2026 is 2026 (2025/26)."""
    return day.year + 1 if day.month >= 4 else day.year


def placement_type_valid_on(code: str, day) -> bool:
    """Whether the DfE accepts ``code`` for a placement in force on ``day``."""
    kind = PLACEMENT_TYPE.get(code)
    return kind is not None and kind.since <= collection_year(day) <= kind.until


def placement_choices_on(day) -> list[tuple[str, str]]:
    """The placement types a worker may choose for a placement starting on ``day``."""
    return [
        (p.code, f"{p.code}: {p.label}")
        for p in PLACEMENT_TYPES
        if p.since <= collection_year(day) <= p.until
    ]


# --- health and education ---
# fmt: off
SDQ_REASON = CodeList("SDQ_REASON", "903 rule 196 (unchanged 2022/23-2026/27)", (
    Code("SDQ1", "No form returned because of the child's age (under 4 or over 17)"),
    Code("SDQ2", "Carer(s) refused to complete and return the questionnaire"),
    Code("SDQ3", "Not possible to complete because of the severity of the child's disability"),
    Code("SDQ4", "Other"),
    Code("SDQ5", "Child or young person refuses to allow an SDQ to be completed"),
))
# fmt: on
# SDQ_SCORE is a whole number 0-40 (903 rule 180); the SDQ is for children aged 4-16
# (rules 157, 188, 189).
SDQ_SCORE_MAX = 40
SDQ_AGES = (4, 16)

# --- missing and away from placement ---
# fmt: off
MISSING = CodeList("MISSING", "903 rule 1006", (
    Code("M", "Missing"),
    Code("A", "Away from placement without authorisation"),
))
# fmt: on

# --- reviews ---
# fmt: off
REVIEW_PARTICIPATION = CodeList("REVIEW_CODE", "903 rules 167, 440, 441", (
    Code("PN0", "Child aged under 4 at the time of the review"),
    Code("PN1", "Child physically attends and speaks for themselves"),
    Code("PN2", "Child physically attends and an advocate speaks on their behalf"),
    Code("PN3", "Child attends and conveys their view symbolically (non-verbally)"),
    Code("PN4", "Child physically attends but does not speak for themselves, convey views "
                "symbolically or ask an advocate to speak"),
    Code("PN5", "Child does not attend physically but briefs an advocate to speak for them"),
    Code("PN6", "Child does not attend but conveys their feelings to the review by a "
                "facilitative medium"),
    Code("PN7", "Child does not attend, nor are their views conveyed to the review"),
))
# fmt: on

# --- permanence ---
# fmt: off
PERMANENCE_PLAN = CodeList("Permanence plan", "Care Planning Regs 2010 reg 5(a); vol 2 §2.3", (
    Code("home", "Return home to parent(s)"),
    Code("kinship", "Kinship care or special guardianship order"),
    Code("cao", "Child arrangements order"),
    Code("adoption", "Adoption"),
    Code("ltf", "Long-term fostering"),
    Code("independence", "Supported living or independence"),
    Code("other", "Other"),
))

PREV_PERM = CodeList("PREV_PERM", "903 rule 631", (
    Code("P1", "Adoption"),
    Code("P2", "Special guardianship order"),
    Code("P3", "Residence order or child arrangements order"),
    Code("P4", "P4 (the validator lists the code without a meaning)"),
    Code("Z1", "No previous permanence option"),
))

LS_ADOPTR = CodeList("LS_ADOPTR", "903 rule 177", (
    Code("L0", "Single adopter"),
    Code("L11", "Different-gender married couple"),
    Code("L12", "Same-gender married couple"),
    Code("L2", "Civil partnership couple"),
    Code("L3", "Unmarried couple, different gender"),
    Code("L4", "Unmarried couple, same gender"),
))

SEX_ADOPTR = CodeList("SEX_ADOPTR", "903 rule 176", (
    Code("M1", "Single male adopter"),
    Code("F1", "Single female adopter"),
    Code("MM", "Adopting couple are both male"),
    Code("FF", "Adopting couple are both female"),
    Code("MF", "Adopting couple are male and female"),
))

NB_ADOPTR = CodeList("NB_ADOPTR", "903 rule 175", (
    Code("1", "One adopter"),
    Code("2", "Two adopters"),
))

FOSTER_CARE = CodeList("FOSTER_CARE", "903 rule 114", (
    Code("0", "Child not adopted by current foster carer(s)"),
    Code("1", "Child adopted by current foster carer(s)"),
))

REASON_PLACED_CEASED = CodeList("REASON_PLACED_CEASED", "903 rule 120", (
    Code("RD1", "The child's needs changed after the decision"),
    Code("RD2", "The court did not make a placement order"),
    Code("RD3", "Prospective adopters could not be found"),
    Code("RD4", "Any other reason"),
))
# fmt: on

# Rules 511, 514, 517, 518, 519, 520, 524: which SEX_ADOPTR each NB_ADOPTR and LS_ADOPTR
# allows. 511 ties the number to single/couple codes; the legal status ties the sexes.
SEX_FOR_NB_ADOPTR = {"1": {"M1", "F1"}, "2": {"MM", "FF", "MF"}}
SEX_FOR_LS_ADOPTR = {
    "L0": {"M1", "F1"},  # 514
    "L11": {"MF"},  # 520
    "L12": {"MM", "FF"},  # 524
    "L2": {"MM", "FF", "MF"},  # 519
    "L3": {"MF"},  # 517
    "L4": {"MM", "FF"},  # 518
}


def adopter_codes_problem(nb: str, sex: str, ls: str) -> tuple[str, str] | None:
    """The first AD1 combination the DfE validator refuses, as (message, field), or None."""
    if sex not in SEX_FOR_NB_ADOPTR.get(nb, set()):
        return (
            f"{SEX_ADOPTR.label(sex)} does not fit {NB_ADOPTR.label(nb).lower()} (903 rule 511)",
            "sex_adopter",
        )
    if sex not in SEX_FOR_LS_ADOPTR.get(ls, set()):
        return (
            f"{SEX_ADOPTR.label(sex)} does not fit {LS_ADOPTR.label(ls).lower()} "
            "(903 rules 514, 517-520, 524)",
            "sex_adopter",
        )
    return None


# --- leaving care ---
# fmt: off
IN_TOUCH = CodeList("IN_TOUCH", "903 rule 131", (
    Code("YES", "In touch with the young person"),
    Code("NO", "Not in touch"),
    Code("DIED", "Young person has died"),
    Code("REFU", "Young person refuses contact"),
    Code("NREQ", "Young person no longer requires services"),
    Code("RHOM", "Returned home to parent(s) for a continuous period of 6 months or more"),
))

ACTIV = CodeList("ACTIV", "903 rule 132", (
    Code("F1", "Full time in higher education"),
    Code("P1", "Part time in higher education"),
    Code("F2", "Full time in education other than higher education"),
    Code("P2", "Part time in education other than higher education"),
    Code("F4", "Full time in an apprenticeship"),
    Code("P4", "Part time in an apprenticeship"),
    Code("F5", "Full time in training or employment (not an apprenticeship)"),
    Code("P5", "Part time in training or employment (not an apprenticeship)"),
    Code("G4", "Not in education, employment or training: illness or disability"),
    Code("G5", "Not in education, employment or training: other reasons"),
    Code("G6", "Not in education, employment or training: pregnancy or parenting"),
    Code("0", "Not applicable"),
))

_ACCOM_TYPES = (
    ("B", "With parents or relatives"),
    ("C", "Community home or other residential care"),
    ("D", "Semi-independent, transitional accommodation"),
    ("E", "Supported lodgings"),
    ("G", "Gone abroad"),
    ("H", "Deported"),
    ("K", "Ordinary lodgings, without formal support"),
    ("R", "Residence not known"),
    ("S", "No fixed abode or homeless"),
    ("T", "Foyers and similar supported accommodation"),
    ("U", "Independent living (e.g. flat, tenancy)"),
    ("V", "Emergency accommodation (e.g. night shelter, emergency hostel)"),
    ("W", "Bed and breakfast"),
    ("X", "In custody"),
    ("Y", "Other accommodation"),
    ("Z", "With former foster carer(s)"),
)
_NEVER_SUITABLE = {"S", "X"}  # S1 and X1 are not valid codes
# The digit is the suitability: 1 considered suitable, 2 considered unsuitable.
ACCOM = CodeList("ACCOM", "903 rule 133", (
    *(
        Code(f"{letter}{digit}", f"{label}: {'suitable' if digit == 1 else 'unsuitable'}")
        for letter, label in _ACCOM_TYPES
        for digit in (1, 2)
        if not (digit == 1 and letter in _NEVER_SUITABLE)
    ),
    Code("0", "Not applicable"),
))
# fmt: on
EET = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"}


def oc3_problem(in_touch: str, activity: str, accommodation: str, *, age_at_year_start: int,
                seventeenth_in_year: bool) -> tuple[str, str] | None:  # fmt: skip
    """The first OC3 combination the DfE validator refuses (344, 345, 347, 3001), as
    (message, field), or None. 347 is applied to the Foyer codes T1/T2 it means (codes.md
    Part D4: the validator tests "T" and never fires)."""
    if in_touch in ("DIED", "RHOM"):
        if activity != "0":
            return ("Activity must be 'not applicable' when the young person has died or "
                    "returned home (903 rule 344)", "activity")  # fmt: skip
        if accommodation != "0":
            return ("Accommodation must be 'not applicable' when the young person has died "
                    "or returned home (903 rule 344)", "accommodation")  # fmt: skip
    if in_touch == "YES":
        if activity == "0":
            return ("Say what the young person is doing: 'not applicable' is only for a "
                    "young person not in touch (903 rule 345)", "activity")  # fmt: skip
        if accommodation == "0":
            return ("Say where the young person lives: 'not applicable' is only for a "
                    "young person not in touch (903 rule 345)", "accommodation")  # fmt: skip
    if accommodation in ("T1", "T2") and age_at_year_start < 18:
        return ("A Foyer is only for young people aged 18 or over (903 rule 347)",
                "accommodation")  # fmt: skip
    if accommodation in ("Z1", "Z2") and seventeenth_in_year:
        return ("At 17 the young person cannot be living with former foster carers: that "
                "is Staying Put after 18 (903 rule 3001)", "accommodation")  # fmt: skip
    return None
