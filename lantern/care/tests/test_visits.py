"""Reg 28 visits to a looked-after child, on the clock engine: within a week of a placement,
then 6-weekly in its first year and 3-monthly after it in a long-term placement; and the
special cases: a connected person under temporary approval or an interim care order at home
(weekly until the first review, then 4-weekly, reg 28(4)), a care order at home (a week
from the order, then 6-weekly, reg 28(5)) and short breaks (reg 48). Today is Tue 24 Nov
2026 unless a test says otherwise."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import LONDON
from lantern.care.actions.reviews import record_lac_review
from lantern.care.actions.visits import visit_regime
from lantern.care.models import Carer, LegalStatus, Placement, VisitRegime
from lantern.care.tests.factories import foster_carers, start_care
from lantern.care.tests.helpers import closed, looked_after, running
from lantern.casework.actions.recording import record_visit
from lantern.casework.models import Visit

D = dt.date
pytestmark = pytest.mark.django_db
VISIT_CLOCKS = {
    "cla_visit", "cla_visit_repeat", "cla_visit_long_term", "cla_visit_weekly",
    "cla_visit_4_weekly", "cla_visit_care_order_at_home", "short_break_first_visit",
    "short_break_visit",
}  # fmt: skip


def visit(child, worker, on, *, seen=True):
    extra = {"seen_alone": True} if seen else {"reason_not_seen": "Asleep after a late night"}
    return record_visit(
        child, acting_user=worker, visited_on=on, kind=Visit.Kind.LOOKED_AFTER,
        child_seen=seen, **extra,
    )  # fmt: skip


def visits_due(child) -> dict:
    return {code: due for code, due in running(child).items() if code in VISIT_CLOCKS}


def test_a_placement_is_visited_within_a_week_then_every_six_weeks(in_care, child, social_worker):
    looked_after(in_care)  # placed Mon 5 Oct 2026
    assert visits_due(child) == {"cla_visit": D(2026, 10, 12)}
    visit(child, social_worker, D(2026, 10, 9))
    assert visits_due(child) == {"cla_visit_repeat": D(2026, 11, 20)}
    assert closed(child, "cla_visit")[0].closed_on == D(2026, 10, 9)
    visit(child, social_worker, D(2026, 11, 20))
    assert visits_due(child) == {"cla_visit_repeat": D(2027, 1, 1)}  # New Year's Day stands


def test_a_visit_where_the_child_was_not_seen_meets_no_clock(in_care, child, social_worker):
    looked_after(in_care)
    visit(child, social_worker, D(2026, 10, 9), seen=False)
    assert visits_due(child) == {"cla_visit": D(2026, 10, 12)}


@pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON), tick=False)
def test_a_long_term_placement_is_visited_3_monthly_after_its_first_year(
    make_person, social_worker
):
    dan = make_person("Dan", "Carter", D(2012, 6, 1))
    period = start_care(dan, social_worker, D(2025, 10, 6), placement_type="U4")
    Placement.objects.filter(period=period).update(long_term=True)
    looked_after(period)
    visit(dan, social_worker, D(2025, 10, 10))
    visit(dan, social_worker, D(2026, 10, 5))  # the day before the first anniversary
    assert visits_due(dan) == {"cla_visit_repeat": D(2026, 11, 16)}
    visit(dan, social_worker, D(2026, 10, 6))  # a year on: 3 months
    assert visits_due(dan) == {"cla_visit_long_term": D(2027, 1, 6)}


def test_a_temporarily_approved_connected_person_means_weekly_visits_until_the_first_review(
    make_person, social_worker, iro
):
    eve = make_person("Eve", "Carter", D(2014, 7, 7))
    aunt = foster_carers("Aunt Jo", kind=Carer.Kind.KINSHIP, urn="XXXXXXX")
    period = start_care(eve, social_worker, D(2026, 11, 2), placement_type="U3", carer=aunt)
    looked_after(period, temporary_approval=True)  # placed Mon 2 Nov 2026 (reg 24)
    placement = period.placements.get()
    assert placement.visit_regime.rule == VisitRegime.Rule.WEEKLY
    assert visits_due(eve) == {"cla_visit": D(2026, 11, 9), "cla_visit_weekly": D(2026, 11, 9)}
    visit(eve, social_worker, D(2026, 11, 6))
    assert visits_due(eve) == {"cla_visit_weekly": D(2026, 11, 13)}
    visit(eve, social_worker, D(2026, 11, 13))
    assert visits_due(eve) == {"cla_visit_weekly": D(2026, 11, 20)}
    record_lac_review(
        eve, acting_user=social_worker, held_on=D(2026, 11, 19), chair=iro,
        participation="PN1", decisions="Continue with Aunt Jo",
    )  # fmt: skip
    # After the first review: at most 4 weeks (reg 28(4)(b)).
    assert visits_due(eve) == {"cla_visit_4_weekly": D(2026, 12, 17)}
    visit(eve, social_worker, D(2026, 11, 23))
    assert visits_due(eve) == {"cla_visit_4_weekly": D(2026, 12, 21)}
    # The fostering panel approves Aunt Jo: reg 24 no longer applies, 6-weekly visits.
    visit_regime(placement, on=D(2026, 11, 24), temporary_approval=False)
    assert visits_due(eve) == {"cla_visit_repeat": D(2027, 1, 5)}
    assert VisitRegime.objects.get(placement=placement).rule == VisitRegime.Rule.STANDARD


def test_an_interim_care_order_at_home_then_a_care_order_at_home(make_person, social_worker):
    finn = make_person("Finn", "Carter", D(2019, 8, 8))
    home = foster_carers("Finn's mother", kind=Carer.Kind.PARENTS, provider="PR0", urn="")
    period = start_care(finn, social_worker, D(2026, 11, 2), placement_type="P1", carer=home)
    looked_after(period)  # an interim care order (C1) at home: reg 28(4)
    assert visits_due(finn)["cla_visit_weekly"] == D(2026, 11, 9)
    visit(finn, social_worker, D(2026, 11, 9))
    assert visits_due(finn) == {"cla_visit_weekly": D(2026, 11, 16)}
    # The court makes a full care order on Mon 16 Nov: a visit within a week of it (28(5)).
    LegalStatus.objects.filter(period=period).update(end_date=D(2026, 11, 15))
    LegalStatus.objects.create(
        period=period, code="C2", start_date=D(2026, 11, 16), person=finn,
        created_by=social_worker, updated_by=social_worker,
    )  # fmt: skip
    visit_regime(period.placements.get(), on=D(2026, 11, 16))
    assert visits_due(finn) == {"cla_visit_care_order_at_home": D(2026, 11, 23)}
    visit(finn, social_worker, D(2026, 11, 20))
    assert visits_due(finn) == {"cla_visit_repeat": D(2027, 1, 1)}  # then 6-weekly


def test_short_breaks_are_visited_within_3_months_then_6_monthly_not_weekly(
    make_person, social_worker
):
    gus = make_person("Gus", "Carter", D(2013, 9, 9))
    period = start_care(gus, social_worker, D(2026, 8, 31), legal_status="V4")
    looked_after(period)
    assert visits_due(gus) == {"short_break_first_visit": D(2026, 11, 30)}  # not a week
    visit(gus, social_worker, D(2026, 11, 20))
    assert visits_due(gus) == {"short_break_visit": D(2027, 5, 20)}


def test_deciding_the_same_rule_twice_starts_nothing_twice(make_person, social_worker):
    gus = make_person("Gus", "Carter", D(2013, 9, 9))
    period = start_care(gus, social_worker, D(2026, 8, 31), legal_status="V4")
    looked_after(period)
    visit_regime(period.placements.get())
    from lantern.clocks.models import Deadline

    assert Deadline.objects.filter(person=gus, rule__code="short_break_first_visit").count() == 1


def test_a_looked_after_visit_to_a_child_in_no_placement_is_refused(child, social_worker):
    with pytest.raises(ValidationError) as excinfo:
        visit(child, social_worker, D(2026, 11, 20))
    assert "in a placement on the day of the visit" in excinfo.value.message_dict["kind"][0]
    assert not Visit.objects.exists()


def test_a_looked_after_visit_before_the_placement_is_refused(in_care, child, social_worker):
    with pytest.raises(ValidationError, match="choose another type of visit"):
        visit(child, social_worker, D(2026, 10, 4))
    assert not Visit.objects.exists()
