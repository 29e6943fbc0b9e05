"""The national figures the demo borough is calibrated to, in one table.

The generator reads its rates and mixes from here, and ``report`` measures the generated
records against the same rows, so a figure cannot drift from its target unnoticed. Every
row names its source in ``/work/shared/reference/statutory.md`` (evidence codes P, S, D, NL
as there). Tolerances are absolute (a rate per 10,000 or a share). The stated tolerance
holds for a full-size borough; a small one is allowed chance as well: at ``--scale 0.05``
there are about 15 plans, so one plan more or less moves a share by 7 points. ``allowed``
widens the tolerance by what chance can do in a sample of n: for a share, the exact
binomial count a correct generator exceeds (or falls short of) once in 100,000 draws (a
normal approximation is far too tight for a rare outcome in a small sample: 4 of 19 plans
over two years, against 4.4%, happens once in 140); for a rate from n cases, 4.5 standard
errors (Poisson). The test runs a random seed three times in every CI run, so a figure
must not fail a correct generator by chance.
"""

import datetime as dt
import math
from dataclasses import dataclass

# DESIGN.md §4: a Haringey-sized borough has about 58,000 children under 18 at scale 1.
CHILD_POPULATION = 58_000
# England's under-18 population implied by 402,400 children in need at 330.3 per 10,000.
ENGLAND_CHILDREN = 402_400 / 330.3 * 10_000
SIGMAS = 4.5  # a rate: about 1 in 100,000 two-sided
FALSE_ALARM = 1e-5  # a share: the binomial tail a correct generator reaches by chance
YEAR = dt.timedelta(days=365)


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    value: float
    tolerance: float
    unit: str  # "per10k", "share" or "number"
    source: str

    def shown(self, value: float) -> str:
        if self.unit == "share":
            return f"{value:.1%}"
        return f"{value:,.1f}"

    def bounds(self, n: int) -> tuple[float, float]:
        """The lowest and highest value a correct generator gives in a sample of ``n``: the
        stated tolerance, widened by chance (not symmetric: a rare outcome has a long tail
        above and none below)."""
        n = max(n, 1)
        if self.unit == "share":
            below = self.value - _binomial_bound(n, self.value, upper=False) / n
            above = _binomial_bound(n, self.value, upper=True) / n - self.value
        else:
            below = above = SIGMAS * self.value / n**0.5 if self.unit == "per10k" else 0.0
        return (
            self.value - max(self.tolerance, below),
            self.value + max(self.tolerance, above),
        )

    def allowed(self, n: int) -> float:
        """The widest distance from England's figure ``bounds`` allows, for the report."""
        low, high = self.bounds(n)
        return max(self.value - low, high - self.value)


def _binomial_bound(n: int, p: float, *, upper: bool) -> int:
    """The most (``upper``) or fewest hits out of ``n`` that a share ``p`` gives with a
    chance of at least ``FALSE_ALARM``: exact tails, summed from the far end."""
    if p <= 0.0 or p >= 1.0:
        return n if p >= 1.0 else 0
    log_p, log_q, top = math.log(p), math.log1p(-p), math.lgamma(n + 1)
    tail = 0.0
    for hits in range(n, -1, -1) if upper else range(n + 1):
        tail += math.exp(
            top
            - math.lgamma(hits + 1)
            - math.lgamma(n - hits + 1)
            + hits * log_p
            + (n - hits) * log_q
        )
        if tail >= FALSE_ALARM:
            return hits
    return 0 if upper else n


def _per10k(count: float) -> float:
    return count / ENGLAND_CHILDREN * 10_000


