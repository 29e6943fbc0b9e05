"""The demo borough's figures beside England's, measured from the records.

Every figure is a query over what is in the database (never the generator's own counts),
so the report says what a council's performance team would see. Rates use the borough's
child population at the demo's scale (``targets.CHILD_POPULATION``); "the year" is the 12
months to ``today``.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from zoneinfo import ZoneInfo

from django.db.models import Q

from lantern.casework import models as cw
from lantern.casework.codes import CLOSED_AFTER_ASSESSMENT, census_category
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import add_months, current_calendar
from lantern.demo import care_figures, care_figures_reviews, care_record_figures
from lantern.demo.targets import CHILD_POPULATION, TARGETS, Target
from lantern.people.models import Person
from lantern.workforce.models import Allocation

LONDON = ZoneInfo("Europe/London")
YEAR = dt.timedelta(days=365)


@dataclass
class Figure:
    target: Target
    value: float | None
    n: int  # the denominator (or the count, for a rate)

    @property
    def passed(self) -> bool:
        if self.value is None:
            return True  # nothing to judge: reported as "no data"
        low, high = self.target.bounds(self.n)
        return low <= self.value <= high


def _share(hits: int, n: int) -> tuple[float | None, int]:
    return (hits / n if n else None), n


def measure(today: dt.date, scale: float) -> list[Figure]:
    per10k = 10_000 / (CHILD_POPULATION * scale)
    year = (today - YEAR, today)
    cal = current_calendar()
    got: dict[str, tuple[float | None, int]] = {}

    open_on = Q(close_date__isnull=True) | Q(close_date__gt=today)
    cin = cw.CINEpisode.objects.filter(open_on, referral_date__lte=today)
    n = cin.values("person_id").distinct().count()
    got["cin_rate"] = n * per10k, n
    plans = cw.ChildProtectionPlan.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=today), start_date__lte=today
    )
    n = plans.values("person_id").distinct().count()
    got["cp_rate"] = n * per10k, n
    n = Person.objects.filter(care_status="looked_after").count()
    got["cla_rate"] = n * per10k, n

    referrals = defaultdict(list)
    for pid, day in cw.CINEpisode.objects.values_list("person_id", "referral_date"):
        referrals[pid].append(day)
    in_year = again = 0
    for days in referrals.values():
        for day in days:
            if year[0] < day <= year[1]:
                in_year += 1
                again += any(day - YEAR <= d < day for d in days)
    got["referral_rate"] = in_year * per10k, in_year
    got["re_referrals"] = _share(again, in_year)

    closed = cw.CINEpisode.objects.filter(close_date__gt=year[0], close_date__lte=today)
    reasons = list(closed.values_list("reason_for_closure", flat=True))
    got["assessed_not_in_need"] = _share(
        sum(r in CLOSED_AFTER_ASSESSMENT for r in reasons), len(reasons)
    )

    done = cw.Assessment.objects.filter(authorised_date__gt=year[0], authorised_date__lte=today)
    spans = [
        cal.working_days_between(s, a) for s, a in done.values_list("start_date", "authorised_date")
    ]
    got["assessments_in_time"] = _share(sum(d <= 45 for d in spans), len(spans))

    s47s = cw.Section47Enquiry.objects.filter(start_date__gt=year[0], start_date__lte=today).count()
    got["s47_rate"] = s47s * per10k, s47s
    icpcs = cw.Conference.objects.filter(kind="initial", held_on__gt=year[0], held_on__lte=today)
    rows = list(icpcs.values_list("decision", "held_on", "section47__start_date"))
    got["icpc_per_s47"] = _share(len(rows), s47s)
    got["plan_per_icpc"] = _share(sum(d == "plan" for d, _, _ in rows), len(rows))
    timed = [(h, s) for _, h, s in rows if s]
    got["icpc_in_time"] = _share(
        sum(cal.working_days_between(s, h) <= 15 for h, s in timed), len(timed)
    )

    every_plan = list(
        cw.ChildProtectionPlan.objects.values_list(
            "id", "person_id", "start_date", "end_date", "initial_categories"
        )
    )
    codes = Counter(census_category(cats) for *_, cats in every_plan)
    total = len(every_plan)
    for key, code in (
        ("cat_neglect", "NEG"),
        ("cat_emotional", "EMO"),
        ("cat_physical", "PHY"),
        ("cat_sexual", "SAB"),
        ("cat_multiple", "MUL"),
    ):
        got[key] = _share(codes[code], total)
    current = [p for p in every_plan if p[2] <= today and (p[3] is None or p[3] > today)]
    # Siblings share their plans' start (a referral is about a family), so a family of seven
    # would move the share by seven children at once: counted once per start date, the
    # sample is of families, whose plans' lengths are independent, as the bounds assume.
    starts = {p[2] for p in current}
    got["plans_over_2_years"] = _share(sum(s <= today - 2 * YEAR for s in starts), len(starts))
    first_start = defaultdict(list)
    for _, pid, start, *_ in every_plan:
        first_start[pid].append(start)
    got["repeat_plans"] = _share(
        sum(any(s < p[2] for s in first_start[p[1]]) for p in current), len(current)
    )
    got["reviews_in_time"] = _reviews_in_time()

    factors = list(
        cw.Assessment.objects.filter(authorised_date__isnull=False).values_list(
            "factors", flat=True
        )
    )
    for key, group in (("factor_domestic_abuse", "3"), ("factor_mental_health", "4")):
        hits = sum(any(f[:-1] == group for f in fs or []) for fs in factors)
        got[key] = _share(hits, len(factors))

    got["cp_visits_in_time"] = _visits_in_time(cal)
    got["visits_in_hours"] = _visits_in_hours(cal)

    loads = Counter(
        Allocation.objects.filter(
            Q(end__isnull=True) | Q(end__gte=today), start__lte=today
        ).values_list("worker_id", flat=True)
    )
    got["caseload"] = (sum(loads.values()) / len(loads) if loads else None), len(loads)
    got.update(care_figures.measure(today))
    got.update(care_figures_reviews.measure(today))

    got.update(care_record_figures.measure(today))
    return [Figure(t, *got[t.key]) for t in TARGETS]


def _reviews_in_time() -> tuple[float | None, int]:
    icpc = dict(cw.ChildProtectionPlan.objects.values_list("id", "start_date"))
    held = defaultdict(list)
    for plan, day in cw.Conference.objects.filter(kind="review").values_list("plan_id", "held_on"):
        held[plan].append(day)
    on_time = n = 0
    for plan, days in held.items():
        previous, months = icpc.get(plan), 3
        for day in sorted(days):
            if previous:
                n += 1
                on_time += day <= add_months(previous, months)
            previous, months = day, 6
    return _share(on_time, n)


def _visits_in_time(cal) -> tuple[float | None, int]:
    seen = defaultdict(list)
    for pid, day in cw.Visit.objects.filter(kind="cp").values_list("person_id", "visited_on"):
        seen[pid].append(day)
    on_time = n = 0
    for days in seen.values():
        days.sort()
        for a, b in pairwise(days):
            n += 1
            on_time += cal.working_days_between(a, b) <= 10
    # A child's visits run on time or lapse together: chance is in the number of children.
    return (on_time / n if n else None), len(seen)


def _visits_in_hours(cal) -> tuple[float | None, int]:
    hits = n = 0
    for when in ChronologyEntry.objects.filter(
        kind="visit", agency__code="csc", time_known=True
    ).values_list("occurred_at", flat=True):
        local = when.astimezone(LONDON)
        n += 1
        hits += cal.is_working_day(local.date()) and 8 <= local.hour < 18
    return _share(hits, n)


def lines(figures: list[Figure]) -> list[str]:
    """The report as text: one row per figure, with England's value and the tolerance."""
    out = [f"{'Figure':<68}{'Borough':>10}{'England':>10}{'±':>8}{'n':>8}  "]
    for f in figures:
        t = f.target
        mine = "no data" if f.value is None else t.shown(f.value)
        mark = "pass" if f.passed else "FAIL"
        out.append(
            f"{t.label:<68}{mine:>10}{t.shown(t.value):>10}{t.shown(t.allowed(f.n)):>8}"
            f"{f.n:>8}  {mark}"
        )
    return out
