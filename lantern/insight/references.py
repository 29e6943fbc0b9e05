"""England's published figures beside each of ours, with where and when each was published.

Figures are from /work/shared/reference/statutory.md Table 3 (evidence codes as there: P
read from the DfE publication, D derived from P figures with the arithmetic shown, NL not
located). Percentages are 0-100 and rates per 10,000 children aged 0-17, as the figures
are. England's child population for derived rates is the one the CIN release implies:
402,400 children in need at 330.3 per 10,000. Statistical neighbours' averages (the
DfE's/LAIT's ten most similar councils) were not among the sources available, so
``neighbours`` is None throughout until a council enters them; where England's figure was
not located either, ``england`` is None and the source says so, rather than a guess.
"""

from lantern.insight.measures import Reference

CIN_2025 = "DfE, Characteristics of children in need, year ending 31 March 2025"
CLA_2025 = "DfE, Children looked after in England including adoptions, year ending 31 March 2025"
YEAR = "2024-25"
ENGLAND_CHILDREN = 402_400 / 330.3 * 10_000  # under-18s implied by the CIN headline


def _rate(count: int) -> float:
    return round(count / ENGLAND_CHILDREN * 10_000, 1)


def _england(value: float | None, source: str, year: str = YEAR) -> Reference:
    return Reference(england=value, neighbours=None, source=source, year=year)


def _not_located(what: str) -> Reference:
    return _england(None, f"No national figure located: {what}", "")


CONTACTS = _not_located("the DfE does not collect contacts")
REFERRALS = _england(_rate(632_830), f"{CIN_2025}, table C1: 632,830 referrals (D: a rate)")
RE_REFERRALS = _england(22.6, f"{CIN_2025}, table C1: 142,900 of 632,830 (P)")
MASH_DECISIONS = _not_located("decisions within 1 working day are not in a DfE collection")
ASSESSMENTS = _england(85.7, f"{CIN_2025}, table C2: 555,820 of 648,830 (D, duration bands)")
SECTION47S = _england(_rate(230_590), f"{CIN_2025}, table C4: 230,590 enquiries (D: a rate)")
ICPCS = _england(81.4, f"{CIN_2025}, table C4: 58,670 of 72,100 from the s47 start (D)")
CHILDREN_IN_NEED = _england(330.3, f"{CIN_2025}, headline: 402,400 at 31 March (P)")
CP_PLANS = _england(_rate(49_420), f"{CIN_2025}, table D1: 49,420 at 31 March (D: a rate)")
CATEGORY_NEGLECT = _england(
    50.0, "DfE, Children in need: a focus on sexual abuse and exploitation 2025: about half (P)"
)
CATEGORY_EMOTIONAL = _england(
    33.3, "DfE, Children in need: a focus on sexual abuse and exploitation 2025: about a third (P)"
)
CATEGORY_SEXUAL = _england(
    3.5, "DfE CSA focus 2025: 2,190 plans (P) of 61,840 plan starts (table D1): D"
)
CATEGORY_PHYSICAL = _not_located("the physical abuse share (not in statutory.md)")
CATEGORY_MULTIPLE = _not_located("the multiple-category share (not in statutory.md)")
REPEAT_PLANS = _not_located("2025 second or subsequent plans (table D3; LG Inform metric 100)")
REPEAT_PLANS_2_YEARS = _not_located("second plans within 2 years of the last")
LONG_PLANS = _england(4.4, f"{CIN_2025}, table D7: 2,710 plans ending in the year (P)")
LOOKED_AFTER = _england(67.0, f"{CLA_2025}: 81,770 at 31 March, 67 per 10,000 (P)")
THREE_PLACEMENTS = _not_located(
    "3 or more placements during the year (the row of the CLA placement stability data set "
    "was not retrieved; 23% had 3 or more over 2 years, P)"
)
LONG_TERM_STABILITY = _england(
    69.0, f"{CLA_2025}, placement stability by local authority: 19,680 of 28,710 (P)"
)
CP_VISITS = _not_located("CP visit intervals are local policy (statutory.md 1.9)")
CLA_VISITS = _not_located("the DfE does not publish visit timeliness")
CP_REVIEWS = _not_located("the COLLECT 'CPPs reviewed within timescales' figure")
CLA_REVIEWS = _not_located("the DfE does not publish review timeliness")
LEAVERS_EET = _not_located(
    "the DfE's 2025 share of 19-21s in education, employment or training (statutory.md: "
    "the Children's Commissioner says nearly two in five are NEET, S)"
)
LEAVERS_ACCOMMODATION = _not_located("the DfE's 2025 share of 19-21s in suitable accommodation")
