"""My work and the team view list the live safeguarding signals of the user's children,
each child named audited as listed; no one else's children appear."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.chronology.actions import record_entry
from lantern.signals.models import Signal
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


def injured_baby(make_person, hospital, first="Poppy"):
    child = make_person(first, "Hart", dt.date(2026, 7, 20))
    record_entry(child, kind="injury", when=dt.date(2026, 11, 20), agency=hospital, summary="B")
    return child


def missing_child(make_person, police, first="Kai"):
    child = make_person(first, "Moss", dt.date(2012, 3, 3))
    for day in (1, 8, 15):
        record_entry(
            child, kind="missing", when=dt.date(2026, 11, day), agency=police, summary="Missing"
        )
    return child


@pytest.fixture
def elsewhere(make_staff):
    """A worker in another team, with a manager of their own."""
    worker = make_staff("eve", roles.SOCIAL_WORKER, Team.Kind.ASSESSMENT)
    boss = make_staff("olga", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    Team.objects.filter(pk=worker.staff.team_id).update(manager=boss)
    return worker


def page_of(client, username: str, url_name: str) -> str:
    client.login(username=username, password=PASSWORD)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    return response.content.decode()


def listed(html: str) -> str:
    start = html.index('id="signals-list-title"')
    return html[start : html.index("</table>", start)] if "signals-list" in html else ""


def test_my_work_lists_my_childrens_signals_and_not_another_teams(
    client, make_person, allocate, social_worker, elsewhere, hospital, police
):
    mine = injured_baby(make_person, hospital)
    theirs = missing_child(make_person, police)
    allocate(mine, social_worker)
    allocate(theirs, elsewhere)

    html = listed(page_of(client, "alice", "casework:my-work"))

    signal = Signal.objects.get(person=mine)
    assert "Poppy Hart" in html and signal.headline in html and "20 Nov 2026" in html
    assert reverse("people:record", args=[mine.pk]) + "#signals" in html
    assert "Kai Moss" not in html and "missing" not in html.lower()
    rows = AuditEntry.objects.filter(detail="listed in my work: signal")
    assert [(r.person, r.user) for r in rows] == [(mine, social_worker)]


def test_another_teams_worker_does_not_see_the_childs_signal(
    client, make_person, allocate, social_worker, elsewhere, hospital
):
    child = injured_baby(make_person, hospital)
    allocate(child, social_worker)
    html = page_of(client, "eve", "casework:my-work")
    assert "Poppy Hart" not in html
    assert "No live safeguarding signals on your children" in html
    assert not AuditEntry.objects.filter(person=child, user=elsewhere).exists()


def test_the_team_view_lists_the_teams_signals(
    client, make_person, allocate, social_worker, manager, elsewhere, hospital, police
):
    ours = missing_child(make_person, police)
    theirs = injured_baby(make_person, hospital)
    allocate(ours, social_worker)
    allocate(theirs, elsewhere)

    html = listed(page_of(client, "mo", "casework:team"))

    assert "Kai Moss" in html and "3 missing episodes in 15 days" in html
    assert "Poppy Hart" not in html
    rows = AuditEntry.objects.filter(detail="listed in team view: signal")
    assert [(r.person, r.user) for r in rows] == [(ours, manager)]
    other = listed(page_of(client, "olga", "casework:team"))
    assert "Poppy Hart" in other and "Kai Moss" not in other


def test_a_restricted_record_the_manager_is_not_named_on_is_listed_unnamed(
    client, make_person, allocate, social_worker, manager, make_staff, hospital
):
    owner = make_staff("tara", roles.TEAM_MANAGER)
    child = injured_baby(make_person, hospital)
    allocate(child, social_worker)
    restrict_record(
        child, acting_user=owner, why=RestrictedRecord.Why.STAFF_CHILD, named_users=[social_worker]
    )
    html = listed(page_of(client, "mo", "casework:team"))
    assert "A restricted record" in html and "Injury to a baby" in html
    assert "Poppy Hart" not in html and Signal.objects.get().headline not in html
    assert not AuditEntry.objects.filter(detail="listed in team view: signal").exists()


def test_the_lists_cost_the_same_queries_however_many_signals(
    client, make_person, allocate, social_worker, manager, hospital, police
):
    client.login(username="mo", password=PASSWORD)

    def count(url_name: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse(url_name))
        return len(queries)

    allocate(injured_baby(make_person, hospital), manager)
    allocate(missing_child(make_person, police), social_worker)
    few = count("casework:my-work"), count("casework:team")
    for name in ("Ann", "Ben", "Cal"):
        allocate(injured_baby(make_person, hospital, name), manager)
        allocate(missing_child(make_person, police, name + "x"), social_worker)
    assert (count("casework:my-work"), count("casework:team")) == few
