"""Court and legal: the 26-week timetable as a clock (Children Act 1989 s32(1)(a)) with the
court's extensions, orders, pre-proceedings and section 20 consent."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.care.actions import court, legal
from lantern.care.models import CourtApplication, CourtOrder, PreProceedings, Section20Consent
from lantern.care.queries.legal import court_status, timetable
from lantern.care.tests.factories import start_care
from lantern.clocks.actions import declare_closure_day
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def clock(child):
    return Deadline.objects.get(person=child, rule__code="care_proceedings")


ISSUED = D(2026, 7, 6)  # a Monday


def issue(child, worker, on=ISSUED, kind=CourtApplication.Kind.CARE_ORDER):
    return court.issue_application(
        child, acting_user=worker, kind=kind, issued_on=on, court="East London Family Court",
        case_number="ZE26C00123",
    )  # fmt: skip


def refused(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert field in caught.value.message_dict, caught.value.message_dict
    return caught.value.message_dict[field][0]


def test_a_care_application_issued_monday_6_july_is_due_monday_4_january(child, social_worker):
    issue(child, social_worker)
    deadline = clock(child)
    assert (deadline.started_on, deadline.due_on, deadline.state) == (
        D(2026, 7, 6), D(2027, 1, 4), "open",
    )  # fmt: skip


def test_an_eight_week_extension_moves_the_due_date_and_survives_recomputation(
    child, social_worker
):
    application = issue(child, social_worker)
    court.extend_timetable(
        application, acting_user=social_worker, granted_on=D(2026, 11, 23), weeks=8,
        reason="Expert assessment of the father delayed by his hospital admission",
    )  # fmt: skip
    assert clock(child).due_on == D(2027, 3, 1)
    # A closure day makes every open clock recompute: the extension is not lost.
    declare_closure_day(D(2026, 12, 24), "Christmas Eve")
    assert clock(child).due_on == D(2027, 3, 1)
    status = timetable(child, D(2026, 11, 24))
    assert (status.week, status.of_weeks, status.due_on) == (21, 34, D(2027, 3, 1))


def test_an_extension_over_eight_weeks_or_without_a_reason_is_refused(child, social_worker):
    application = issue(child, social_worker)
    assert "8 weeks" in refused(
        "weeks", court.extend_timetable, application, acting_user=social_worker,
        granted_on=D(2026, 11, 23), weeks=9, reason="More time",
    )  # fmt: skip
    refused(
        "reason", court.extend_timetable, application, acting_user=social_worker,
        granted_on=D(2026, 11, 23), weeks=4, reason=" ",
    )  # fmt: skip
    assert not application.extensions.exists()
    assert clock(child).due_on == D(2027, 1, 4)


def test_the_final_order_meets_the_timetable_and_replaces_the_interim_order(child, social_worker):
    application = issue(child, social_worker)
    court.record_order(
        child, acting_user=social_worker, kind=CourtOrder.Kind.INTERIM_CARE_ORDER,
        made_on=D(2026, 7, 7), ends_on=D(2026, 12, 31), court="East London Family Court",
        application=application,
    )  # fmt: skip
    assert [o.kind for o in court_status(child, D(2026, 11, 24))["orders"]] == ["interim_care"]
    court.record_order(
        child, acting_user=social_worker, kind=CourtOrder.Kind.CARE_ORDER,
        made_on=D(2026, 11, 20), court="East London Family Court", judge="HHJ Morgan",
        application=application,
    )  # fmt: skip
    deadline = clock(child)
    assert (deadline.state, deadline.closed_on) == ("met", D(2026, 11, 20))
    application.refresh_from_db()
    assert application.concluded_on == D(2026, 11, 20)
    status = court_status(child, D(2026, 11, 24))
    assert status["timetable"] is None
    assert [o.kind for o in status["orders"]] == ["care"]


def test_proceedings_withdrawn_meet_the_clock_too(child, social_worker):
    application = issue(child, social_worker)
    court.end_proceedings(
        application, acting_user=social_worker, expected_version=application.version,
        concluded_on=D(2026, 9, 1),
    )  # fmt: skip
    assert clock(child).state == "met"


def test_an_epo_or_placement_order_application_starts_no_26_week_clock(child, social_worker):
    issue(child, social_worker, kind=CourtApplication.Kind.EPO)
    assert not Deadline.objects.filter(person=child, rule__code="care_proceedings").exists()


def test_bad_orders_are_refused_naming_the_field_and_nothing_is_saved(child, social_worker):
    application = issue(child, social_worker)
    common = {"acting_user": social_worker, "court": "East London Family Court"}
    refused("ends_on", court.record_order, child, kind="interim_care", made_on=D(2026, 7, 7),
            **common)  # fmt: skip
    assert "8 days" in refused(
        "ends_on", court.record_order, child, kind="epo", made_on=D(2026, 7, 1),
        ends_on=D(2026, 7, 20), **common,
    )  # fmt: skip
    refused("made_on", court.record_order, child, kind="care", made_on=D(2026, 7, 1),
            application=application, **common)  # fmt: skip
    refused("made_on", court.record_order, child, kind="care", made_on=D(2026, 12, 1),
            **common)  # fmt: skip
    refused("kind", court.record_order, child, kind="ZZ", made_on=D(2026, 7, 7), **common)
    assert not CourtOrder.objects.exists()


def test_a_second_care_application_while_one_runs_is_refused(child, social_worker):
    issue(child, social_worker)
    refused("kind", issue, child, social_worker, on=D(2026, 8, 3))
    refused("issued_on", issue, child, social_worker, on=D(2026, 12, 3))
    assert CourtApplication.objects.count() == 1


def test_pre_proceedings_need_no_period_of_care(child, social_worker):
    plo = legal.send_plo_letter(
        child, acting_user=social_worker, letter_sent_on=D(2026, 5, 26),
        letter_sent_to="Kerry Carter (mother)",
    )  # fmt: skip
    legal.record_pre_proceedings_meeting(
        plo, acting_user=social_worker, held_on=D(2026, 6, 9),
        attendees="Kerry Carter, her solicitor, Alice (social worker)",
        outcome="Written agreement; parenting assessment to start",
    )  # fmt: skip
    refused(
        "held_on", legal.record_pre_proceedings_meeting, plo, acting_user=social_worker,
        held_on=D(2026, 5, 1), attendees="", outcome="Too early",
    )  # fmt: skip
    assert court_status(child, D(2026, 11, 24))["pre_proceedings"] == plo
    legal.decide_pre_proceedings(
        plo, acting_user=social_worker, expected_version=plo.version, decision="issue",
        decided_on=D(2026, 7, 1),
    )  # fmt: skip
    assert PreProceedings.objects.get().get_decision_display() == "Issue care proceedings"
    assert plo.meetings.count() == 1


def test_s20_consent_is_recorded_only_when_accommodated_under_s20(child, social_worker):
    period = start_care(child, social_worker, D(2026, 10, 5), legal_status="C1")
    assert "s20" in refused(
        "period", legal.record_s20_consent, child, acting_user=social_worker, period=period,
        given_by="Kerry Carter", relationship="Mother", given_on=D(2026, 10, 5),
    )  # fmt: skip
    assert not Section20Consent.objects.exists()


def test_withdrawn_s20_consent_is_shown_first(make_person, social_worker):
    child = make_person("Leo", "Carter", D(2012, 3, 1))
    period = start_care(child, social_worker, D(2026, 10, 5), legal_status="V2")
    consent = legal.record_s20_consent(
        child, acting_user=social_worker, period=period, given_by="Kerry Carter",
        relationship="Mother", given_on=D(2026, 10, 5),
    )  # fmt: skip
    legal.review_s20_consent(
        consent, acting_user=social_worker, expected_version=consent.version,
        reviewed_on=D(2026, 11, 20), still_consenting=False,
    )  # fmt: skip
    status = court_status(child, D(2026, 11, 24))
    assert [c.withdrawn_on for c in status["withdrawn"]] == [D(2026, 11, 20)]
