"""The demo borough's looked-after children have an IRO, reviews, reg 28 visits, health and
education records for each period of care (issue 10 §11), as the care actions would write
them, inside the period, on England's figures; each check catches the record it exists for."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from lantern.care.models import (
    EducationSetting,
    HealthAssessment,
    IROAllocation,
    LookedAfterReview,
    PeriodOfCare,
    PersonalEducationPlan,
    StrengthsAndDifficulties,
    VisitRegime,
)
from lantern.casework.models import Visit
from lantern.clocks.calendar import current_calendar
from lantern.clocks.models import Deadline
from lantern.demo import checks, report
from lantern.demo.checks.care_reviews import CHECK_NAMES

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.django_db
TARGETS = {"lac_reviews_in_time", "health_assessments", "immunisations", "dental_checks"}


def build(scale: float, seed: int) -> None:
    call_command("demo", seed=seed, scale=scale, today=TODAY.isoformat(), stdout=io.StringIO())


def inside(period, day) -> bool:
    return period.start_date <= day <= (period.end_date or TODAY)


def test_every_period_of_care_has_its_iro_reviews_visits_health_and_education():
    build(0.05, 7)
    cal = current_calendar()
    periods = list(PeriodOfCare.objects.select_related("person"))
    assert len(periods) >= 15
    for period in periods:
        person = period.person
        assert IROAllocation.objects.filter(person=person).exists(), person.pk
        reviews = list(LookedAfterReview.objects.filter(period=period).order_by("held_on"))
        last = min(period.end_date or TODAY, TODAY - dt.timedelta(days=1))
        if cal.add_working_days(period.start_date, 20) + dt.timedelta(days=30) < last:
            assert reviews, f"period {period.pk}: in care over 20 working days, no review"
        for review in reviews:
            assert inside(period, review.held_on)
            assert (review.participation == "PN0") == (person.age_on(review.held_on) < 4)
        for model, field in (
            (HealthAssessment, "assessed_on"),
            (PersonalEducationPlan, "held_on"),
        ):
            for day in model.objects.filter(period=period).values_list(field, flat=True):
                assert inside(period, day) and day >= person.date_of_birth
    current = IROAllocation.objects.filter(end_date__isnull=True)
    assert set(current.values_list("person_id", flat=True)) == set(
        PeriodOfCare.objects.filter(end_date__isnull=True).values_list("person_id", flat=True)
    )
    # Every placement has its visiting rule; visits met the reg 28 clocks.
    assert VisitRegime.objects.count() == sum(len(p.placements.all()) for p in periods)
    assert Visit.objects.filter(kind="cla", child_seen=True).exists()
    assert Deadline.objects.filter(rule__code="cla_visit_repeat", state="met").exists()
    assert Deadline.objects.filter(rule__code="second_lac_review", state="met").exists()
    assert Deadline.objects.filter(rule__code="pep_review", state="met").exists()
    # Some reviews late, each with its reason; SDQ scores within 0-40 or a reason.
    late = LookedAfterReview.objects.exclude(late_reason="")
    assert late.exists()
    assert StrengthsAndDifficulties.objects.filter(score__isnull=False).exists()
    assert EducationSetting.objects.exclude(move_reason="").exists()

    found = checks.run(TODAY)
    assert {name: v[:3] for name, v in found.items() if v} == {}
    figures = {f.target.key: f for f in report.measure(TODAY, 0.05)}
    failed = [
        f"{k}: {figures[k].value} of {figures[k].n}" for k in TARGETS if not figures[k].passed
    ]
    assert not failed

    # Each check catches the record it exists for.
    review = LookedAfterReview.objects.filter(participation="PN0").first()
    LookedAfterReview.objects.filter(pk=review.pk).update(participation="PN1")
    assert any(
        v.person_id == review.person_id
        for v in checks.run(TODAY, only=[CHECK_NAMES[0]])[CHECK_NAMES[0]]
    )
    period = PeriodOfCare.objects.filter(end_date__isnull=False).first()
    sdq = StrengthsAndDifficulties.objects.filter(score__isnull=False).first()
    StrengthsAndDifficulties.objects.filter(pk=sdq.pk).update(completed_on=period.end_date)
    found = checks.run(TODAY, only=list(CHECK_NAMES))
    assert any(found[name] for name in CHECK_NAMES[1:])
