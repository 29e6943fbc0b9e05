"""The demo's casework is what the app's actions would have written (issue 9): entries read
from the record, who took part, the child's part in a conference, reasons for lateness,
the clocks CIN and pre-birth plans run. Each check is shown to catch the record it exists
for, changed behind the app's back."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from lantern.casework import models as cw
from lantern.chronology.describe import describe
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.demo import checks

TODAY = dt.date(2026, 11, 23)
LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_borough):
    found = {name: v for name, v in checks.run(TODAY).items() if v}
    assert not found, "\n".join(checks.summary(found))


def flagged(name: str, person_id: int) -> bool:
    return any(v.person_id == person_id for v in checks.run(TODAY, only=[name])[name])


def test_casework_entries_are_the_records_own_and_say_what_it_says(demo):
    conference = cw.Conference.objects.filter(kind="initial").first()
    entries = ChronologyEntry.objects.filter(
        source_type="casework.Conference", source_ref=str(conference.pk)
    )
    said = [(d.kind, d.summary) for d in describe(conference)]
    assert [(e.kind, e.summary) for e in entries] == said
    assert all(e.from_record for e in entries)
    # No second, free-text entry for the same conference from the chronology generator.
    assert not ChronologyEntry.objects.filter(
        person_id=conference.person_id, kind="conference", source_type=""
    ).exists()
    cw.Conference.objects.filter(pk=conference.pk).update(decision="no_plan")
    assert flagged("entry_not_from_record", conference.person_id)


def test_strategy_discussions_have_police_and_health_or_the_reason(demo):
    talk = cw.StrategyDiscussion.objects.filter(why_not_police_and_health="").first()
    kinds = set(talk.agencies.values_list("kind", flat=True))
    assert {"police", "health"} <= kinds
    talk.agencies.remove(*talk.agencies.filter(kind="police"))
    assert flagged("strategy_without_police_and_health", talk.person_id)


def test_conferences_record_attendance_and_the_child_only_where_they_can_speak(demo):
    for conference in cw.Conference.objects.all():
        invited = set(conference.agencies_invited.all())
        assert set(conference.agencies.all()) <= invited
        assert conference.parents_attendance and conference.reports_shared is not None
        if conference.reports_shared:
            assert conference.reports_shared_on <= conference.held_on
        if conference.child_participation == "too_young":
            assert not conference.child_wishes
    conference = cw.Conference.objects.first()
    conference.agencies_invited.clear()
    assert flagged("conference_attendance", conference.person_id)


def test_a_reason_for_lateness_exactly_where_the_clock_was_missed(demo):
    late = [
        d
        for d in Deadline.objects.filter(rule__code="assessment", state="met")
        if d.late_if_done_on(d.closed_on)
    ]
    for deadline in late:
        assessment = cw.Assessment.objects.get(
            person_id=deadline.person_id, authorised_date=deadline.closed_on
        )
        assert assessment.late_reason
    on_time = cw.Assessment.objects.filter(late_reason="").exclude(authorised_date=None).first()
    cw.Assessment.objects.filter(pk=on_time.pk).update(late_reason="capacity")
    assert flagged("late_without_reason", on_time.person_id)


def test_cin_plans_run_their_clocks_and_reviews(demo):
    plan = cw.CINPlan.objects.filter(reviews__decision="continue").first()
    assert Deadline.objects.filter(
        person_id=plan.person_id, rule__code="cin_plan_review", started_by="cin_plan_review_held"
    ).exists()
    Deadline.objects.filter(source_type="casework.CINPlan", source_ref=str(plan.pk)).delete()
    assert flagged("cin_plan_without_clocks", plan.person_id)


def test_a_cin_plan_runs_beyond_the_day_it_started(demo):
    """An episode that closes days after its assessment closed after the assessment (RC8,
    RC9): no plan that starts and ends on one day (CIN census 4012Q)."""
    from django.db.models import F

    assert cw.CINPlan.objects.filter(end_date__isnull=False).exists()
    assert not cw.CINPlan.objects.filter(end_date=F("start_date")).exists()


def test_statutory_visits_are_made_in_office_hours_and_a_few_in_the_early_evening(demo):
    """Every kind of visit draws its hour in one place (``demo.visits.visit_hour``): CP and
    reg 28 visits were all 9:00-17:00, and the borough's in-hours share ran at 99 %, above
    England's 96 % ± 3 (the calibration test failed on a seed that drew high)."""
    hours = {"Child protection statutory visit": [], "Looked-after child visit": []}
    for summary, at in ChronologyEntry.objects.filter(kind="visit", agency__code="csc").values_list(
        "summary", "occurred_at"
    ):
        for opening, seen in hours.items():
            if summary.startswith(opening):
                seen.append(at.astimezone(LONDON).hour)
    for opening, seen in hours.items():
        evening = sum(hour >= 18 for hour in seen)
        assert len(seen) > 100, opening
        assert 0 < evening < len(seen) * 0.1, (opening, evening, len(seen))
        assert all(9 <= hour <= 19 for hour in seen), opening
