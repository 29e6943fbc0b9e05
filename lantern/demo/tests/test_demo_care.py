"""Looked-after children and care leavers in the demo borough have their care histories."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from lantern.care.models import CareEpisode, LegalStatus, PeriodOfCare, Placement
from lantern.demo import checks, report
from lantern.people.models import Person

TODAY = dt.date(2026, 11, 23)
SCALE = 0.05
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", seed=5, scale=SCALE, today=TODAY.isoformat(), stdout=io.StringIO())


def test_every_looked_after_child_has_an_open_period_with_a_status_and_a_placement(demo):
    looked_after = Person.objects.filter(care_status="looked_after")
    assert looked_after.exists()
    for person in looked_after:
        period = PeriodOfCare.objects.get(person=person, end_date__isnull=True)
        assert period.statuses.filter(end_date__isnull=True).count() == 1
        assert period.placements.filter(end_date__isnull=True).count() == 1
    for person in Person.objects.filter(care_status="care_leaver"):
        periods = PeriodOfCare.objects.filter(person=person)
        assert periods and all(p.end_date and p.reason_ceased for p in periods)
    found = {name: v for name, v in checks.run(TODAY).items() if v}
    assert not found, "\n".join(checks.summary(found))
    figures = report.measure(TODAY, SCALE)
    print("\n".join(report.lines(figures)))
    assert CareEpisode.objects.exists() and LegalStatus.objects.exists()
    assert Placement.objects.exists()


def test_some_children_left_care_in_the_year_other_than_at_18(demo):
    year_ago = TODAY - dt.timedelta(days=365)
    ended = PeriodOfCare.objects.filter(end_date__gt=year_ago).exclude(
        person__care_status="care_leaver"
    )
    print(sorted(ended.values_list("reason_ceased", flat=True)))
    assert ended.exists()
