"""The answers Ofsted's template offers for the looked-after and care-leaver lists: the
SSDA903 codes, lettered in the template's order, in the template's short words.

A code the template predates (K3 supported accommodation from 2025, Z11 to Z14 from 2026) is
written as the DfE code and Lantern's label of it, without a letter, so nothing is lost.
"""

from lantern.care import codes


def _lettered(items) -> dict[str, str]:
    return {code: f"{letter}) {code}: {text}" for letter, code, text in items}


LEGAL_STATUS = {
    "C1": "C1: ICO", "C2": "C2: FCO", "D1": "D1: Freeing order", "E1": "E1: Placement order",
    "V2": "V2: Single period under S20", "L1": "L1: Police protection LA accommodation",
    "L2": "L2: EPO", "L3": "L3: Child assessment order LA accommodation",
    "J1": "J1: Remanded to LA or youth detention", "J2": "J2: LA accommodation under PACE",
    "J3": "J3: Youth rehabilitation order", "V3": "V3: Short term breaks, episodes recorded",
    "V4": "V4: Short term breaks, agreements recorded",
}  # fmt: skip

REASON_CEASED = _lettered((
    ("a", "E11", "Adopted - application unopposed"), ("b", "E12", "Adopted - consent dispensed"),
    ("c", "E2", "Died"), ("d", "E3", "Care taken by another LA"),
    ("e", "E4A", "Returned home to live with parents or relatives - part of planning"),
    ("f", "E4B", "Returned home to live with parents or relatives - not part of planning"),
    ("g", "E13", "Parents, relatives or other with no parental responsibility"),
    ("h", "E41", "Residence order granted"),
    ("i", "E45", "Special Guardianship Orders - former carer relative/friend"),
    ("j", "E46", "Special Guardianship Orders - former carer other"),
    ("k", "E47", "Special Guardianship Orders - relative/friend"),
    ("l", "E48", "Special Guardianship Orders - other"),
    ("m", "E5", "Moved into independent living - supported"),
    ("n", "E6", "Moved into independent living - no support"),
    ("o", "E7", "Transferred to residential care funded by adult social services"),
    ("p", "E9", "Sentenced to custody"), ("q", "E14", "Accommodation on remand ended"),
    ("r", "E15", "Age assessment determined child was 18 or over"),
    ("s", "E16", "Child moved abroad"), ("t", "E8", "Care ceased for any other reason"),
    ("u", "X1", "CodeError"), ("v", "E17", "Aged 18+ and remained with current carers"),
))  # fmt: skip

PLACEMENT_TYPE = _lettered((
    ("a", "U1", "Foster placement - relatives - long term"),
    ("b", "U2", "Foster placement - relative - FFA"),
    ("c", "U3", "Foster placement - relative - not FFA"),
    ("d", "U4", "Foster placement - long term"), ("e", "U5", "Foster placement - FFA"),
    ("f", "U6", "Foster placement - not FFA"),
    ("g", "A3", "Placed for adoption - consent - current foster"),
    ("h", "A4", "Placed for adoption - consent - not foster"),
    ("i", "A5", "Placed for adoption - order - foster"),
    ("j", "A6", "Placed for adoption - order - not foster"),
    ("k", "P1", "Placed with parents"), ("l", "P2", "Independent living"),
    ("m", "P3", "Residential employment"), ("n", "H5", "Residential accommodation"),
    ("o", "K1", "Secure Children's Homes"), ("p", "K2", "Children's Homes"),
    ("q", "R1", "Residential Care Home"), ("r", "R2", "NHS/Health Trust"),
    ("s", "R3", "Family Centre or Mother and Baby Unit"), ("t", "R5", "Young Offender Institution"),
    ("u", "S1", "Residential school"), ("v", "Z1", "Other placements"),
    ("w", "T0", "Temporary placement"), ("x", "T1", "Temporary placement - hospital"),
    ("y", "T2", "Temporary placement - holiday"),
    ("z", "T3", "Temporary placement - carer holiday"),
    ("zz", "T4", "Temporary placement - seven days or less"),
))  # fmt: skip

PROVIDER = _lettered((
    ("a", "PR0", "Parents/Parental responsibility"), ("b", "PR1", "Own provision"),
    ("c", "PR2", "Other LA provision"), ("d", "PR3", "Other public provision"),
    ("e", "PR4", "Private provision"), ("f", "PR5", "Voluntary/third sector"),
))  # fmt: skip

# Lantern's permanence plans in the template's answers; kinship care is most often secured
# by a special guardianship order, so it is "SGO/CAO".
PERMANENCE_PLAN = {
    "home": "a) Return to family", "adoption": "b) Adoption", "kinship": "c) SGO/CAO",
    "cao": "c) SGO/CAO", "independence": "d) Supported living in the community",
    "ltf": "f) Long-term fostering", "other": "g) other",
}  # fmt: skip

ELIGIBILITY = {
    "relevant": "a) Relevant child",
    "former relevant": "b) Former relevant child",
    "qualifying": "c) Qualifying care leaver",
    "eligible": "d) Eligible child",
}

IN_TOUCH = {
    "YES": "a) Yes", "NO": "b) No", "DIED": "c) Died", "REFU": "d) Refu", "NREQ": "e) NREQ",
    "RHOM": "f) Rhom",
}  # fmt: skip

ACCOMMODATION = {
    "B": "B: Parents/relatives", "C": "C: Community home/residential care",
    "D": "D: Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "E: Supported lodgings", "G": "G: Abroad", "H": "H: Deported",
    "K": "K: Ordinary lodgings, without formal support", "R": "R: Residence not known",
    "S": "S: No fixed abode/homeless", "T": "T: Foyers and similar supported accommodation",
    "U": "U: Independent living", "V": "V: Emergency accommodation", "W": "W: Bed and breakfast",
    "X": "X: In custody", "Y": "Y: Other accommodation", "Z": "Z: With former foster carers",
}  # fmt: skip
SUITABILITY = {"1": "a) Suitable", "2": "b) Unsuitable"}

ACTIVITY = {
    "F1": "F1: Full time in higher education", "P1": "P1: Part time in higher education",
    "F2": "F2: Full time in education other than higher",
    "P2": "P2: Part time in education other than higher",
    "F4": "F4: Young person engaged full time in an apprenticeship",
    "P4": "P4: Young person engaged part time in an apprenticeship",
    "F5": "F5: Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "P5: Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "G4: Not in education, employment or training - illness or disability",
    "G5": "G5: Not in education, employment or training - other",
    "G6": "G6: Not in education, employment or training - pregnancy or parenting",
}  # fmt: skip

REASON_NO_LONGER_PLACED = {
    "RD1": "RD1 - The child’s needs changed subsequent to the decision",
    "RD2": "RD2 - The Court did not make a placement order",
    "RD3": "RD3 - Prospective adopters could not be found",
    "RD4": "RD4 - Any other reason",
}


def placement_type(code: str) -> str:
    if code in PLACEMENT_TYPE:
        return PLACEMENT_TYPE[code]
    kind = codes.PLACEMENT_TYPE.get(code)
    return f"{code}: {kind.label}" if kind else code
