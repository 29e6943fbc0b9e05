"""Dates and ages: nothing before birth but pre-birth work, words and referrers that fit
the child's age, believable names, no visits on bank holidays."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import TruncDate

from lantern.casework import models as cw
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import add_months, current_calendar
from lantern.demo.checks.registry import (
    PRE_BIRTH_DAYS,
    PRE_BIRTH_KINDS,
    SPEAKS_FROM,
    Violation,
    _age,
    _births,
    _v,
    check,
)
from lantern.people import ages
from lantern.people.models import HouseholdMembership, Person

LONDON = ZoneInfo("Europe/London")


@check("entry_before_birth")
def entry_before_birth(today):
    """No chronology entry before birth except pre-birth work in the 9 months before it."""
    rows = (
        ChronologyEntry.objects.annotate(day=TruncDate("occurred_at", tzinfo=LONDON))
        .filter(person__date_of_birth__isnull=False, day__lt=F("person__date_of_birth"))
        .values_list("person_id", "day", "kind", "person__date_of_birth")
    )
    out = []
    for pid, day, kind, dob in rows:
        if kind in PRE_BIRTH_KINDS and (dob - day).days <= PRE_BIRTH_DAYS:
            continue
        out.append(Violation("entry_before_birth", pid, f"{kind} on {day}, born {dob}"))
    return out


@check("record_before_birth")
def record_before_birth(today):
    """No assessment, s47, conference or child-seen visit dated before birth, except
    pre-birth work for a child recorded as expected, from 9 months before the expected date
    (and never a child seen before birth): the app's own guards, ``people.ages``."""
    out = []
    for model, field in (
        (cw.Assessment, "start_date"),
        (cw.Assessment, "authorised_date"),
        (cw.Section47Enquiry, "start_date"),
        (cw.Conference, "held_on"),
        (cw.Visit, "visited_on"),
    ):
        before = Q(
            person__date_of_birth__isnull=False, **{f"{field}__lt": F("person__date_of_birth")}
        )
        unborn = Q(person__date_of_birth__isnull=True, person__expected_date_of_birth__isnull=False)
        rows = model.objects.filter(before | unborn)
        if model is cw.Visit:  # the expectant parent may be visited at any time
            rows = rows.filter(child_seen=True)
        rows = list(rows.values_list("person_id", field))
        people = Person.objects.in_bulk({pid for pid, _ in rows})
        name = f"{model._meta.verbose_name} {field}"
        for pid, day in rows:
            if day is None:
                continue
            try:
                if model is cw.Visit:
                    ages.check_child_seen(people[pid], day, True)
                else:
                    ages.check_not_before_birth(people[pid], day, name, field)
            except ValidationError as refused:
                out.append(Violation("record_before_birth", pid, f"{day}: {refused.messages[0]}"))
    return out


@check("referral_age")
def referral_age(today):
    """No referral at 18 or over (care leavers aside), nor more than 9 months before an
    expected birth."""
    births, out = _births(), []
    leavers = set(Person.objects.filter(care_status="care_leaver").values_list("id", flat=True))
    for pid, day in cw.CINEpisode.objects.values_list("person_id", "referral_date"):
        dob = births.get(pid)
        if dob and _age(dob, day) >= 18 and pid not in leavers:
            out.append(Violation("referral_age", pid, f"referred on {day} aged 18 or over"))
    unborn = cw.CINEpisode.objects.filter(
        person__date_of_birth__isnull=True, person__expected_date_of_birth__isnull=False
    )
    for pid, day, due in unborn.values_list(
        "person_id", "referral_date", "person__expected_date_of_birth"
    ):
        if add_months(day, 9) < due:
            out.append(Violation("referral_age", pid, f"referred {day}, expected {due}"))
    return out


@check("too_young_to_speak_or_be_alone")
def too_young(today):
    """The child's words, and being seen alone, only from age 3."""
    births, out = _births(), []
    visits = cw.Visit.objects.filter(Q(seen_alone=True) | ~Q(child_words=""))
    for pid, day, alone, words in visits.values_list(
        "person_id", "visited_on", "seen_alone", "child_words"
    ):
        dob = births.get(pid)
        if dob and _age(dob, day) < SPEAKS_FROM:
            what = "seen alone" if alone else f"quoted: {words}"
            out.append(Violation("too_young_to_speak_or_be_alone", pid, f"{day}: {what}"))
    views = cw.Assessment.objects.exclude(child_views="").values_list(
        "person_id", "start_date", "child_views"
    )
    for pid, day, words in views:
        dob = births.get(pid)
        if dob is None or _age(dob, day) < SPEAKS_FROM:
            out.append(Violation("too_young_to_speak_or_be_alone", pid, f"{day}: {words}"))
    return out


@check("text_fits_age")
def text_fits_age(today):
    """Chronology wording that only fits some ages: health visitor reviews, football, PEPs,
    supported accommodation, being quoted."""
    births, out = _births(), []
    rules = [  # (words, youngest, oldest) in years, oldest exclusive
        ("New birth visit", 0, 1),
        ("6–8 week review", 0, 1),
        ("1-year review", 0.75, 2),
        ("2-year review", 1.75, 3),
        ("football", 4, 99),
        ("The child said", SPEAKS_FROM, 99),
        ("seen alone", SPEAKS_FROM, 99),
        ("PEP", 3, 18),
        ("supported accommodation", 16, 99),
    ]
    for words, young, old in rules:
        rows = ChronologyEntry.objects.filter(
            summary__contains=words, person__date_of_birth__isnull=False
        ).values_list("person_id", "occurred_at", "summary")
        for pid, when, text in rows:
            day = when.astimezone(LONDON).date()
            age = (day - births[pid]).days / 365.25
            whole = _age(births[pid], day)
            fits = (whole if young == int(young) else age) >= young and whole < old
            if not fits and not text.startswith("Not seen"):
                out.append(Violation("text_fits_age", pid, f"age {age:.1f}: {text[:80]}"))
    return out


@check("referrer_fits_age")
def referrer_fits_age(today):
    """Schools refer children of school age; health visitors, the under-5s."""
    births, out = _births(), []
    for pid, day, source in cw.CINEpisode.objects.filter(
        referral_source__in=["2A", "3B"]
    ).values_list("person_id", "referral_date", "referral_source"):
        dob = births.get(pid)
        if dob is None:
            continue
        age = _age(dob, day)
        if (source == "2A" and age < 4) or (source == "3B" and age >= 5):
            out.append(Violation("referrer_fits_age", pid, f"source {source} at age {age}"))
    return out


@check("household_before_birth")
def household_before_birth(today):
    rows = HouseholdMembership.objects.filter(
        person__date_of_birth__isnull=False, start__lt=F("person__date_of_birth")
    ).values_list("person_id", "start", "person__date_of_birth")
    return _v("household_before_birth", rows, lambda pid, s, d: f"since {s}, born {d}")


@check("doubled_surname")
def doubled_surname(today):
    out = []
    for pid, last in Person.objects.filter(last_name__contains="-").values_list("id", "last_name"):
        parts = last.lower().split("-")
        if len(set(parts)) < len(parts):
            out.append(Violation("doubled_surname", pid, last))
    return out


@check("visit_on_bank_holiday")
def visit_on_bank_holiday(today):
    cal, out = current_calendar(), []
    for pid, day in cw.Visit.objects.values_list("person_id", "visited_on"):
        if day in cal.bank_holidays:
            out.append(Violation("visit_on_bank_holiday", pid, f"{day}"))
    return out
