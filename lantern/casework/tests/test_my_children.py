"""My children (a worker's caseload) and a worker's caseload opened from the team page: each
allocated child with status, next due item, last visit and last seen alone; only children
the reader may open, each named one audited as listed."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.casework.models import Visit
from lantern.chronology.actions import record_entry
from lantern.clocks.models import ClockRule, Deadline
from lantern.people.models import Person
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db
TUESDAY = dt.date(2026, 11, 24)


def clock(child, code: str, due: dt.date) -> Deadline:
    return Deadline.objects.create(
        person=child,
        rule=ClockRule.objects.get(code=code),
        started_on=due - dt.timedelta(days=20),
        due_on=due,
        started_by="test",
    )


def visit(child, worker, on: dt.date, *, alone: bool) -> Visit:
    return Visit.objects.create(
        person=child,
        visited_on=on,
        kind=Visit.Kind.CHILD_PROTECTION,
        child_seen=True,
        seen_alone=alone,
        created_by=worker,
        updated_by=worker,
    )


@pytest.fixture
def caseload(make_person, allocate, social_worker):
    """Alice's children: Ola on a plan with a visit overdue, Priya with nothing due."""
    ola, priya = make_person("Ola", "Lee"), make_person("Priya", "Shah")
    for child in (ola, priya):
        allocate(child, social_worker)
    Person.objects.filter(pk=ola.pk).update(care_status=Person.CareStatus.CHILD_PROTECTION)
    Person.objects.filter(pk=priya.pk).update(care_status=Person.CareStatus.LOOKED_AFTER)
    clock(ola, "first_rcpc", dt.date(2027, 1, 8))
    clock(ola, "cp_visit", dt.date(2026, 11, 20))  # the most urgent: shown first
    visit(ola, social_worker, dt.date(2026, 11, 6), alone=True)
    visit(ola, social_worker, dt.date(2026, 11, 13), alone=False)
    return ola, priya


