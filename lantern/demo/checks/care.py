"""Periods of care, legal statuses and placements (issue 10): what the care actions would
refuse, the SSDA903 rules on who may be placed where, and the episodes derived from them.
Where the care app has the rule as a function, the check calls it."""

import datetime as dt
from collections import defaultdict
from itertools import pairwise

from django.core.exceptions import ValidationError

from lantern.care import codes, episodes, rules
from lantern.care.models import CareEpisode, LegalStatus, PeriodOfCare, Placement
from lantern.care.queries.placements import leaves_as_care_leaver
from lantern.demo.care import CARE_RELATED
from lantern.demo.checks.records import entries_not_from_record
from lantern.demo.checks.registry import Violation, _age, _births, check
from lantern.people.models import Person

EMERGENCY_DAYS = {"L1": 3, "L2": 8}  # police protection 72 hours; an EPO at most 8 days
EPISODE_FIELDS = (
    "start_date",
    "end_date",
    "reason_new",
    "legal_status",
    "placement_id",
    "reason_ceased",
    "reason_place_change",
)


def _periods() -> dict[int, list[tuple]]:
    found = defaultdict(list)
    for row in PeriodOfCare.objects.order_by("start_date", "pk").values_list(
        "person_id", "pk", "start_date", "end_date", "reason_ceased"
    ):
        found[row[0]].append(row[1:])
    return found


def _within(rows, periods) -> list[tuple[int, str]]:
    """(person, detail) for rows of (period, person, pk, start, end) that leave their period,
    overlap, leave a gap, or leave the period without one open at its end."""
    by_period = defaultdict(list)
    for period, person, pk, start, end, *_ in rows:
        by_period[period].append((start, end, pk, person))
    out = []
    for person, theirs in periods.items():
        for pk, start, end, _ in theirs:
            spans = sorted(by_period.get(pk, []))
            if not spans:
                out.append((person, f"period {pk} has none"))
                continue
            if spans[0][0] != start:
                out.append((person, f"period {pk} from {start}: first from {spans[0][0]}"))
            for a, b in pairwise(spans):
                if a[1] != b[0]:
                    out.append((person, f"period {pk}: {a[2]} ends {a[1]}, {b[2]} from {b[0]}"))
            if spans[-1][1] != end:
                out.append((person, f"period {pk} ends {end}: the last ends {spans[-1][1]}"))
    return out


@check("care_status_and_periods")
def care_status_and_periods(today):
    """A looked-after child has one open period of care; a care leaver's have all ended;
    nobody else has one open; no two periods of one child overlap."""
    periods, out = _periods(), []
    statuses = dict(Person.objects.values_list("id", "care_status"))
    for person, status in statuses.items():
        theirs = periods.get(person, [])
        open_ = [p for p in theirs if p[2] is None]
        if status == "looked_after" and len(open_) != 1:
            out.append(Violation("care_status_and_periods", person, f"{len(open_)} open"))
        elif status != "looked_after" and open_:
            out.append(Violation("care_status_and_periods", person, f"{status}: open period"))
        if status == "care_leaver" and not theirs:
            out.append(Violation("care_status_and_periods", person, "care leaver: no period"))
        for a, b in pairwise(theirs):
            if a[2] is None or a[2] > b[1]:
                out.append(Violation("care_status_and_periods", person, f"{a[0]} overlaps {b[0]}"))
        out += [
            Violation("care_status_and_periods", person, f"period {p[0]} ended without a reason")
            for p in theirs
            if p[2] and not p[3]
        ]
    out += _leavers(periods, statuses)
    return out


def _leavers(periods, statuses) -> list[Violation]:
    """A child whose care has ended is a care leaver exactly when ``end_care`` would make
    them one (16 or over, looked after 13 weeks since 14)."""
    ended = {pid: theirs[-1][2] for pid, theirs in periods.items() if theirs[-1][2]}
    out = []
    for person in Person.objects.filter(pk__in=list(ended)):
        leaver = leaves_as_care_leaver(person, ended[person.pk])
        if leaver != (statuses[person.pk] == "care_leaver"):
            detail = f"{statuses[person.pk]}, care ended {ended[person.pk]}"
            out.append(Violation("care_status_and_periods", person.pk, detail))
    return out


@check("legal_status_within_period")
def legal_status_within_period(today):
    """Statuses follow one another through the period, first from its start, last to its
    end; police protection and EPOs last no longer than the law allows."""
    rows = LegalStatus.objects.values_list(
        "period_id", "person_id", "pk", "start_date", "end_date", "code"
    )
    out = [Violation("legal_status_within_period", p, d) for p, d in _within(rows, _periods())]
    for _, person, pk, start, end, code in rows:
        limit = EMERGENCY_DAYS.get(code)
        if limit and (end is None or (end - start).days > limit):
            detail = f"status {pk} {code} from {start} to {end}"
            out.append(Violation("legal_status_within_period", person, detail))
        if code not in codes.LEGAL_STATUS:
            out.append(Violation("legal_status_within_period", person, f"{pk}: code {code}"))
    return out


@check("placement_within_period")
def placement_within_period(today):
    """Placements follow one another through the period with no gap or overlap; a move
    gives its reason on the placement that ended."""
    rows = list(
        Placement.objects.values_list(
            "period_id", "person_id", "pk", "start_date", "end_date", "reason_changed"
        )
    )
    out = [Violation("placement_within_period", p, d) for p, d in _within(rows, _periods())]
    ends = {(pk, end) for pk, _, _, end in _period_rows()}
    for period, person, pk, _, end, reason in rows:
        moved = end is not None and (period, end) not in ends
        if moved != bool(reason):
            detail = f"placement {pk} ended {end}: reason {reason!r}"
            out.append(Violation("placement_within_period", person, detail))
    return out


