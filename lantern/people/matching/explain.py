"""Plain words for a MASH officer: which fields agreed, which did not, and by how much.

One ``FieldComparison`` per field, in the order an officer reads a record, each with the
evidence it added (log2 of the likelihood ratio, so +10 is strong, -5 against).
"""

import datetime as dt
from dataclasses import dataclass, field

from lantern.people.matching.types import FieldComparison

AGREES, CLOSE, DIFFERS, MISSING = "agrees", "close", "differs", "missing"
HOUSEHOLD_NOTE = -1.0  # bits: below this the household correction is worth saying


@dataclass
class Side:
    """What one side of a pair said, as the officer would read it."""

    given: list[str]  # first given name of each variant (variant order)
    surnames: list[str]  # surname of each variant
    middles: list[str] = field(default_factory=list)
    variant_labels: list[str] = field(default_factory=list)  # "" for the main name
    dob: dt.date | None = None
    sex: str = ""
    postcodes: list[str] = field(default_factory=list)


def _from(label: str) -> str:
    return f" ({label})" if label else ""


def _first(level: int, inc: Side, cand: Side, variant: int, swapped: bool) -> tuple[str, str]:
    mine = inc.given[0] if inc.given else ""
    pool = cand.surnames if swapped else cand.given
    theirs = pool[variant] if 0 <= variant < len(pool) and pool[variant] else (pool or [""])[0]
    label = cand.variant_labels[variant] if 0 <= variant < len(cand.variant_labels) else ""
    where = "the surname" if swapped else "the first name"
    texts = {
        0: (AGREES, f"first name {mine} matches {where}{_from(label)}"),
        1: (CLOSE, f"first name {mine} is another form of {theirs}{_from(label)}"),
        2: (CLOSE, f"first name {mine} is one keystroke from {theirs}{_from(label)}"),
        3: (CLOSE, f"first name {mine} sounds like {theirs}{_from(label)}"),
        4: (CLOSE, "first name matches a middle name"),
        5: (CLOSE, f"first name given only as the initial of {theirs}"),
        6: (DIFFERS, f"first name differs: {mine} vs {theirs}"),
    }
    return texts.get(level, (MISSING, "first name not known on one side"))


def _last(level: int, inc: Side, cand: Side, variant: int, swapped: bool) -> tuple[str, str]:
    mine = inc.surnames[0] if inc.surnames else ""
    pool = cand.given if swapped else cand.surnames
    theirs = pool[variant] if 0 <= variant < len(pool) and pool[variant] else (pool or [""])[0]
    label = cand.variant_labels[variant] if 0 <= variant < len(cand.variant_labels) else ""
    if level == 0 and label:
        return AGREES, f"surname matches {label}"
    texts = {
        0: (AGREES, "surname matches the first name" if swapped else "surname matches"),
        1: (CLOSE, f"surname {mine} shares a part with {theirs}{_from(label)}"),
        2: (CLOSE, f"surname {mine} is one keystroke from {theirs}{_from(label)}"),
        3: (CLOSE, f"surname {mine} sounds like {theirs}{_from(label)}"),
        4: (DIFFERS, f"surname differs: {mine} vs {theirs}"),
    }
    return texts.get(level, (MISSING, "surname not known on one side"))


def _dob(level: int, inc: Side, cand: Side) -> tuple[str, str]:
    mine = f"{inc.dob:%d/%m/%Y}" if inc.dob else ""
    theirs = f"{cand.dob:%d/%m/%Y}" if cand.dob else ""
    texts = {
        0: (AGREES, "date of birth matches"),
        1: (CLOSE, "date of birth matches with day and month swapped"),
        2: (CLOSE, f"date of birth one year out: {mine} vs {theirs}"),
        3: (CLOSE, f"date of birth in the same month and year, another day: {mine} vs {theirs}"),
        4: (CLOSE, f"date of birth on the same day and year, another month: {mine} vs {theirs}"),
        5: (CLOSE, f"date of birth estimated, within a year: {mine} vs {theirs}"),
        6: (DIFFERS, f"date of birth differs: {mine} vs {theirs}"),
    }
    return texts.get(level, (MISSING, "date of birth not known on one side"))


def _postcode(level: int, inc: Side, cand: Side, slot: int) -> tuple[str, str]:
    mine = inc.postcodes[0] if inc.postcodes else ""
    theirs = cand.postcodes[slot] if 0 <= slot < len(cand.postcodes) else ""
    current = cand.postcodes[0] if cand.postcodes else ""
    previous = " a previous address" if slot > 0 else ""
    district = lambda p: p.split()[0] if p else ""  # noqa: E731
    texts = {
        0: (AGREES, f"postcode matches{previous} ({theirs})"),
        1: (CLOSE, f"postcode in the same sector as{previous}: {mine} vs {theirs}"),
        2: (CLOSE, f"postcode in the same district as{previous}: {mine} vs {theirs}"),
        3: (DIFFERS, f"postcode differs: {district(mine)} vs {district(current)}"),
    }
    return texts.get(level, (MISSING, "postcode not known on one side"))


def _sex(level: int, inc: Side, cand: Side) -> tuple[str, str]:
    texts = {0: (AGREES, "sex matches"), 1: (DIFFERS, f"sex differs: {inc.sex} vs {cand.sex}")}
    return texts.get(level, (MISSING, "sex not known on one side"))


def _nhs(level: int) -> tuple[str, str]:
    texts = {0: (AGREES, "NHS number matches"), 1: (DIFFERS, "NHS number differs")}
    return texts.get(level, (MISSING, "NHS number not known on one side"))


SWAPPED = (CLOSE, "first and last names are the other way round")
HOUSEHOLD = (
    CLOSE,
    "the agreement is the pattern of twins or siblings (same surname, address or birth "
    "date, another first name), so it counts for less",
)


def explain(
    levels: dict[str, int], weights: dict[str, float], detail: dict[str, int], inc, cand
) -> list[FieldComparison]:
    """The field-by-field explanation of one scored pair, in the order an officer reads."""
    swapped = levels["name_order"] == 1
    forename = _first(levels["forename"], inc, cand, detail["given_var"], swapped)
    # Twins and siblings share everything but the first name: said only when it differs,
    # never to an officer looking at two records whose first names agree.
    household = weights.get("household", 0.0) < HOUSEHOLD_NOTE and forename[0] == DIFFERS
    words = {
        "forename": forename,
        "surname": _last(levels["surname"], inc, cand, detail["surname_var"], swapped),
        "name_order": SWAPPED if swapped else None,
        "date_of_birth": _dob(levels["date_of_birth"], inc, cand),
        "sex": _sex(levels["sex"], inc, cand),
        "postcode": _postcode(levels["postcode"], inc, cand, detail["postcode_slot"]),
        "nhs_number": _nhs(levels["nhs_number"]),
        "household": HOUSEHOLD if household else None,
    }
    public = {"forename": "first_name", "surname": "last_name"}
    return [
        FieldComparison(public.get(name, name), outcome, detail_text, weights.get(name, 0.0))
        for name, said in words.items()
        if said is not None
        for outcome, detail_text in [said]
    ]
