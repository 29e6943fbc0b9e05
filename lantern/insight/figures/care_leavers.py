"""Care leavers aged 19 to 21: in education, employment or training, and in suitable
accommodation.

The young people and what they were doing are the SSDA903 OC3 rows
(``care.queries.leaving_care.oc3_rows``): care leavers whose 19th, 20th or 21st birthday
fell in the period, with the council's contact around the birthday (3 months before to 1
month after). The return, the care pages and these figures read the same rows.
"""

from lantern.care.codes import EET
from lantern.care.queries.leaving_care import oc3_rows
from lantern.insight import references
from lantern.insight.figures.common import share
from lantern.insight.measures import Better, Figure, Period, Unit, Value

SECTION = "Care leavers"
AGES = (19, 20, 21)


def _rows(period: Period):
    return [r for r in oc3_rows(period.end, period.start) if r.birthday in AGES]


def care_leavers_in_eet(period: Period) -> Value:
    """Of the care leavers whose 19th, 20th or 21st birthday fell in the period, the
    percentage in education, employment or training at the birthday contact (DfE Children
    looked after in England, care leavers; SSDA903 OC3 activity F1-F5 and P1-P5). A young
    person the council was not in touch with counts as not known to be, as the DfE counts
    them. The drill-down is those not in education, employment or training, or not known."""
    rows = _rows(period)
    not_eet = {r.person.pk for r in rows if r.activity not in EET}
    hits = sum(1 for r in rows if r.activity in EET)
    return share(hits, len(rows), not_eet)


def _suitable(code: str) -> bool:
    return len(code) == 2 and code.endswith("1")  # OC3 ACCOM: the digit 1 is "suitable"


def care_leavers_in_suitable_accommodation(period: Period) -> Value:
    """Of the care leavers whose 19th, 20th or 21st birthday fell in the period, the
    percentage in accommodation considered suitable at the birthday contact (SSDA903 OC3
    accommodation codes ending 1). A young person the council was not in touch with counts
    as not known to be."""
    rows = _rows(period)
    unsuitable = {r.person.pk for r in rows if not _suitable(r.accommodation)}
    hits = sum(1 for r in rows if _suitable(r.accommodation))
    return share(hits, len(rows), unsuitable)


FIGURES = [
    Figure(
        "care_leavers_in_eet", "Care leavers 19-21 in education, employment or training",
        SECTION, Unit.PERCENT, Better.HIGHER, care_leavers_in_eet,
        "care leavers not in education, employment or training", references.LEAVERS_EET,
    ),
    Figure(
        "care_leavers_in_suitable_accommodation",
        "Care leavers 19-21 in suitable accommodation", SECTION, Unit.PERCENT, Better.HIGHER,
        care_leavers_in_suitable_accommodation,
        "care leavers not known to be in suitable accommodation",
        references.LEAVERS_ACCOMMODATION,
    ),
]  # fmt: skip
