"""Reasons for lateness: asked when the assessment, the ICPC or a review conference is
late by the child's clock, refused when missing, and reported (issue 9 §3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.casework import actions, queries
from lantern.casework.models import Assessment, Conference
from lantern.casework.tests.journey import attendance, attendance_posted, with_reports

D = dt.date
pytestmark = pytest.mark.django_db
# Referral 2 March 2026: the assessment is due by 7 May 2026 (45 working days, Easter and
# the early May bank holiday skipped). Strategy discussion 3 March: ICPC due 24 March.


def authorise(assessment, manager, on, **late):
    return actions.authorise_assessment(
        assessment,
        acting_user=manager,
        authorised_date=on,
        expected_version=Assessment.objects.get(pk=assessment.pk).version,
        **late,
    )


def test_a_late_assessment_is_refused_without_a_reason_naming_the_due_date(journey, manager):
    journey.refer()
    assessment = journey.assess()
    with pytest.raises(ValidationError) as refused:
        authorise(assessment, manager, D(2026, 5, 8))
    assert refused.value.message_dict["late_reason"] == [
        "The assessment was due by 7 May 2026 (child and family assessment, 45 working days "
        "from 2 March 2026): choose the reason it is late"
    ]
    assert Assessment.objects.get(pk=assessment.pk).authorised_date is None


def test_a_late_assessment_keeps_its_reason(journey, manager):
    journey.refer()
    assessment = journey.assess()
    authorise(assessment, manager, D(2026, 5, 8), late_reason="family")
    saved = Assessment.objects.get(pk=assessment.pk)
    assert (saved.authorised_date, saved.late_reason) == (D(2026, 5, 8), "family")


def test_other_needs_words(journey, manager):
    journey.refer()
    assessment = journey.assess()
    with pytest.raises(ValidationError, match="Say what delayed it"):
        authorise(assessment, manager, D(2026, 5, 8), late_reason="other")


def test_on_the_due_date_it_is_not_late_and_no_reason_is_kept(journey, manager):
    journey.refer()
    assessment = journey.assess()
    authorise(assessment, manager, D(2026, 5, 7), late_reason="capacity")
    assert Assessment.objects.get(pk=assessment.pk).late_reason == ""


def icpc(journey, on, **late):
    return actions.record_initial_conference(
        journey.child,
        acting_user=journey.worker,
        section47=journey.enquiry,
        held_on=on,
        chair=journey.chair,
        decision=Conference.Decision.PLAN,
        categories=["NEG"],
        **with_reports(on, attendance()),
        **late,
    )


def test_an_icpc_held_after_its_due_date_needs_a_reason(journey):
    journey.refer()
    journey.strategy()
    journey.s47()
    with pytest.raises(ValidationError, match="due by 24 March 2026"):
        icpc(journey, D(2026, 3, 25))
    assert not Conference.objects.exists()
    conference = icpc(journey, D(2026, 3, 25), late_reason="agency", late_reason_detail="GP")
    assert (conference.late_reason, conference.late_reason_detail) == ("agency", "GP")


def review(journey, plan, on, **late):
    return actions.record_review_conference(
        plan,
        acting_user=journey.worker,
        held_on=on,
        chair=journey.chair,
        decision=Conference.Decision.CONTINUE,
        categories=["NEG"],
        **with_reports(on, attendance()),
        **late,
    )


def test_a_late_first_review_needs_a_reason(journey):
    plan = journey.to_plan()  # ICPC 20 March: first review due by 20 June (a Saturday)
    with pytest.raises(ValidationError, match="due by 20 June 2026"):
        review(journey, plan, D(2026, 6, 22))
    assert review(journey, plan, D(2026, 6, 22), late_reason="scheduling").late_reason


def test_late_work_lists_each_late_item_with_its_reason_for_a_period(journey, manager):
    journey.refer()
    journey.strategy()
    journey.s47()
    icpc(journey, D(2026, 3, 26), late_reason="agency", late_reason_detail="Police report late")
    items = queries.late_work(D(2026, 3, 1), D(2026, 3, 31))
    assert [
        (i.deadline.rule.code, i.deadline.due_on, i.working_days_late, i.reason, i.detail)
        for i in items
    ] == [
        (
            "icpc",
            D(2026, 3, 24),
            2,
            "Partner agency information or attendance delayed",
            "Police report late",
        )
    ]
    assert queries.late_work(D(2026, 4, 1), D(2026, 4, 30)) == []


def test_the_team_view_shows_work_completed_late_with_its_reason(client, journey, manager):
    journey.refer()
    assessment = journey.assess()
    authorise(assessment, manager, D(2026, 5, 11), late_reason="complex")
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("casework:team")).content.decode()
    assert "Completed late since 1 April 2026" in page
    assert "Complexity: further enquiries or specialist assessment needed" in page
    assert "2 working days late" in page


def test_a_restricted_child_completed_late_is_listed_without_a_name(
    client, journey, manager, social_worker
):
    journey.refer()
    authorise(journey.assess(), manager, D(2026, 5, 11), late_reason="complex")
    restrict_record(journey.child, acting_user=social_worker, why=RestrictedRecord.Why.STAFF_CHILD)
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("casework:team")).content.decode()
    late = page[page.index('id="late"') :]
    late = late[: late.index("</table>")]
    assert "A restricted record" in late and "2 working days late" in late
    assert "Carter" not in page
    seen = AuditEntry.objects.filter(user=manager, detail="listed in team view")
    assert not seen.filter(person=journey.child).exists()


def test_the_authorise_page_asks_for_the_reason_and_names_the_due_date(client, journey, manager):
    journey.refer()
    assessment = journey.assess()
    client.login(username="mo", password=PASSWORD)
    url = reverse(
        "casework:change", args=[journey.child.pk, "assessment", assessment.pk, "authorise"]
    )
    form = {"version": "1", "authorised_date": "2026-05-08"}
    page = client.post(url, form).content.decode()
    assert "due by 7 May 2026" in page
    assert Assessment.objects.get(pk=assessment.pk).authorised_date is None
    response = client.post(url, {**form, "late_reason": "capacity"})
    assert response.status_code == 302
    assert Assessment.objects.get(pk=assessment.pk).late_reason == "capacity"


def test_the_icpc_form_refuses_a_late_conference_without_a_reason(client, journey, iro):
    journey.refer()
    journey.strategy()
    journey.s47()
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[journey.child.pk, "icpc"])
    form = {
        "section47": journey.enquiry.pk,
        "held_on": "2026-03-25",
        "chair": iro.pk,
        "decision": "plan",
        "categories": ["NEG"],
        **attendance_posted("2026-03-25"),
    }
    page = client.post(url, form).content.decode()
    assert "due by 24 March 2026" in page
    assert not Conference.objects.exists()
    response = client.post(url, {**form, "late_reason": "family"})
    assert response.status_code == 302
    assert Conference.objects.get().late_reason == "family"
