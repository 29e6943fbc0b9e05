"""CIN plan work appears in My work and on the child's page, and a month-based due date on a
weekend says which working day to hold it by (issue 9 §3). Today is Tue 24 Nov 2026."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.casework import actions
from lantern.casework.models import CINPlan, CINPlanReview

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def cin_child(journey, child):
    """On a CIN plan from Fri 28 Aug 2026: review due Sat 28 Nov, visit long overdue."""
    journey.refer(D(2026, 8, 3))
    actions.start_cin_plan(child, acting_user=journey.worker, start_date=D(2026, 8, 28))
    return child


def test_my_work_lists_the_cin_plan_review_and_the_overdue_cin_visit(client, cin_child):
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("casework:my-work")).content.decode()
    assert "Review the child in need plan" in page
    assert "Sat 28 Nov 2026" in page
    assert "Not a working day: hold it by Fri 27 Nov" in page
    overdue = page.split('id="overdue"')[1].split('id="due-')[0]
    assert "Visit and see the child" in overdue and "child in need visit" in overdue


def test_the_childs_page_shows_the_day_to_hold_the_review_by(client, cin_child):
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("casework:overview", args=[cin_child.pk])).content.decode()
    due = page.split('id="due"')[1].split("</table>")[0]
    assert "Sat 28 Nov 2026" in due and "hold it by Fri 27 Nov" in due
    assert "Record a child in need plan review" in page


def test_the_review_link_in_my_work_opens_the_review_form(client, cin_child):
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[cin_child.pk, "cin-plan-review"])
    assert url in client.get(reverse("casework:my-work")).content.decode()
    plan = CINPlan.objects.get(person=cin_child)
    response = client.post(
        url,
        {"plan": plan.pk, "held_on": "2026-11-20", "attendees": "Mum", "decision": "continue"},
    )
    assert response.status_code == 302
    review = CINPlanReview.objects.get(plan=plan)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Plan to continue" in page and "20 November 2026" in page
    work = client.get(reverse("casework:my-work")).content.decode()
    assert "Review the child in need plan" not in work  # next due 20 Feb 2027
    overview = client.get(reverse("casework:overview", args=[cin_child.pk])).content.decode()
    assert "Child in need plan review" in overview


@pytest.mark.time_machine(dt.datetime(2026, 11, 30, 10, 0, tzinfo=LONDON))
def test_the_team_view_shows_the_overdue_review_with_the_day_it_should_have_been_held(
    client, cin_child, manager
):
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("casework:team")).content.decode()
    assert "Review the child in need plan" in page
    assert "Sat 28 Nov 2026" in page and "hold it by Fri 27 Nov" in page
