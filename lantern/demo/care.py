"""Periods of care for the demo borough's looked-after children, care leavers and
unaccompanied asylum-seeking children: legal statuses, placements with carers and moves,
and the SSDA903 episodes derived from them (``care.episodes``).

Mixed into ``casework.Story`` so a child's care is written in the same batch as the rest of
their casework and its clock events are replayed with theirs: each record is what the care
actions (``care.actions``: start care, change legal status, move placement, end care)
would write, firing the same events. Legal routes are the ones courts and councils use:
police protection (L1, at most 72 hours) or an emergency protection order (L2, at most 8
days) then an interim care order (C1) and, at the final hearing 26 to 45 weeks later, a care
order (C2) or, for a child with a plan for adoption, a placement order (E1); a single period
of accommodation under section 20 (V2) for unaccompanied children and for many older ones,
sometimes followed by proceedings. Placements are in ``placements``; the mix on the day is
England's (``targets``).

The rest of a looked-after child's record plugs in per period: a mixin on ``Story`` adds a
method ``(child, history)`` and names it in ``Story.care_steps``; ``history`` holds the
period, its legal statuses and placements as written (``CareHistory``). The method adds
rows with ``self.add(Model, child, day, **fields)`` (the worker on that day authors them),
fires the events its action fires with ``self.event(child, day, name, record)``, and draws
from ``self.care_rng``; its models go into ``CARE_ORDER`` (foreign-key order) and what
their describers read into ``CARE_RELATED``.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from faker import Faker

from lantern.care import episodes
from lantern.care.models import (
    CareEpisode,
    Carer,
    DentalCheck,
    EducationSetting,
    HealthAssessment,
    ImmunisationStatus,
    IROAllocation,
    IROConcern,
    LegalStatus,
    LookedAfterReview,
    PeriodOfCare,
    PersonalEducationPlan,
    Placement,
    StrengthsAndDifficulties,
    VisitRegime,
)
from lantern.chronology.models import ChronologyEntry
from lantern.demo.care_records import RECORDS_ORDER, RECORDS_RELATED
from lantern.demo.carers import Pool
from lantern.demo.placements import Placements

DAY = dt.timedelta(days=1)
CARE_ORDER = [Carer, PeriodOfCare, LegalStatus, Placement]
# Reviews, visits, health and education (``care_reviews``, ``care_visits``, ``care_health``).
CARE_ORDER += [VisitRegime, IROAllocation, LookedAfterReview, IROConcern, HealthAssessment]
CARE_ORDER += [DentalCheck, ImmunisationStatus, StrengthsAndDifficulties]
CARE_ORDER += [PersonalEducationPlan, EducationSetting]
# Permanence, court, missing, UASC and leaving care (``care_records``).
CARE_ORDER += RECORDS_ORDER
CARE_COUNTS = [str(m._meta.verbose_name_plural) for m in (*CARE_ORDER[1:], CareEpisode)]
# What the care describers (``care.chronology``) read besides the record.
CARE_RELATED = {
    LegalStatus: (("person", "period"), ()),
    Placement: (("person", "carer"), ()),
    **RECORDS_RELATED,
}
# Care leavers: why care ended at 18, by where they lived (DfE CLA 2025 ceased at 18 or over:
# most to independent living with support, many staying put with their foster carers).
LEAVING = {
    "foster": (("E17", 0.5), ("E5", 0.3), ("E8", 0.1), ("E13", 0.1)),
    "kinship": (("E17", 0.6), ("E13", 0.25), ("E5", 0.15)),
    "supported": (("E5", 0.7), ("E6", 0.1), ("E8", 0.2)),
    "residential": (("E5", 0.6), ("E8", 0.3), ("E7", 0.1)),
}
# Where a child who left care under 18 lived at the end (``caseload.LEFT_CARE``).
LEFT_FROM = {
    "E4A": (("parents", 0.4), ("foster", 0.45), ("kinship", 0.15)),
    "E45": (("kinship", 1),),
    "E46": (("foster", 1),),
    "E47": (("foster", 0.6), ("kinship", 0.4)),
    "E41": (("kinship", 0.6), ("foster", 0.4)),
    "E11": (("adoption", 1),),
    "E12": (("adoption", 1),),
}
NEED = (("N1", 0.64), ("N4", 0.08), ("N5", 0.12), ("N2", 0.06), ("N3", 0.03), ("N6", 0.02))
SECTION_20_OLDER = 0.5  # children 13 or over accommodated under s20 with no proceedings
EMERGENCY_ORDER = 0.15  # periods starting with police protection or an EPO
SECTION_20_FIRST = 0.25  # younger children accommodated under s20 before proceedings


@dataclass
class CareHistory:
    period: PeriodOfCare
    statuses: list[LegalStatus] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)

    def status_on(self, day: dt.date) -> LegalStatus:
        return [s for s in self.statuses if s.start_date <= day][-1]


def eighteenth(dob: dt.date) -> dt.date:
    return (
        dob.replace(year=dob.year + 18)
        if (dob.month, dob.day) != (2, 29)
        else (dt.date(dob.year + 18, 3, 1))
    )


def weighted(rng: random.Random, pairs) -> str:
    codes, weights = zip(*pairs, strict=True)
    return rng.choices(codes, weights)[0]


class Care(Placements):
    """Mixed into ``casework.Story``: needs its ``add``, ``event``, ``batch`` and ``today``;
    ``care_rng`` and ``pool`` (``carers.Pool``) are its own."""

    care_steps: tuple[str, ...] = ()  # methods (child, history) run for each period of care

    def care_stream(self, care, scale) -> None:
        """Care draws from its own stream, so it does not reshuffle the rest of casework."""
        if care is None:
            care = (random.Random(f"{self.rng.random()}:care"), Faker("en_GB"))
            care[1].seed_instance(care[0].random())
        self.care_rng = care[0]
        self.pool = Pool.build(care[0], care[1], scale or 0.05)
        self.care_histories: list = []
        for carer in self.pool.all():
            self.batch.put(carer)

    def looked_after(self, c, episode) -> CareHistory:
        rng, start = self.care_rng, c.care_start
        end, reason = c.care_end, c.care_left
        if c.status == "care_leaver":
            end = eighteenth(c.dob)
            c.care_final = self.leaver_kind(c)
        elif reason:
            c.care_final = self.rng_kind(LEFT_FROM[reason])
            if c.care_final == "parents" and c.family is None:
                c.care_final = "foster"
        period = self.add(
            PeriodOfCare,
            c,
            start,
            cin_episode=episode,
            start_date=start,
            end_date=end,
            category_of_need="N8" if c.uasc_since else weighted(rng, NEED),
            home_postcode=self.home_postcode(c),
        )
        history = CareHistory(period)
        self.legal_statuses(c, history, start, end)
        self.placements(c, history, start, end)
        if end and not reason:
            kind = c.care_final if c.care_final in LEAVING else "foster"
            reason = weighted(rng, LEAVING[kind])
        if end:
            period.reason_ceased = self.left_as(c, history, reason)
        self.care_plan_and_notices(history)
        self.care_events(c, history)
        for step in self.care_steps:
            getattr(self, step)(c, history)
        self.care_histories.append(history)
        return history

    def care_plan_and_notices(self, history: CareHistory) -> None:
        """The care plan within 10 working days of the first placement (reg 4(2)), a few
        late; an emergency placement notified within 5 working days (reg 13), a few late,
        the newest perhaps not yet."""
        rng, cal, period = self.care_rng, self.batch.calendar, history.period
        last = min(period.end_date or self.today, self.today - DAY)
        days = rng.randint(2, 10) if rng.random() < 0.88 else rng.randint(11, 25)
        planned = cal.add_working_days(period.start_date, days)
        if planned <= last:
            period.care_plan_date = planned
        for placement in history.placements:
            if placement.emergency:
                days = rng.randint(1, 5) if rng.random() < 0.85 else rng.randint(6, 12)
                told = cal.add_working_days(placement.start_date, days)
                if told <= min(last, placement.end_date or last):
                    placement.notified_on = told

    def rng_kind(self, pairs) -> str:
        return weighted(self.care_rng, pairs)

    def left_as(self, c, history, reason) -> str:
        """The reason care ended, true to where the child was: staying put and SGOs to
        former foster carers are with foster carers; an adoption follows placement for
        adoption (903 rule 390)."""
        last = history.placements[-1].placement_type
        if reason == "E17" and last[0] != "U":
            return "E5"
        if reason in ("E11", "E12") and last not in ("A5", "A6"):
            return "E41"
        if reason in ("E45", "E46") and last[0] != "U":
            return "E47"
        return reason

    def home_postcode(self, c) -> str:
        # A UASC has no home in England (903 rule 406: no distance); a care leaver's home
        # when they came into care is their family's, as any child's (rule 392b).
        if c.uasc_since or not c.family:
            return ""
        return c.family.address.postcode

    def legal_statuses(self, c, history: CareHistory, start, end) -> None:
        """The statuses in order, each to the next's start (the SSDA903 convention: one
        episode's DEC is the next one's DECOM)."""
        rng, last = self.care_rng, end or self.today
        age = c.age_on(start)
        path: list[tuple[str, dt.date]] = []
        final = getattr(c, "care_final", "")
        court = final in ("adoption", "parents")
        if c.uasc_since or (age >= 13 and not court and rng.random() < SECTION_20_OLDER):
            path = [("V2", start)]
        else:
            day = start
            r = rng.random()
            if r < EMERGENCY_ORDER:
                police = rng.random() < 0.6
                path.append(("L1" if police else "L2", day))
                day += (rng.randint(1, 3) if police else rng.randint(3, 8)) * DAY
            elif r < EMERGENCY_ORDER + SECTION_20_FIRST:
                path.append(("V2", day))
                day += rng.randint(14, 120) * DAY
            if day < last:
                path.append(("C1", day))
                hearing = day + rng.randint(26 * 7, 45 * 7) * DAY
                if final == "adoption":  # placed for adoption since: the order came first
                    hearing = min(hearing, last - rng.randint(90, 150) * DAY)
                if day < hearing < last:
                    path.append(("E1" if final == "adoption" else "C2", hearing))
        for i, (code, day) in enumerate(path):
            until = path[i + 1][1] if i + 1 < len(path) else end
            history.statuses.append(
                self.add(
                    LegalStatus,
                    c,
                    day,
                    period=history.period,
                    code=code,
                    start_date=day,
                    end_date=until,
                )
            )

    def care_events(self, c, history: CareHistory) -> None:
        """What the care actions fire (``care.actions``): ``start_care``, each
        ``move_placement``, ``record_placement_notified``, ``record_care_plan`` and
        ``end_care``."""
        period = history.period
        self.event(c, period.start_date, "became_looked_after", period)
        for i, placement in enumerate(history.placements):
            if i:
                self.event(c, placement.start_date, "placement_ended", history.placements[i - 1])
            else:
                self.event(c, placement.start_date, "first_placement_started", placement)
            self.event(c, placement.start_date, "placement_started", placement)
            if placement.emergency:
                self.event(c, placement.start_date, "emergency_placement_started", placement)
            if placement.notified_on:
                self.event(c, placement.notified_on, "placement_notified", placement)
        if period.care_plan_date:
            self.event(c, period.care_plan_date, "care_plan_made", period)
        if period.end_date:
            self.event(c, period.end_date, "placement_ended", history.placements[-1])
            self.event(c, period.end_date, "ceased_looked_after", period)

    def save_care(self) -> dict[str, int]:
        """After the batch is saved (every row has its key): the SSDA903 episodes each
        period's statuses and placements give (``care.episodes.derive``, as
        ``episodes.rebuild`` writes them), and the chronology's own words for care events
        removed where the records now say them (one fact, one place)."""
        rows = []
        for history in self.care_histories:
            period = history.period
            rows += episodes.rows(
                period,
                episodes.derive(
                    start_date=period.start_date,
                    end_date=period.end_date,
                    reason_ceased=period.reason_ceased,
                    statuses=history.statuses,
                    placements=history.placements,
                ),
            )
        CareEpisode.objects.bulk_create(rows, batch_size=5000)
        people = [h.period.person_id for h in self.care_histories]
        for i in range(0, len(people), 900):
            said = ChronologyEntry.objects.filter(
                person_id__in=people[i : i + 900], source_type="", agency__code="csc"
            )
            said.filter(kind="placement").delete()
            said.filter(kind="looked_after", summary__startswith="Became looked after").delete()
        return {str(CareEpisode._meta.verbose_name_plural): len(rows)}
