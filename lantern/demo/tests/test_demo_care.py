"""The demo borough's looked-after children, care leavers and unaccompanied children have
their care histories (issue 10 §11): periods of care, legal statuses, placements with carers
and moves, written as the care actions would, on England's mixes. Each care check is shown
to catch the record it exists for, changed behind the app's back."""

import datetime as dt
from decimal import Decimal

import pytest

from lantern.care.models import CareEpisode, LegalStatus, PeriodOfCare, Placement
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.demo import checks, report
from lantern.people.models import Person

TODAY = dt.date(2026, 11, 23)
YEAR_AGO = TODAY - dt.timedelta(days=365)
pytestmark = pytest.mark.django_db
CARE_TARGETS = {
    "placed_foster",
    "placed_kinship",
    "placed_residential",
    "placed_parents",
    "placed_supported",
    "placed_adoption",
    "three_placements",
    "long_term_stability",
}


def flagged(name: str, person_id: int) -> bool:
    return any(v.person_id == person_id for v in checks.run(TODAY, only=[name])[name])


def test_looked_after_children_and_care_leavers_have_their_care_histories(demo_borough):
    looked_after = Person.objects.filter(care_status="looked_after")
    assert looked_after.count() >= 15
    for person in looked_after:
        period = PeriodOfCare.objects.get(person=person, end_date__isnull=True)
        assert period.statuses.filter(end_date__isnull=True).count() == 1
        assert period.placements.filter(end_date__isnull=True).count() == 1
        assert period.episodes.filter(end_date__isnull=True).count() == 1
    uasc = looked_after.filter(uasc_since__isnull=False)
    assert uasc.exists()
    assert set(LegalStatus.objects.filter(person__in=uasc).values_list("code", flat=True)) == {"V2"}
    for person in Person.objects.filter(care_status="care_leaver"):
        periods = PeriodOfCare.objects.filter(person=person)
        assert periods and all(p.end_date and p.reason_ceased for p in periods)
    # Some left care in the year under 18: home, an SGO, a child arrangements order, adopted.
    ended = PeriodOfCare.objects.filter(end_date__gt=YEAR_AGO).exclude(
        person__care_status="care_leaver"
    )
    assert ended.exists()
    assert set(ended.values_list("reason_ceased", flat=True)) <= {
        "E4A", "E45", "E46", "E47", "E41", "E11", "E12"
    }  # fmt: skip

    # Moves give their reason; costs are what councils pay; K3 only at 16 and 17.
    moved = Placement.objects.exclude(reason_changed="")
    assert moved.exists() and not moved.filter(end_date__isnull=True).exists()
    for placement in Placement.objects.filter(placement_type__in=["U4", "U6"], provider="PR4"):
        assert Decimal(900) <= placement.weekly_cost <= Decimal(1100)
    for placement in Placement.objects.filter(placement_type="K2"):
        assert Decimal(5000) <= placement.weekly_cost <= Decimal(8000)
    for placement in Placement.objects.filter(placement_type="K3"):
        assert 16 <= placement.person.age_on(placement.start_date) <= 17
    assert CareEpisode.objects.filter(reason_new="P").exists()

    # The events the actions fire started the clocks; the records wrote the chronology.
    child = looked_after.first()
    assert Deadline.objects.filter(person=child, rule__code="first_lac_review").exists()
    placement = Placement.objects.filter(person=child).first()
    assert ChronologyEntry.objects.filter(
        source_type="care.Placement", source_ref=str(placement.pk), from_record=True
    ).exists()
    assert not ChronologyEntry.objects.filter(person=child, kind="placement", source_type="")

    found = {name: v for name, v in checks.run(TODAY).items() if v}
    assert not found, "\n".join(checks.summary(found))
    figures = [f for f in report.measure(TODAY, 0.05) if f.target.key in CARE_TARGETS]
    assert {f.target.key for f in figures} == CARE_TARGETS
    failed = [f for f in figures if not f.passed or (f.value is None and f.n)]
    assert not failed, "\n".join(report.lines(failed))


def test_the_care_checks_catch_what_the_actions_would_refuse(demo_borough):
    young = next(
        p
        for p in Placement.objects.select_related("person").order_by("pk")
        if p.person.age_on(p.start_date) < 16
    )
    Placement.objects.filter(pk=young.pk).update(placement_type="K3")
    assert flagged("placement_fits_the_child", young.person_id)
    assert flagged("care_rules", young.person_id)

    away = Placement.objects.exclude(placement_type="P1").exclude(postcode="").first()
    PeriodOfCare.objects.filter(pk=away.period_id).update(home_postcode=away.postcode)
    assert flagged("placement_fits_the_child", away.person_id)

    period = PeriodOfCare.objects.filter(end_date__isnull=True).first()
    PeriodOfCare.objects.create(
        person=period.person,
        start_date=period.start_date - dt.timedelta(days=30),
        end_date=period.start_date + dt.timedelta(days=5),
        category_of_need="N1",
        reason_ceased="E4A",
        created_by=period.created_by,
        updated_by=period.created_by,
    )
    assert flagged("care_status_and_periods", period.person_id)

    status = LegalStatus.objects.order_by("pk").last()
    LegalStatus.objects.filter(pk=status.pk).update(start_date=status.start_date + dt.timedelta(1))
    assert flagged("legal_status_within_period", status.person_id)
    assert flagged("care_episodes_derived", status.person_id)
