"""The demo borough's looked-after children and care leavers have the rest of their care
record (issue 10 §11): permanence plans and adoption milestones, court and s20 consent,
missing episodes, unaccompanied children's records, and leaving care, written as the care
actions would and on England's figures. Each check is shown to catch the record it exists
for, changed behind the app's back."""

import datetime as dt

import pytest

from lantern.care import models as care
from lantern.care.queries.permanence import permanence_tracker
from lantern.clocks.models import Deadline
from lantern.demo import checks, report
from lantern.people.models import Person

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.django_db
RECORD_TARGETS = {
    "adoption_care_to_placed",
    "proceedings_weeks",
    "missing_looked_after",
    "rhi_in_time",
    "pathway_plans_in_time",
    "leavers_in_touch",
    "leavers_eet",
}


def flagged(name: str, person_id: int) -> bool:
    return any(v.person_id == person_id for v in checks.run(TODAY, only=[name])[name])


def test_looked_after_children_and_care_leavers_have_the_rest_of_their_record(demo_borough):
    looked_after = Person.objects.filter(care_status="looked_after")
    rows = permanence_tracker(looked_after, TODAY)
    assert len(rows) == looked_after.count()
    assert sum(r.plan is not None for r in rows) > len(rows) * 0.6
    assert any(r.overdue for r in rows)

    adopted = care.PeriodOfCare.objects.filter(reason_ceased__in=["E11", "E12"])
    for period in adopted:
        plan = care.AdoptionPlan.objects.get(period=period)
        assert plan.decided_on < plan.placement_order_on <= plan.matched_on <= plan.placed_on
        assert plan.adoption_order_on == period.end_date
    assert care.PermanencePlan.objects.filter(plan="adoption").exists()

    assert care.CourtApplication.objects.filter(kind="s31_care").exists()
    assert Deadline.objects.filter(rule__code="care_proceedings").exists()
    assert care.CourtOrder.objects.filter(kind="interim_care").exists()
    assert care.Section20Consent.objects.exists()
    assert care.MissingEpisode.objects.exists()
    assert Deadline.objects.filter(rule__code="return_home_interview").exists()

    leavers = Person.objects.filter(care_status="care_leaver")
    assert leavers.count() >= 5
    for person in leavers:
        assert care.PathwayPlan.objects.filter(person=person).exists(), person
        assert care.PersonalAdviser.objects.filter(person=person).exists(), person
    assert care.CareLeaverContact.objects.filter(in_touch="YES").exists()
    assert Deadline.objects.filter(rule__code="pathway_plan_review").exists()

    found = {name: v for name, v in checks.run(TODAY).items() if v}
    assert not found, "\n".join(checks.summary(found))
    figures = [f for f in report.measure(TODAY, 0.05) if f.target.key in RECORD_TARGETS]
    assert {f.target.key for f in figures} == RECORD_TARGETS
    failed = [f for f in figures if not f.passed]
    print("\n".join(report.lines(figures)))
    assert not failed, "\n".join(report.lines(failed))


def test_the_care_record_checks_catch_what_the_actions_would_refuse(demo_borough):
    adoption = care.AdoptionPlan.objects.filter(matched_on__isnull=False).first()
    if adoption is not None:  # a single adopter cannot be a couple (903 rule 511)
        care.AdoptionPlan.objects.filter(pk=adoption.pk).update(
            number_of_adopters="1", sex_adopter="MF"
        )
        assert flagged("adoption_milestones", adoption.person_id)

    consent = care.Section20Consent.objects.first()
    v2 = care.LegalStatus.objects.filter(code="V2").values("period")
    other = care.LegalStatus.objects.exclude(period__in=v2).first()
    care.Section20Consent.objects.filter(pk=consent.pk).update(period=other.period)
    assert flagged("s20_consent_with_v2", consent.person_id)

    period = care.PeriodOfCare.objects.filter(end_date__isnull=True).first()
    for start, end in ((3, 6), (5, 7)):  # the second starts before the child came back
        care.MissingEpisode.objects.create(
            person=period.person,
            kind="M",
            start_date=period.start_date + dt.timedelta(start),
            end_date=period.start_date + dt.timedelta(end),
            period=period,
            created_by=period.created_by,
            updated_by=period.created_by,
        )
    assert flagged("missing_episodes", period.person_id)

    contact = care.CareLeaverContact.objects.filter(in_touch="YES").first()
    care.CareLeaverContact.objects.filter(pk=contact.pk).update(activity="0")
    assert flagged("leaving_care_owed", contact.person_id)

    plan = care.PathwayPlan.objects.first()
    born = plan.person.date_of_birth
    care.PathwayPlan.objects.filter(pk=plan.pk).update(made_on=born.replace(year=born.year + 10))
    assert flagged("leaving_care_owed", plan.person_id)

    app = care.CourtApplication.objects.filter(kind="s31_care").first()
    order = care.CourtOrder.objects.filter(application=app).first()
    care.CourtOrder.objects.filter(pk=order.pk).update(made_on=app.issued_on - dt.timedelta(3))
    assert flagged("court_records", app.person_id)
