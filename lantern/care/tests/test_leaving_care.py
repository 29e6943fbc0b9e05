"""Care leavers: the pathway plan clock, the records' guards, OC3 rows and the personal
adviser's caseload. Bea is born 10 March 2010 (16 on 10 March 2026); today is Tue 24 Nov
2026 unless a test says otherwise."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access.actions import restrict_record
from lantern.access.models import RestrictedRecord
from lantern.care.actions.leaving_care import (
    appoint_personal_adviser,
    record_care_leaver_contact,
    record_needs_assessment,
    record_pathway_plan,
    start_pathway_plan_clocks,
    start_staying_put,
)
from lantern.care.actions.periods import end_care
from lantern.care.models import CareLeaverContact, NeedsAssessment, PeriodOfCare, StayingPut
from lantern.care.queries.leaving_care import oc3_rows
from lantern.care.tests.factories import start_care
from lantern.clocks.models import Deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def bea(make_person, social_worker, allocate):
    bea = make_person("Bea", "Lowe", dt.date(2010, 3, 10))
    allocate(bea, social_worker)
    return bea


def clocks(person):
    return [
        (d.rule.code, d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=person, rule__code__startswith="pathway")
        .select_related("rule")
        .order_by("started_on", "id")
    ]


def test_an_eligible_child_gets_the_pathway_plan_clock_from_the_16th_birthday(bea, social_worker):
    start_care(bea, social_worker, dt.date(2025, 6, 2))
    assert start_pathway_plan_clocks() == 1
    assert start_pathway_plan_clocks() == 0  # once
    assert clocks(bea) == [("pathway_plan", dt.date(2026, 3, 10), dt.date(2026, 6, 10), "open")]
    record_pathway_plan(
        bea, acting_user=social_worker, made_on=dt.date(2026, 11, 20), summary="Stay with carers"
    )
    assert clocks(bea) == [
        ("pathway_plan", dt.date(2026, 3, 10), dt.date(2026, 6, 10), "met"),
        ("pathway_plan_review", dt.date(2026, 11, 20), dt.date(2027, 5, 20), "open"),
    ]


@pytest.mark.time_machine(dt.datetime(2026, 12, 2, 10, tzinfo=LONDON), tick=False)
def test_a_child_over_16_becomes_eligible_after_13_weeks_in_care(bea, social_worker):
    start_care(bea, social_worker, dt.date(2026, 9, 1))
    start_pathway_plan_clocks()
    # 1 Sep + 13 weeks = Tue 1 Dec 2026; due 3 months later, 1 Mar 2027
    assert clocks(bea) == [("pathway_plan", dt.date(2026, 12, 1), dt.date(2027, 3, 1), "open")]


def test_not_yet_13_weeks_starts_no_clock(bea, social_worker):
    start_care(bea, social_worker, dt.date(2026, 9, 1))
    assert start_pathway_plan_clocks() == 0 and clocks(bea) == []


def test_a_needs_assessment_for_a_child_not_owed_one_is_refused(child, in_care, social_worker):
    with pytest.raises(ValidationError) as refused:
        record_needs_assessment(
            child, acting_user=social_worker, completed_on=dt.date(2026, 11, 2), summary="x"
        )
    assert "completed_on" in refused.value.message_dict
    assert not NeedsAssessment.objects.exists()
    with pytest.raises(ValidationError) as refused:
        record_care_leaver_contact(
            child,
            acting_user=social_worker,
            contact_on=dt.date(2026, 11, 2),
            in_touch="YES",
            activity="F2",
            accommodation="B1",
        )
    assert "contact_on" in refused.value.message_dict


@pytest.mark.parametrize(
    ("in_touch", "activity", "accommodation", "field"),
    [
        ("YES", "0", "U1", "activity"),  # 345
        ("YES", "F2", "0", "accommodation"),  # 345
        ("DIED", "G5", "0", "activity"),  # 344
        ("YES", "F2", "T1", "accommodation"),  # 347: a Foyer at 16
        ("YES", "F2", "S1", "accommodation"),  # not a code
        ("MAYBE", "F2", "U1", "in_touch"),
        ("YES", "F2", "Z1", "accommodation"),  # 3001: 17th birthday (10 Mar 2027) in the year
    ],
)
def test_bad_contacts_are_refused_naming_the_field(
    bea, social_worker, in_touch, activity, accommodation, field
):
    start_care(bea, social_worker, dt.date(2025, 6, 2))
    with pytest.raises(ValidationError) as refused:
        record_care_leaver_contact(
            bea,
            acting_user=social_worker,
            contact_on=dt.date(2026, 11, 2),
            in_touch=in_touch,
            activity=activity,
            accommodation=accommodation,
        )
    assert field in refused.value.message_dict
    assert not CareLeaverContact.objects.exists()


def _left_at_18(make_person, worker, first, born, *, ended=None, reason="E17"):
    person = make_person(first, "Okoro", born)
    period = start_care(person, worker, dt.date(2023, 1, 2))
    PeriodOfCare.objects.filter(pk=period.pk).update(
        end_date=ended or dt.date(born.year + 18, born.month, born.day), reason_ceased=reason
    )
    return person


def test_oc3_takes_the_contact_around_the_birthday(make_person, social_worker):
    # Both left care at 17, on 1 June 2026, to live independently with support.
    left = {"ended": dt.date(2026, 6, 1), "reason": "E5"}
    dan = _left_at_18(make_person, social_worker, "Dan", dt.date(2008, 6, 15), **left)
    eve = _left_at_18(make_person, social_worker, "Eve", dt.date(2008, 7, 1), **left)
    for on, activity in ((dt.date(2026, 3, 10), "G5"), (dt.date(2026, 6, 1), "F2")):
        record_care_leaver_contact(
            dan,
            acting_user=social_worker,
            contact_on=on,
            in_touch="YES",
            activity=activity,
            accommodation="U1",
        )
    rows = {r.person: r for r in oc3_rows(dt.date(2027, 3, 31))}
    # 18th birthday 15 Jun 2026: the window is 15 Mar to 15 Jul; 10 Mar is outside it
    assert rows[dan].as_903() == {
        "CHILD": dan.council_id,
        "DOB": "15/06/2008",
        "IN_TOUCH": "YES",
        "ACTIV": "F2",
        "ACCOM": "U1",
    }
    # no contact around Eve's birthday: not in touch, activity and accommodation "0"
    assert rows[eve].as_903() | {"CHILD": "", "DOB": ""} == {
        "CHILD": "",
        "DOB": "",
        "IN_TOUCH": "NO",
        "ACTIV": "0",
        "ACCOM": "0",
    }


def test_oc3_leaves_out_who_left_care_on_the_birthday_or_came_into_care_after_it(
    make_person, social_worker
):
    # 903 rule 1016: nothing is asked of an 18-year-old who left care on the 18th birthday.
    fin = _left_at_18(make_person, social_worker, "Fin", dt.date(2008, 6, 15))
    # Gus came into care after his 17th birthday: not a care leaver on it.
    gus = make_person("Gus", "Okoro", dt.date(2009, 5, 1))
    start_care(gus, social_worker, dt.date(2026, 6, 1))
    end_care(PeriodOfCare.objects.get(person=gus), acting_user=social_worker,
             on=dt.date(2026, 10, 1), reason_ceased="E13")  # fmt: skip
    people = {r.person for r in oc3_rows(dt.date(2027, 3, 31))}
    assert fin not in people and gus not in people


def test_staying_put_is_after_18_with_former_foster_carers(make_person, social_worker):
    dan = _left_at_18(make_person, social_worker, "Dan", dt.date(2008, 6, 15))
    carer = PeriodOfCare.objects.get(person=dan).placements.get().carer
    with pytest.raises(ValidationError) as refused:
        start_staying_put(
            dan, acting_user=social_worker, carer=carer, start_date=dt.date(2026, 6, 14)
        )
    assert "start_date" in refused.value.message_dict
    assert not StayingPut.objects.exists()
    record = start_staying_put(
        dan, acting_user=social_worker, carer=carer, start_date=dt.date(2026, 6, 15)
    )
    assert record.end_date is None


def test_the_caseload_page_lists_young_people_and_hides_a_restricted_name(
    client, social_worker, manager, make_person
):
    dan = _left_at_18(make_person, social_worker, "Dan", dt.date(2008, 6, 15))
    fay = _left_at_18(make_person, social_worker, "Fay", dt.date(2008, 5, 1))
    for person in (dan, fay):
        appoint_personal_adviser(
            person, acting_user=manager, adviser=social_worker, start_date=dt.date(2026, 7, 1)
        )
    record_care_leaver_contact(
        dan,
        acting_user=social_worker,
        contact_on=dt.date(2026, 11, 2),
        in_touch="YES",
        activity="G5",
        accommodation="U1",
    )
    restrict_record(fay, acting_user=manager, why=RestrictedRecord.Why.HIGH_PROFILE)
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("care:leavers")).content.decode()
    assert "Dan Okoro" in page and "Not in EET" in page and "Former relevant" in page
    assert not re.search(r"\bFay\b", page) and "A restricted record" in page


def test_a_second_adviser_ends_the_first(make_person, social_worker, manager):
    dan = _left_at_18(make_person, social_worker, "Dan", dt.date(2008, 6, 15))
    first = appoint_personal_adviser(
        dan, acting_user=manager, adviser=social_worker, start_date=dt.date(2026, 7, 1)
    )
    appoint_personal_adviser(
        dan, acting_user=manager, adviser=manager, start_date=dt.date(2026, 9, 1)
    )
    first.refresh_from_db()
    assert first.end_date == dt.date(2026, 8, 31)


def test_the_daily_command_starts_the_clocks(bea, social_worker):
    from io import StringIO

    from django.core.management import call_command

    start_care(bea, social_worker, dt.date(2025, 6, 2))
    out = StringIO()
    call_command("pathway_clocks", stdout=out)
    assert out.getvalue().strip() == "1 pathway plan clock(s) started"
