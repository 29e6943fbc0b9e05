"""A demo borough from a random seed: every record obeys the guards, and its figures are
England's within the calibration table's tolerance (``targets``)."""

import datetime as dt
import io
import random

import pytest
from django.core.management import call_command

from lantern.casework.models import Visit
from lantern.demo import checks, report
from lantern.demo.tests.conftest import SCALE as BOROUGH_SCALE

TODAY = dt.date(2026, 11, 23)
SCALE = 0.05


@pytest.mark.django_db
def test_a_demo_from_any_seed_obeys_the_guards_and_looks_like_england():
    seed = random.randrange(1_000_000)
    again = f"to reproduce: lantern demo --seed {seed} --scale {SCALE} --today {TODAY}"
    call_command("demo", seed=seed, scale=SCALE, today=TODAY.isoformat(), stdout=io.StringIO())

    broken = {name: found for name, found in checks.run(TODAY).items() if found}
    assert not broken, f"{again}\n" + "\n".join(checks.summary(broken))

    figures = report.measure(TODAY, SCALE)
    failed = [f for f in figures if not f.passed]
    assert not failed, f"{again}\n" + "\n".join(report.lines(failed))
    assert {f.target.key for f in figures} >= {"cin_rate", "re_referrals", "plan_per_icpc"}


def test_the_report_and_the_checker_find_a_visit_before_birth_and_a_baby_seen_alone(
    demo_borough,
):
    """On the suite's shared borough, not a build of its own: the broken visit is rolled back
    with the test."""
    visit = Visit.objects.filter(person__date_of_birth__isnull=False).first()
    dob = visit.person.date_of_birth
    Visit.objects.filter(pk=visit.pk).update(
        visited_on=dob - dt.timedelta(days=400), child_seen=True, seen_alone=True
    )
    found = checks.run(TODAY, only=["record_before_birth", "too_young_to_speak_or_be_alone"])
    assert any(v.person_id == visit.person_id for v in found["record_before_birth"])
    assert any(v.person_id == visit.person_id for v in found["too_young_to_speak_or_be_alone"])
    out = io.StringIO()
    call_command("demo", report=True, scale=BOROUGH_SCALE, today=TODAY.isoformat(), stdout=out)
    printed = out.getvalue()
    assert "Children in need on the day, per 10,000 children" in printed
    assert "record_before_birth                     FAIL" in printed
