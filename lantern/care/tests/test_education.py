"""A looked-after child's education (issue 10 §5): the PEP clocks with a bank holiday, the
virtual school at the PEP, school moves counted, and bad input refused naming the field."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import LONDON
from lantern.care.actions import education
from lantern.care.models import EducationSetting, PersonalEducationPlan
from lantern.care.queries.education import education_summary, school_moves
from lantern.care.tests.factories import start_care
from lantern.clocks.actions import apply_event
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def clocks(child, *codes):
    return [
        (d.rule.code, d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code__in=codes).order_by("id")
    ]


@pytest.mark.time_machine(dt.datetime(2026, 4, 20, 10, tzinfo=LONDON), tick=False)
def test_the_pep_is_due_10_working_days_after_care_began_skipping_easter(child, social_worker):
    # Fri 27 Mar 2026: Good Friday (3 Apr) and Easter Monday (6 Apr) are not counted.
    period = start_care(child, social_worker, D(2026, 3, 27))
    apply_event(child, "became_looked_after", D(2026, 3, 27), source=period)
    assert clocks(child, "pep") == [("pep", D(2026, 3, 27), D(2026, 4, 14), "open")]
    pep = education.record_pep(
        child,
        acting_user=social_worker,
        held_on=D(2026, 4, 13),
        virtual_school_attendee="Sam Patel, virtual school caseworker",
    )
    assert clocks(child, "pep", "pep_review") == [
        ("pep", D(2026, 3, 27), D(2026, 4, 14), "met"),
        ("pep_review", D(2026, 4, 13), D(2026, 7, 13), "open"),
    ]
    assert education_summary(child, D(2026, 4, 20))["pep"] == pep
    assert education_summary(child, D(2026, 4, 20))["pep_due"].due_on == D(2026, 7, 13)


def test_a_pep_before_care_began_is_refused(in_care, social_worker):
    with pytest.raises(ValidationError) as refused:
        education.record_pep(in_care.person, acting_user=social_worker, held_on=D(2026, 9, 30))
    assert "became looked after" in str(refused.value.message_dict["held_on"])
    assert not PersonalEducationPlan.objects.exists()


def school(child, worker, on, name, **fields):
    return education.record_education_setting(
        child,
        acting_user=worker,
        kind=fields.pop("kind", "school"),
        name=name,
        start_date=on,
        **fields,
    )


def test_school_moves_in_the_year_are_counted_and_transitions_are_not(in_care, social_worker):
    amy = in_care.person
    first = school(amy, social_worker, D(2021, 9, 1), "Earlsmead Primary", urn="102122")
    school(amy, social_worker, D(2025, 12, 1), "Lordship Lane Primary", move_reason="wish")
    school(
        amy, social_worker, D(2026, 10, 12), "Bruce Grove Primary", move_reason="placement",
        urn="309/2001",
    )  # fmt: skip
    first.refresh_from_db()
    assert first.end_date == D(2025, 11, 30)  # the day before the next one started
    current = education_summary(amy, D(2026, 11, 24))
    assert current["setting"].name == "Bruce Grove Primary"
    assert current["setting"].urn == "3092001"
    assert current["moves"] == 2  # both moves within the last 12 months
    assert school_moves(amy, D(2026, 4, 1), D(2026, 11, 24)) == 1
    school(amy, social_worker, D(2026, 11, 23), "Park View Academy", move_reason="transition")
    assert school_moves(amy, D(2026, 4, 1), D(2026, 11, 24)) == 1


@pytest.mark.parametrize(
    "fields,field,words",
    [
        ({"start_date": D(2026, 11, 25)}, "start_date", "today or in the past"),
        ({"start_date": D(2026, 9, 1)}, "start_date", "must start after it"),
        ({"move_reason": ""}, "move_reason", "Say why Amy Carter moved"),
        ({"urn": "12345"}, "urn", "6-digit URN"),
        ({"kind": "early_years"}, "kind", "early years settings are for under-5s"),
        ({"kind": "college"}, "kind", "after year 11"),
    ],
)
def test_a_bad_school_move_is_refused_naming_the_field(
    in_care, social_worker, fields, field, words
):
    amy = in_care.person
    school(amy, social_worker, D(2026, 9, 1), "Earlsmead Primary")
    data = {"start_date": D(2026, 10, 12), "move_reason": "placement", **fields}
    with pytest.raises(ValidationError) as refused:
        school(amy, social_worker, data.pop("start_date"), "Bruce Grove Primary", **data)
    assert words in str(refused.value.message_dict[field])
    assert list(EducationSetting.objects.values_list("name", "end_date")) == [
        ("Earlsmead Primary", None)
    ]