TARGETS = [
    Target(
        "cin_rate",
        "Children in need on the day, per 10,000 children",
        330.3,
        50,
        "per10k",
        "P: EES Children in need 2025, headline (402,400; 330.3 at 31 March 2025)",
    ),
    Target(
        "cp_rate",
        "Children on child protection plans, per 10,000",
        40.6,
        10,
        "per10k",
        "D: 49,420 on plans at 31 March 2025 (EES D1) ÷ CIN-implied population",
    ),
    Target(
        "cla_rate",
        "Children looked after, per 10,000",
        67,
        12,
        "per10k",
        "P: EES Children looked after 2025 (81,770; 67 at 31 March 2025)",
    ),
    Target(
        "referral_rate",
        "Referrals in the last 12 months, per 10,000",
        round(_per10k(632_830), 1),
        90,
        "per10k",
        "D: 632,830 referrals in 2024-25 (EES CIN 2025, C1) ÷ CIN-implied population",
    ),
    Target(
        "re_referrals",
        "Referrals within 12 months of a previous referral",
        0.226,
        0.05,
        "share",
        "P: EES CIN 2025, C1 (142,900 of 632,830)",
    ),
    Target(
        "assessed_not_in_need",
        "Episodes closed in the year after assessment, no services (RC8/RC9)",
        0.33,
        0.12,
        "share",
        "D: 30.8% of referrals assessed not in need (C1) ÷ 93.5% not closed at referral",
    ),
    Target(
        "assessments_in_time",
        "Assessments authorised within 45 working days of their start",
        0.857,
        0.05,
        "share",
        "D: EES CIN 2025, C2 duration bands (555,820 of 648,830)",
    ),
    Target(
        "s47_rate",
        "Section 47 enquiries started in the last 12 months, per 10,000",
        round(_per10k(230_590), 1),
        40,
        "per10k",
        "D: 230,590 s47 enquiries in 2024-25 (EES CIN 2025, C4) ÷ CIN-implied population",
    ),
    Target(
        "icpc_per_s47",
        "Initial conferences per section 47 enquiry (last 12 months)",
        0.313,
        0.06,
        "share",
        "D: 72,100 ICPCs ÷ 230,590 s47 enquiries, 2024-25 (EES CIN 2025, C4)",
    ),
    Target(
        "plan_per_icpc",
        "Initial conferences leading to a plan (last 12 months)",
        0.80,
        0.06,
        "share",
        "D: 61,840 plan starts ÷ 72,100 ICPCs = 86% (EES D1, C4) is an upper bound: plan "
        "starts include transfer-in conferences; the review in issue 9 puts it at 75-80%",
    ),
    Target(
        "icpc_in_time",
        "Initial conferences within 15 working days of the s47 start",
        0.814,
        0.08,
        "share",
        "D: EES CIN 2025, C4 (58,670 of 72,100)",
    ),
    Target(
        "cat_neglect",
        "Plans whose initial category is neglect",
        0.50,
        0.07,
        "share",
        "P: EES CSA focus 2025 (neglect about half)",
    ),
    Target(
        "cat_emotional",
        "Plans whose initial category is emotional abuse",
        0.34,
        0.07,
        "share",
        "P: EES CSA focus 2025 (emotional abuse about a third)",
    ),
    Target(
        "cat_physical",
        "Plans whose initial category is physical abuse",
        0.08,
        0.04,
        "share",
        "NL: physical abuse share not in statutory.md; about 7-8% in recent DfE releases",
    ),
    Target(
        "cat_sexual",
        "Plans whose initial category is sexual abuse",
        0.035,
        0.025,
        "share",
        "P: EES CSA focus 2025 (2,190 plans, 3%)",
    ),
    Target(
        "cat_multiple",
        "Plans with more than one initial category (MUL)",
        0.045,
        0.03,
        "share",
        "NL: the remainder after the four single categories",
    ),
    Target(
        "plans_over_2_years",
        "Open plans that have lasted 2 years or more",
        0.044,
        0.04,
        "share",
        "P: EES D7 2025 (2,710 = 4.4% of plans ending in the year lasted 2+ years)",
    ),
    Target(
        "repeat_plans",
        "Children starting a plan who had a plan before",
        0.23,
        0.08,
        "share",
        "NL for 2025: about 23% in recent DfE releases (definition S: LG Inform metric 100)",
    ),
    Target(
        "reviews_in_time",
        "Review conferences held within 3 months (first) or 6 months (later)",
        0.92,
        0.06,
        "share",
        "NL: the DfE COLLECT 'CPPs reviewed within timescales' figure; about 9 in 10 locally",
    ),
    Target(
        "factor_domestic_abuse",
        "Assessments with a domestic abuse factor (3A-3C)",
        0.32,
        0.08,
        "share",
        "NL: DfE CIN 2025 factors table (domestic abuse concerning the parent is the most "
        "common factor, then parental mental health); not in statutory.md",
    ),
    Target(
        "factor_mental_health",
        "Assessments with a mental health factor (4A-4C)",
        0.30,
        0.08,
        "share",
        "NL: as above (second most common factor)",
    ),
    Target(
        "cp_visits_in_time",
        "CP visits within 10 working days of the previous one (n: children)",
        0.90,
        0.07,
        "share",
        "CFG: statutory.md 1.9, default 10 WD (local minimums); share on time is illustrative",
    ),
    Target(
        "visits_in_hours",
        "Visits on working days between 8:00 and 18:00",
        0.96,
        0.03,
        "share",
        "CFG: a few out-of-hours visits; none on bank holidays (statutory.md Table 6)",
    ),
    Target(
        "placed_foster",
        "Looked after: in foster placements on the day (U1-U6)",
        0.70,
        0.06,
        "share",
        "NL: DfE CLA 2025 national placement table (about 7 in 10 in foster placements); the "
        "placement mix is not in statutory.md",
    ),
    Target(
        "placed_kinship",
        "Looked after: fostered by relatives or friends (U1-U3)",
        0.19,
        0.05,
        "share",
        "NL: DfE CLA 2025 (foster placements with relatives or friends, about a fifth of "
        "children looked after)",
    ),
    Target(
        "placed_residential",
        "Looked after: in children's homes or secure units (K1, K2)",
        0.11,
        0.04,
        "share",
        "NL: DfE CLA 2025 (secure units, children's homes and residential settings)",
    ),
    Target(
        "placed_parents",
        "Looked after: placed with parents (P1)",
        0.07,
        0.03,
        "share",
        "NL: DfE CLA 2025 (placed with parents or others with parental responsibility)",
    ),
    Target(
        "placed_supported",
        "Looked after: in supported accommodation (K3, 16-17)",
        0.08,
        0.03,
        "share",
        "NL: DfE CLA 2025 (independent and semi-independent living, supported accommodation)",
    ),
    Target(
        "placed_adoption",
        "Looked after: placed for adoption (A3-A6)",
        0.03,
        0.02,
        "share",
        "NL: DfE CLA 2025 (placed for adoption, about 3%)",
    ),
    Target(
        "three_placements",
        "Looked after: 3 or more carers in the last 12 months",
        0.10,
        0.04,
        "share",
        "NL: DfE CLA placement stability 2025, 3+ placements during the year (statutory.md: "
        "the row was not retrieved; about 1 in 10 in recent releases); 23% over 2 years is P",
    ),
    Target(
        "long_term_stability",
        "Under-16s in care 2.5 years+: same carer for 2 years",
        0.69,
        0.08,
        "share",
        "P: CLA placement stability by local authority 2025 (19,680 / 28,710), statutory.md",
    ),
    # --- issue 10 §11: permanence, court, missing, leaving care (``care_record_figures``) ---
    Target(
        "adoption_care_to_placed",
        "Placed for adoption: days from entering care (average, scorecard A1)",
        456,
        120,
        "number",
        "Assumption: DfE adoption scorecards, about 15 months on average in recent years; the "
        "scorecard is not in statutory.md. Not judged on fewer than 10 children",
    ),
    Target(
        "proceedings_weeks",
        "Care proceedings ended: weeks from issue to the final order (average)",
        40,
        9,
        "number",
        "Assumption: MoJ family court statistics, about 40-45 weeks for public law cases in "
        "recent years (the 26-week limit is P, statutory.md); not judged on fewer than 10",
    ),
    Target(
        "missing_looked_after",
        "Looked after in the year: went missing or away in the year",
        0.11,
        0.04,
        "share",
        "Assumption: DfE CLA, children missing from care (about 1 in 10 to 1 in 8 of those "
        "looked after in the year); not in statutory.md",
    ),
    Target(
        "rhi_in_time",
        "Returns from missing in the year: return home interview offered within 72 hours",
        0.82,
        0.08,
        "share",
        "Assumption: the 2014 statutory guidance asks for 72 hours; councils report about 8 "
        "in 10 offered in time; not in statutory.md",
    ),
    Target(
        "pathway_plans_in_time",
        "Pathway plans and reviews due in the year: made in time",
        0.85,
        0.08,
        "share",
        "Assumption: by 16y3m and 6-monthly (P, statutory.md 2.8); the share in time is local",
    ),
    Target(
        "leavers_in_touch",
        "Care leavers 19-21: in touch at the birthday contact (OC3)",
        0.9,
        0.06,
        "share",
        "NL: DfE CLA care leavers (about 9 in 10 of 19-21s in touch); statutory.md has 58% of "
        "22-year-olds in touch or receiving support (P)",
    ),
    Target(
        "leavers_eet",
        "Care leavers 19-21: in education, employment or training (OC3)",
        0.57,
        0.08,
        "share",
        "S: Children's Commissioner, 'nearly two in five' care leavers aged 19-21 are NEET "
        "(statutory.md); DfE's share in EET is NL",
    ),
    Target(
        "caseload",
        "Children per case-holding social worker",
        15.2,
        5,
        "number",
        "P: EES workforce 2025 (321,661 cases ÷ 21,105.4 FTE)",
    ),
    # Reviews, health and education of looked-after children (``demo.care_figures_reviews``).
    Target(
        "lac_reviews_in_time",
        "Looked-after reviews in the year held in time",
        0.90,
        0.05,
        "share",
        "Assumption: about 9 in 10 (statutory.md 2.3 has the timescales, no national figure)",
    ),
    Target(
        "iha_in_time",
        "Initial health assessments within 20 working days",
        0.60,
        0.1,
        "share",
        "Assumption: no national figure (statutory.md 2.5 has the timescale only)",
    ),
    Target(
        "health_assessments",
        "Looked after 12 months: health assessment in the last year",
        0.85,
        0.06,
        "share",
        "NL: DfE CLA 2025 outcomes (OC2), about 85%; the row is not in statutory.md",
    ),
    Target(
        "immunisations",
        "Looked after 12 months: immunisations up to date",
        0.80,
        0.06,
        "share",
        "NL: DfE CLA 2025 outcomes (OC2), about 80%; the row is not in statutory.md",
    ),
    Target(
        "dental_checks",
        "Looked after 12 months: dental check in the last year",
        0.80,
        0.06,
        "share",
        "NL: DfE CLA 2025 outcomes (OC2), about 80%; the row is not in statutory.md",
    ),
    Target(
        "sdq_mean",
        "Mean SDQ score (ages 4 to 16)",
        14.0,
        3.0,  # a number gets no allowance for chance: 4.5 standard errors of 100 scores
        "number",
        "NL: DfE CLA 2025 outcomes, mean score about 14; the row is not in statutory.md",
    ),
]
BY_KEY = {t.key: t for t in TARGETS}


def value(key: str) -> float:
    return BY_KEY[key].value


# Mixes the generator draws from, weighted by the rows above.
CATEGORY_MIX = {
    "neglect": value("cat_neglect"),
    "emotional abuse": value("cat_emotional"),
    "physical abuse": value("cat_physical"),
    "sexual abuse": value("cat_sexual"),
    "neglect and emotional abuse": value("cat_multiple"),
}


def assessment_days(rng) -> int:
    """Working days from an assessment's start to its authorisation: 85.7% within 45
    (median 33, 75th percentile 43 in C2), the rest late by up to a few weeks. Drawn a
    little later than England's share because a case closed, or today, cuts some short."""
    if rng.random() < value("assessments_in_time") - 0.05:
        return round(rng.triangular(8, 44, 36))
    return rng.randint(48, 75)


def per_year_at(scale: float, key: str) -> float:
    """How many a year (or on the day) a borough of this scale should have."""
    return value(key) * CHILD_POPULATION * scale / 10_000
