"""Looked-after reviews on the clock engine (Care Planning Regs reg 33): the first within 20
working days, the second within 3 months of it, later ones within 6 months; the child's
participation code (903 rules 440/441); the IRO's record. Today is Tue 24 Nov 2026 unless
a test says otherwise."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.care.actions.reviews import record_lac_review, sign_off_review
from lantern.care.models import LookedAfterReview, PeriodOfCare
from lantern.care.tests.factories import start_care
from lantern.care.tests.helpers import closed, looked_after, running
from lantern.clocks.actions import apply_event

D = dt.date
pytestmark = pytest.mark.django_db
LATER = pytest.mark.time_machine(dt.datetime(2027, 9, 1, 10, 0, tzinfo=LONDON), tick=False)


def review(child, worker, iro, on, code="PN1", **extra):
    fields = {"participation": code, "decisions": "Stay with the Okafors; contact weekly."}
    return record_lac_review(
        child, acting_user=worker, held_on=on, chair=iro, **{**fields, **extra}
    )


def field_error(excinfo) -> dict:
    return excinfo.value.message_dict


@LATER
def test_reviews_run_on_20_working_days_then_3_months_then_6_months(child, social_worker, iro):
    period = start_care(child, social_worker, D(2026, 12, 10))  # Thursday
    looked_after(period)
    # 20 working days past Christmas Day, the Boxing Day substitute (Mon 28 Dec) and New
    # Year's Day: Tuesday 12 January 2027.
    assert running(child)["first_lac_review"] == D(2027, 1, 12)

    review(child, social_worker, iro, D(2027, 1, 11))
    clocks = running(child)
    assert "first_lac_review" not in clocks
    assert clocks["second_lac_review"] == D(2027, 4, 11)  # 3 months after the first review
    assert [d.closed_on for d in closed(child, "first_lac_review")] == [D(2027, 1, 11)]

    review(child, social_worker, iro, D(2027, 4, 8))
    clocks = running(child)
    assert "second_lac_review" not in clocks
    assert clocks["lac_review"] == D(2027, 10, 8)  # then 6 months

    review(child, social_worker, iro, D(2027, 8, 31))
    assert running(child)["lac_review"] == D(2028, 2, 29)  # a leap year's end of February
    assert [d.closed_on for d in closed(child, "lac_review")] == [D(2027, 8, 31)]


@LATER
def test_a_second_start_of_the_same_clock_on_the_same_day_is_ignored(child, social_worker):
    period = start_care(child, social_worker, D(2026, 12, 10))
    looked_after(period)
    looked_after(period)  # as when the factory fires it as well
    assert running(child)["first_lac_review"] == D(2027, 1, 12)
    from lantern.clocks.models import Deadline

    assert Deadline.objects.filter(person=child, rule__code="first_lac_review").count() == 1


def test_a_late_first_review_needs_a_reason(in_care, child, social_worker, iro):
    looked_after(in_care)  # looked after Mon 5 Oct 2026: first review due Mon 2 Nov
    assert running(child)["first_lac_review"] == D(2026, 11, 2)
    with pytest.raises(ValidationError) as excinfo:
        review(child, social_worker, iro, D(2026, 11, 10))
    assert "2 November 2026" in field_error(excinfo)["late_reason"][0]
    assert not LookedAfterReview.objects.exists()
    late = review(child, social_worker, iro, D(2026, 11, 10), late_reason="scheduling")
    assert late.late_reason == "scheduling"
    on_time = review(child, social_worker, iro, D(2026, 11, 20))  # second: due 10 Feb 2027
    assert on_time.late_reason == ""


def test_the_first_review_of_a_new_period_of_care_is_due_20_working_days_after_it(
    in_care, child, social_worker, iro
):
    looked_after(in_care)
    review(child, social_worker, iro, D(2026, 10, 29))
    PeriodOfCare.objects.filter(pk=in_care.pk).update(end_date=D(2026, 11, 2))
    apply_event(child, "ceased_looked_after", D(2026, 11, 2), source=in_care)
    assert "second_lac_review" not in running(child)
    again = start_care(child, social_worker, D(2026, 11, 9))
    looked_after(again)
    assert running(child)["first_lac_review"] == D(2026, 12, 7)
    first = review(child, social_worker, iro, D(2026, 11, 20))
    assert first.period == again
    assert running(child)["second_lac_review"] == D(2027, 2, 20)


@pytest.mark.parametrize(
    "born, code, ok",
    [
        (D(2023, 1, 1), "PN0", True),  # 3 on the review date
        (D(2023, 1, 1), "PN1", False),
        (D(2022, 10, 28), "PN0", False),  # 4 the day before the review
        (D(2022, 10, 28), "PN3", True),
        (D(2022, 10, 29), "PN0", False),  # 4 on the day of the review
        (D(2022, 10, 30), "PN0", True),  # 4 the day after the review
    ],
)
def test_pn0_if_and_only_if_the_child_is_under_4_on_the_review_date(
    make_person, social_worker, iro, born, code, ok
):
    baby = make_person("Bea", "Carter", born)
    looked_after(start_care(baby, social_worker, D(2026, 10, 5)))
    if ok:
        assert review(baby, social_worker, iro, D(2026, 10, 29), code).participation == code
        return
    with pytest.raises(ValidationError) as excinfo:
        review(baby, social_worker, iro, D(2026, 10, 29), code)
    assert "PN0" in field_error(excinfo)["participation"][0]
    assert not LookedAfterReview.objects.exists()


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"held_on": D(2026, 10, 4)}, "held_on", "before the child became looked after"),
        ({"held_on": D(2026, 11, 25)}, "held_on", "today or in the past"),
        ({"participation": "PN9"}, "participation", "how the child took part"),
        ({"participation": ""}, "participation", "how the child took part"),
        ({"decisions": "  "}, "decisions", "decisions"),
        ({"chair": "worker"}, "chair", "independent reviewing officer"),
    ],
)
def test_bad_review_input_is_refused_naming_the_field(
    in_care, child, social_worker, iro, change, field, words
):
    looked_after(in_care)
    values = {
        "held_on": D(2026, 10, 20),
        "chair": iro,
        "participation": "PN1",
        "decisions": "Continue the plan",
    }
    values.update(change)
    if values["chair"] == "worker":
        values["chair"] = social_worker
    with pytest.raises(ValidationError) as excinfo:
        record_lac_review(child, acting_user=social_worker, **values)
    assert words in field_error(excinfo)[field][0]
    assert not LookedAfterReview.objects.exists()
    assert "second_lac_review" not in running(child)


def test_a_review_after_the_period_ended_is_refused(in_care, child, social_worker, iro):
    PeriodOfCare.objects.filter(pk=in_care.pk).update(end_date=D(2026, 11, 2))
    with pytest.raises(ValidationError) as excinfo:
        review(child, social_worker, iro, D(2026, 11, 3))
    assert "ceased to be looked after (2 November 2026)" in field_error(excinfo)["held_on"][0]


def test_a_child_never_looked_after_has_no_review(child, social_worker, iro):
    with pytest.raises(ValidationError, match="not been looked after"):
        review(child, social_worker, iro, D(2026, 11, 3))


def test_reviews_are_recorded_in_order_one_a_day(in_care, child, social_worker, iro):
    looked_after(in_care)
    review(child, social_worker, iro, D(2026, 10, 29))
    for day in (D(2026, 10, 29), D(2026, 10, 28)):
        with pytest.raises(ValidationError) as excinfo:
            review(child, social_worker, iro, day)
        assert "29 October 2026" in field_error(excinfo)["held_on"][0]
    assert LookedAfterReview.objects.count() == 1


def test_the_iro_signs_off_the_record_of_the_review(in_care, child, social_worker, iro):
    looked_after(in_care)
    held = review(child, social_worker, iro, D(2026, 10, 29))
    with pytest.raises(ValidationError, match="Only an independent reviewing officer"):
        sign_off_review(held, acting_user=social_worker, expected_version=1, iro_report="x")
    with pytest.raises(ValidationError) as excinfo:
        sign_off_review(
            held, acting_user=iro, expected_version=1, iro_report="x", signed_off_on=D(2026, 10, 28)
        )
    assert "before the review" in field_error(excinfo)["signed_off_on"][0]
    signed = sign_off_review(
        held, acting_user=iro, expected_version=1, iro_report="Plan endorsed; PEP by 1 Dec."
    )
    assert signed.signed_off_on == D(2026, 11, 24) and signed.version == 2


def test_the_review_form_records_the_review_and_the_page_shows_it(
    client, in_care, child, social_worker, iro
):
    looked_after(in_care)
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "looked-after-review"])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"held_on": "2026-10-29", "chair": iro.pk, "participation": "PN0",
                            "decisions": "Continue"})  # fmt: skip
    assert bad.status_code == 200 and "PN0 is for a child under 4" in bad.content.decode()
    response = client.post(
        url,
        {
            "held_on": "2026-10-29",
            "chair": iro.pk,
            "participation": "PN1",
            "decisions": "Continue the plan",
            "child_views": "I like my school",
            "care_plan_endorsed": "on",
        },
    )
    assert response.status_code == 302
    held = LookedAfterReview.objects.get()
    page = client.get(held.get_absolute_url()).content.decode()
    assert "I like my school" in page and "29 October 2026" in page
