"""The SSDA903 cross-field rules that apply when a worker records care, each citing its DfE
validator rule number (shared/reference/codes.md Part C), so a record the actions accept is
one the return accepts. The returns engineer reuses these checks on the extract.

Each check refuses (``ValidationError`` naming the form field) rather than warn: a record the
DfE rejects is wrong in the child's file too. Duration limits (§17) are the exception: an
emergency status that ran past its limit is still what happened, and the worker needs to be
told to record the next status, not prevented from recording this one (``duration_warnings``).

Rule 359 (a child looked after past 18 must be V2 in K2) is not enforced at entry: the
worker records the eighteenth birthday's change of status and placement as it happens; the
returns check reports a child still looked after at 18 otherwise.
"""

import datetime as dt

from lantern.care import codes
from lantern.care.models import Carer
from lantern.casework.actions.base import long_date, refuse

TEMPORARY = codes.TEMPORARY_PLACEMENTS
ADOPTION = frozenset({"A3", "A4", "A5", "A6"})
FOSTERING = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
OTHER = frozenset({"Z1", "Z11", "Z12", "Z13", "Z14"})
SUPPORTED = frozenset({"K3", "H5"})
# Rules 218/242: placements with no Ofsted-registered setting, so no URN.
NO_URN = frozenset({"P1", "P3", "R1", "R2", "R5"}) | TEMPORARY | OTHER
# Rule 243: "XXXXXXX" (a registered person with no URN) only for adoption and fostering.
URN_NOT_KNOWN = "XXXXXXX"
# Rules 178/213/526: provider blank for these (T4 too up to 2024/25; optional from 2025/26).
NO_PROVIDER = frozenset({"T0", "T1", "T2", "T3", "Z1", "Z11", "Z12", "Z13", "Z14"})
PROVIDER_OPTIONAL = frozenset({"T4"})
# Rules 358/371–374: minimum age on the day the placement or status starts.
MINIMUM_AGE = {"K3": 16, "H5": 16, "R5": 10, "S1": 4, "P3": 14}
YOUTH_JUSTICE = frozenset({"J1", "J2", "J3"})
# §17 (rules 361–379): the longest each emergency status or temporary placement may last.
MAX_DAYS = {"L1": 3, "L2": 21, "L3": 7, "J2": 21, "T1": 42, "T3": 21, "T4": 7}


def _age(person, day: dt.date) -> int | None:
    return person.age_on(day) if person.date_of_birth else None


def check_placement_type(code: str, day: dt.date, field: str = "placement_type") -> None:
    """The DfE's list for the collection year of ``day`` (K3 from 2024/25; Z1 replaced by
    Z11–Z14 and H5, P2 withdrawn from 2025/26)."""
    if code not in codes.PLACEMENT_TYPE:
        refuse(f"{code or 'A blank code'} is not an SSDA903 placement type", field)
    if not codes.placement_type_valid_on(code, day):
        year = codes.collection_year(day)
        refuse(
            f"Placement type {code} is not on the DfE list for {year - 1}/{str(year)[2:]}",
            field,
        )


def check_placement(
    person,
    *,
    placement_type: str,
    provider: str,
    urn: str,
    legal_status: str,
    start_date: dt.date,
    carer=None,
    postcode: str = "",
) -> None:
    """A placement starting on ``start_date`` (``postcode`` is accepted so an action can
    pass its placement fields whole; no DfE rule reads it at entry)."""
    check_placement_type(placement_type, start_date)
    age = _age(person, start_date)
    if placement_type in SUPPORTED and age is not None and age < 16:
        # Rule 372 and the Supported Accommodation (England) Regulations 2023.
        refuse("Supported accommodation is only for 16- and 17-year-olds", "placement_type")
    if _supported(carer) and age is not None and age < 16:
        # The 2023 Regulations ban the setting for under-16s, whatever code the worker
        # chose: without this a 15-year-old could be placed there as, say, U6 or R1.
        refuse(f"{carer} is supported accommodation, only for 16- and 17-year-olds", "carer")
    minimum = MINIMUM_AGE.get(placement_type)
    if minimum and age is not None and age < minimum:  # rules 358, 373, 374
        refuse(
            f"Placement type {placement_type} is only for children aged {minimum} or over "
            f"(the child was {age} on {long_date(start_date)})",
            "placement_type",
        )
    if placement_type in {"A5", "A6"} and legal_status != "E1":  # rule 408
        refuse(
            "A child placed for adoption under a placement order (A5, A6) must have legal "
            "status E1 (placement order granted)",
            "placement_type",
        )
    check_status_with_placement(legal_status, placement_type)
    check_provider(placement_type, provider)
    check_urn(placement_type, urn)


def _supported(carer) -> bool:
    return carer is not None and carer.kind == Carer.Kind.SUPPORTED_ACCOMMODATION