def _period_rows():
    return PeriodOfCare.objects.values_list("pk", "person_id", "start_date", "end_date")


@check("placement_fits_the_child")
def placement_fits_the_child(today):
    """Supported accommodation only at 16 and 17; a placement type the DfE accepts in the
    years it spans; parents (PR0) only with P1; placed for adoption (A5/A6) only under a
    placement order; never placed with parents under section 20 (903 rule 378); only with
    parents at the home postcode (903 rule 392d)."""
    births, out = _births(), []
    homes = dict(PeriodOfCare.objects.values_list("pk", "home_postcode"))
    statuses = defaultdict(list)
    for period, code, start in LegalStatus.objects.values_list("period_id", "code", "start_date"):
        statuses[period].append((start, code))
    for person, pk, period, ptype, provider, start, end, where in Placement.objects.values_list(
        "person_id",
        "pk",
        "period_id",
        "placement_type",
        "provider",
        "start_date",
        "end_date",
        "postcode",
    ):
        problems = []
        if ptype != "P1" and where and where == homes.get(period):
            problems.append(f"{ptype} at the home postcode")
        dob = births.get(person)
        if ptype == "K3" and dob and not 16 <= _age(dob, start) <= 17:
            problems.append(f"K3 at {_age(dob, start)}")
        if ptype == "K3" and dob and end and _age(dob, end - dt.timedelta(days=1)) > 17:
            problems.append("K3 past 18")
        known = codes.PLACEMENT_TYPE.get(ptype)
        years = {codes.collection_year(start), codes.collection_year(end or today)}
        if known is None or any(not known.since <= y <= known.until for y in years):
            problems.append(f"{ptype} not valid in {sorted(years)}")
        if (provider == "PR0") != (ptype == "P1"):
            problems.append(f"{ptype} with {provider}")
        current = [c for s, c in sorted(statuses[period]) if s <= start]
        code = current[-1] if current else ""
        if ptype in ("A5", "A6") and code != "E1":
            problems.append(f"{ptype} under {code}")
        if ptype == "P1" and code == "V2":
            problems.append("placed with parents under s20")
        out += [Violation("placement_fits_the_child", person, f"{pk}: {p}") for p in problems]
    return out


@check("care_episodes_derived")
def care_episodes_derived(today):
    """The stored SSDA903 episodes are exactly the ones ``care.episodes`` derives from the
    period's statuses and placements (what ``episodes.rebuild`` would write)."""
    out = []
    stored = defaultdict(list)
    for row in CareEpisode.objects.order_by("start_date", "pk").values_list(
        "period_id", *EPISODE_FIELDS
    ):
        stored[row[0]].append(row[1:])
    periods = PeriodOfCare.objects.prefetch_related("statuses", "placements__carer").order_by("pk")
    for period in periods.iterator(chunk_size=500):
        derived = [
            (
                e.start_date,
                e.end_date,
                e.reason_new,
                e.legal_status,
                e.placement.pk if e.placement else None,
                e.reason_ceased,
                e.reason_place_change,
            )
            for e in episodes.of_period(period)
        ]
        if stored.get(period.pk, []) != derived:
            detail = f"period {period.pk}: {len(stored.get(period.pk, []))} stored"
            out.append(Violation("care_episodes_derived", period.person_id, detail))
    return out


@check("care_rules")
def care_rules(today):
    """Every status, placement and ending passes the DfE rules the care actions apply at
    entry (``care.rules``), and no emergency status or temporary placement runs past its
    limit (``rules.duration_warnings``)."""
    out = []
    cared_for = Person.objects.filter(pk__in=PeriodOfCare.objects.values("person_id"))
    people = {p.pk: p for p in cared_for}
    periods = PeriodOfCare.objects.prefetch_related("statuses", "placements").order_by("pk")
    for period in periods.iterator(chunk_size=500):
        person = people[period.person_id]
        statuses = sorted(period.statuses.all(), key=lambda s: (s.start_date, s.pk))
        placements = sorted(period.placements.all(), key=lambda p: (p.start_date, p.pk))

        def in_force(rows, day, attr):
            current = [r for r in rows if r.start_date <= day]
            return getattr(current[-1], attr) if current else ""

        problems = []
        for p in placements:
            problems += _refused(
                rules.check_placement,
                person,
                placement_type=p.placement_type,
                provider=p.provider,
                urn=p.urn,
                legal_status=in_force(statuses, p.start_date, "code"),
                start_date=p.start_date,
                carer=p.carer,
            )
        for s in statuses:
            problems += _refused(
                rules.check_legal_status,
                person,
                code=s.code,
                start_date=s.start_date,
                placement_type=in_force(placements, s.start_date, "placement_type"),
            )
        if period.end_date:
            problems += _refused(
                rules.check_ending,
                person,
                reason_ceased=period.reason_ceased,
                on=period.end_date,
                placement_type=placements[-1].placement_type if placements else "",
            )
        problems += rules.duration_warnings(statuses, placements, today)
        out += [Violation("care_rules", period.person_id, p[:300]) for p in problems]
    return out


def _refused(rule, *args, **kwargs) -> list[str]:
    try:
        rule(*args, **kwargs)
    except ValidationError as refused:
        return [f"{kwargs}: {'; '.join(refused.messages)}"]
    return []


@check("care_entry_not_from_record")
def care_entry_not_from_record(today):
    """Each period's, status's and placement's chronology entries are its describer's."""
    out = []
    for model in (PeriodOfCare, LegalStatus, Placement):
        out += entries_not_from_record("care_entry_not_from_record", model, CARE_RELATED.get(model))
    return out
