"""My work, the team view and the overdue panel: nothing overdue goes unseen.

My work looks the council's next working days ahead (5 unless set otherwise; the window
itself is tested in test_my_work_window): a strategy discussion falling due the next working
day is in it.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access.models import AuditEntry
from lantern.casework import queries
from lantern.clocks.actions import apply_event
from lantern.clocks.calendar import WorkingDayCalendar

TUESDAY = dt.date(2026, 11, 24)
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]
CAL = WorkingDayCalendar()


def working_days_ago(n: int) -> dt.date:
    day = TUESDAY
    while n:
        day -= dt.timedelta(days=1)
        n -= CAL.is_working_day(day)
    return day


@pytest.fixture
def caseload(make_person, allocate, social_worker):
    """Three of alice's children: one with an overdue visit, one due tomorrow, one clear."""
    overdue, due, clear = (make_person(n, "Lee") for n in ("Ola", "Priya", "Quinn"))
    for child in (overdue, due, clear):
        allocate(child, social_worker)
    apply_event(overdue, "cp_plan_started", working_days_ago(15))
    apply_event(overdue, "core_group_held", working_days_ago(12))
    apply_event(due, "harm_suspected", TUESDAY)
    apply_event(due, "s47_started", TUESDAY)  # a DfE measure, not a task
    return overdue, due, clear


def test_my_work_lists_overdue_then_due_most_urgent_first(caseload, social_worker):
    overdue, due, _ = caseload
    items = queries.my_work(social_worker, TUESDAY)
    assert [(i.deadline.person, i.deadline.rule.code, i.overdue) for i in items] == [
        (overdue, "cp_visit", True),
        (due, "strategy_discussion", False),
    ]
    assert items[0].working_days_late == 5


def test_my_work_page_shows_only_my_children(client, caseload, make_staff, make_person, allocate):
    from lantern.access import roles

    bob = make_staff("bob", roles.SOCIAL_WORKER)
    theirs = make_person("Ruth", "Other")
    allocate(theirs, bob)
    apply_event(theirs, "cp_plan_started", working_days_ago(20))
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("casework:my-work")).content.decode()
    assert "Ola Lee" in page and "Priya Lee" in page
    assert "Ruth Other" not in page and "Quinn Lee" not in page
    assert "Visit and see the child" in page and "Overdue 7 days" in page


def test_the_team_view_shows_overdue_by_worker_and_caseloads(client, caseload, manager):
    client.login(username="mo", password=PASSWORD)
    response = client.get(reverse("casework:team"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alice Tester: 1 overdue" in page and "Ola Lee" in page
    workers = queries.team_work(manager, TUESDAY).workers
    alice = next(w for w in workers if w.worker.username == "alice")
    assert (alice.caseload, len(alice.overdue)) == (3, 1)


def test_a_social_worker_cannot_open_the_team_view(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("casework:team")).status_code == 403


def test_the_childs_record_shows_what_is_overdue(client, caseload):
    overdue, due, _ = caseload
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("people:record", args=[overdue.pk])).content.decode()
    assert 'id="overdue"' in page and "Visit and see the child" in page
    page = client.get(reverse("people:record", args=[due.pk])).content.decode()
    assert 'id="overdue"' not in page


def test_the_visit_clears_my_work_at_once(caseload, social_worker):
    overdue, _, _ = caseload
    apply_event(overdue, "cp_visit_child_seen", TUESDAY)
    items = queries.my_work(social_worker, TUESDAY)
    assert [i.deadline.person for i in items if i.overdue] == []


def test_each_child_listed_in_my_work_has_the_look_in_their_audit_trail(client, caseload):
    overdue, due, _ = caseload
    client.login(username="alice", password=PASSWORD)
    client.get(reverse("casework:my-work"))
    listed = AuditEntry.objects.filter(detail="listed in my work")
    assert sorted(e.person_id for e in listed) == sorted([overdue.pk, due.pk])
    assert {e.action for e in listed} == {"listed"}  # a name on a list, not the record opened


def test_each_child_listed_in_the_team_view_has_the_look_in_their_audit_trail(
    client, caseload, manager
):
    overdue, _, _ = caseload
    client.login(username="mo", password=PASSWORD)
    client.get(reverse("casework:team"))
    listed = AuditEntry.objects.filter(detail="listed in team view")
    assert [(e.person_id, e.user) for e in listed] == [(overdue.pk, manager)]


def reads(queries) -> list[str]:
    """The page's own queries: the audit log adds one entry per child listed, by design."""
    return [
        q["sql"]
        for q in queries
        if "access_audit" not in q["sql"] and "SAVEPOINT" not in q["sql"].upper()
    ]


@pytest.mark.parametrize("page", ["casework:my-work", "casework:team"])
def test_my_work_and_the_team_view_cost_the_same_queries_however_many_children(
    client, caseload, manager, make_person, allocate, social_worker, page
):
    client.login(username="mo" if page == "casework:team" else "alice", password=PASSWORD)
    url = reverse(page)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for name in ("Rae", "Sol", "Tom"):
        child = make_person(name, "Lee")
        allocate(child, social_worker)
        apply_event(child, "cp_plan_started", working_days_ago(15))
    with CaptureQueriesContext(connection) as more:
        response = client.get(url)
    assert "Tom Lee" in response.content.decode()
    assert len(reads(more)) == len(reads(few)) < 30