def check_status_with_placement(legal_status: str, placement_type: str, field="placement_type"):
    if placement_type == "P1" and legal_status == "V2":  # rule 378
        refuse(
            "A child accommodated under section 20 (V2) cannot be placed with parents (P1)",
            field,
        )
    if legal_status in {"V3", "V4"} and placement_type in TEMPORARY | {"U1", "U4"}:
        refuse(  # rules 382, 384
            f"Short breaks ({legal_status}) cannot be in a temporary or long-term foster "
            f"placement ({placement_type})",
            field,
        )


def check_provider(placement_type: str, provider: str) -> None:
    """Rules 178/213/526 (blank or required) and 550/527–531 (provider against type)."""
    if placement_type in NO_PROVIDER:
        if provider:
            refuse(f"Leave the provider blank for placement type {placement_type}", "provider")
        return
    if not provider:
        if placement_type in PROVIDER_OPTIONAL:
            return
        refuse("Enter the placement provider", "provider")
    if provider not in codes.PROVIDER:
        refuse(f"{provider} is not an SSDA903 placement provider", "provider")
    not_with = {
        "PR1": {"P1", "R2", "R5"},
        "PR2": {"P1", "R2", "R5"},
        "PR3": {"P1", "K1", "K2"} | ADOPTION | FOSTERING,
        "PR4": {"P1"},
        "PR5": {"P1"},
    }
    if provider == "PR0" and placement_type != "P1":  # rule 550
        refuse("Provider PR0 (parents) is only for a placement with parents (P1)", "provider")
    if placement_type in not_with.get(provider, ()):  # rules 527–531
        refuse(f"Provider {provider} cannot provide placement type {placement_type}", "provider")


def check_urn(placement_type: str, urn: str) -> None:
    """Rules 218 (required), 242 (absent) and 243 (XXXXXXX only for adoption, fostering)."""
    if placement_type in NO_URN:
        if urn:
            refuse(f"Placement type {placement_type} has no Ofsted URN: leave it blank", "urn")
        return
    if not urn:
        refuse("Enter the Ofsted URN (XXXXXXX for a foster or adoptive carer without one)", "urn")
    if urn == URN_NOT_KNOWN and placement_type not in ADOPTION | FOSTERING:
        refuse("XXXXXXX is only for adoption and foster placements", "urn")


def check_legal_status(
    person, *, code: str, start_date: dt.date, placement_type: str, field: str = "legal_status"
) -> None:
    if code not in codes.LEGAL_STATUS:
        refuse(f"{code or 'A blank code'} is not an SSDA903 legal status", field)
    age = _age(person, start_date)
    if code in YOUTH_JUSTICE and age is not None and age < 10:  # rule 371
        refuse(
            f"Legal status {code} is only for children aged 10 or over (the child was {age})",
            field,
        )
    if placement_type in {"A5", "A6"} and code != "E1":  # rule 408
        refuse(
            f"The child is placed for adoption under a placement order ({placement_type}): "
            "the legal status must be E1",
            field,
        )
    check_status_with_placement(code, placement_type, field=field)


# Rules 386/387/389/407/460: the child's age on the day care ends.
UNDER_18 = frozenset({"E11", "E12", "E45", "E46", "E47", "E48"})


def check_ending(person, *, reason_ceased: str, on: dt.date, placement_type: str) -> None:
    field = "reason_ceased"
    if reason_ceased not in codes.REASON_EPISODE_CEASED or reason_ceased == "X1":
        refuse("Choose why the child ceased to be looked after", field)
    age = _age(person, on)
    if age is not None:
        if reason_ceased in UNDER_18 and age >= 18:  # rules 386, 460
            refuse(f"{reason_ceased} is only for a child under 18", field)
        if reason_ceased in {"E5", "E6"} and age < 14:  # rule 387
            refuse("Independent living (E5, E6) is only for a child aged 14 or over", field)
        if reason_ceased == "E7" and age < 16:  # rule 389
            refuse("Adult residential care (E7) is only for a child aged 16 or over", field)
        if reason_ceased == "E17" and age < 18:  # rule 407
            refuse("E17 (remained with carers at 18) is only for a young person of 18", field)
    if reason_ceased in {"E11", "E12"} and placement_type not in ADOPTION:  # rule 390
        refuse("An adoption (E11, E12) ends a placement for adoption (A3 to A6)", field)
    if reason_ceased in {"E45", "E46"} and placement_type not in FOSTERING:  # rule 516
        refuse("An SGO to former foster carers (E45, E46) ends a foster placement", field)


def duration_warnings(statuses, placements, today: dt.date) -> list[str]:
    """§17 (rules 361–379): emergency statuses and temporary placements past their limit."""
    warnings = []
    for row, code in [(s, s.code) for s in statuses] + [(p, p.placement_type) for p in placements]:
        limit = MAX_DAYS.get(code)
        if limit is None:
            continue
        days = ((row.end_date or today) - row.start_date).days
        if days > limit:
            warnings.append(
                f"{code} from {long_date(row.start_date)} has lasted {days} days: the DfE "
                f"limit is {limit} days. Record what followed."
            )
    return warnings
