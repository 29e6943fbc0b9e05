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