@pytest.fixture
def bob(make_staff, make_person, allocate):
    """A worker in another team, with a child of his own."""
    worker = make_staff("bob", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    allocate(make_person("Ruth", "Other"), worker)
    return worker


def get(client, username: str, url: str):
    client.login(username=username, password=PASSWORD)
    return client.get(url)


def row_of(page: str, name: str) -> str:
    start = page.index(name)
    return page[start : page.index("</tr>", start)]


def test_a_social_worker_sees_each_of_her_children_with_what_is_next(client, caseload, bob):
    response = get(client, "alice", reverse("casework:my-children"))
    assert response.status_code == 200
    page = response.content.decode()
    ola = row_of(page, "Ola Lee")
    assert "Child protection plan" in ola
    assert "Visit and see the child" in ola and "Overdue 4 days" in ola
    assert "Hold the first review conference" not in ola  # the next one only
    assert "13 Nov 2026" in ola and "6 Nov 2026" in ola  # last visit, last seen alone
    priya = row_of(page, "Priya Shah")
    assert "Looked after" in priya and "Nothing due" in priya and "None recorded" in priya
    assert "Ruth Other" not in page  # another team's child


def test_each_child_listed_is_audited_as_seen_by_the_reader(client, caseload, social_worker):
    get(client, "alice", reverse("casework:my-children"))
    listed = AuditEntry.objects.filter(detail="listed in my children")
    assert sorted(e.person_id for e in listed) == sorted(c.pk for c in caseload)
    assert {(e.user, e.action) for e in listed} == {(social_worker, "listed")}


def test_a_restricted_child_she_is_not_named_on_is_listed_without_a_name(
    client, caseload, manager, social_worker
):
    ola, priya = caseload
    restrict_record(priya, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    page = get(client, "alice", reverse("casework:my-children")).content.decode()
    assert "Priya" not in page and "Shah" not in page and "Looked after" not in page
    assert "A restricted record" in page
    listed = AuditEntry.objects.filter(detail="listed in my children")
    assert [e.person_id for e in listed] == [ola.pk]


def test_my_work_and_the_navigation_lead_to_my_children(client, caseload):
    page = get(client, "alice", reverse("casework:my-work")).content.decode()
    assert page.count(f'href="{reverse("casework:my-children")}"') == 2


def test_the_manager_opens_every_worker_from_the_team_page(
    client, caseload, manager, social_worker, make_staff
):
    quiet = make_staff("cy", roles.SOCIAL_WORKER)  # nothing overdue, no children
    page = get(client, "mo", reverse("casework:team")).content.decode()
    for worker in (social_worker, quiet):
        assert reverse("casework:worker-caseload", args=[worker.pk]) in page
    response = client.get(reverse("casework:worker-caseload", args=[quiet.pk]))
    assert response.status_code == 200
    assert "No children are allocated to this worker" in response.content.decode()


def test_the_manager_sees_a_workers_children_the_same_way(client, caseload, manager, social_worker):
    ola, priya = caseload
    url = reverse("casework:worker-caseload", args=[social_worker.pk])
    page = get(client, "mo", url).content.decode()
    assert "Alice Tester: children" in page
    assert "Visit and see the child" in row_of(page, "Ola Lee")
    assert "Looked after" in row_of(page, "Priya Shah")
    listed = AuditEntry.objects.filter(detail="listed in caseload of alice")
    assert sorted(e.person_id for e in listed) == sorted([ola.pk, priya.pk])
    assert {e.user for e in listed} == {manager}


def test_a_worker_in_another_team_cannot_be_opened(client, caseload, manager, bob):
    url = reverse("casework:worker-caseload", args=[bob.pk])
    assert get(client, "mo", url).status_code == 404
    assert AuditEntry.objects.filter(user=manager, action="denied", path=url).exists()
    assert not AuditEntry.objects.filter(detail__startswith="listed in caseload").exists()
    missing = reverse("casework:worker-caseload", args=[9_223_372_036_854_775_807])
    assert client.get(missing).status_code == 404


def test_the_manager_sees_only_the_children_allocated_in_their_teams(
    client, caseload, manager, social_worker, make_person
):
    """A child Alice holds for another team is that team's manager's to see, not Mo's."""
    from lantern.workforce.models import Allocation

    elsewhere = Team.objects.create(name="Elsewhere", kind=Team.Kind.ASSESSMENT)
    covered = make_person("Tia", "Moss")
    Allocation.objects.create(
        child=covered, worker=social_worker, team=elsewhere, start=dt.date(2026, 1, 5)
    )
    url = reverse("casework:worker-caseload", args=[social_worker.pk])
    assert "Tia Moss" not in get(client, "mo", url).content.decode()
    assert "Tia Moss" in get(client, "alice", reverse("casework:my-children")).content.decode()


def test_a_social_worker_cannot_open_a_colleagues_caseload(client, caseload, bob):
    url = reverse("casework:worker-caseload", args=[bob.pk])
    assert get(client, "alice", url).status_code == 403


def reads(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if "access_audit" not in q["sql"] and "SAVEPOINT" not in q["sql"].upper()
    ]


@pytest.mark.parametrize("who", ["alice", "mo"])
def test_the_caseload_costs_the_same_queries_however_many_children(
    client, caseload, manager, social_worker, make_person, allocate, who
):
    if who == "alice":
        url = reverse("casework:my-children")
    else:
        url = reverse("casework:worker-caseload", args=[social_worker.pk])
    client.login(username=who, password=PASSWORD)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for name in ("Rae", "Sol", "Tom"):
        child = make_person(name, "Lee")
        allocate(child, social_worker)
        clock(child, "cp_visit", TUESDAY)
        visit(child, social_worker, dt.date(2026, 11, 10), alone=True)
    with CaptureQueriesContext(connection) as more:
        response = client.get(url)
    assert "Tom Lee" in response.content.decode()
    assert len(reads(more)) == len(reads(few)) < 25


def test_a_child_with_a_live_safeguarding_signal_shows_it(client, caseload, police):
    ola, _ = caseload
    for day in (dt.date(2026, 3, 2), dt.date(2026, 6, 14), dt.date(2026, 9, 30)):
        record_entry(ola, kind="police_domestic_abuse", when=day, summary="DA", agency=police)
    page = get(client, "alice", reverse("casework:my-children")).content.decode()
    assert "3 domestic abuse incidents in 7 months: 2 Mar, 14 Jun, 30 Sep 2026" in row_of(
        page, "Ola Lee"
    )
    assert "None live" in row_of(page, "Priya Shah")
