"""Restricting a record says who it shuts out; "who has seen" tells an opened record from a
name in a list; breaking the glass has a way back."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import actions, audit, roles
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.access.queries import who_has_seen
from lantern.workforce.models import Team


@pytest.fixture
def cast(make_staff, make_person, allocate, social_worker):
    manager = make_staff("tess", roles.TEAM_MANAGER)
    Team.objects.filter(pk=manager.staff.team_id).update(manager=manager)
    make_staff("olly", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    child = make_person("Rhea", "Stone")
    allocate(child, social_worker)
    return manager, child


def as_user(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_restricting_warns_that_the_allocated_worker_will_need_a_reason(
    client, cast, social_worker
):
    _, child = cast
    as_user(client, "tess")
    page = client.get(reverse("access:restrict", args=[child.pk])).content.decode()
    warning = page[page.index('id="allocated-warning"') :]
    worker = social_worker.get_full_name() or social_worker.username
    assert f"{worker} is Rhea Stone's allocated worker" in warning
    assert "they will have to state a reason every time they open the record" in warning
    # Offered, ticked: name them.
    assert 'name="name_allocated" type="checkbox" value="on" checked' in page


def test_the_offer_names_the_allocated_worker_who_then_opens_it_directly(
    client, cast, social_worker
):
    _, child = cast
    as_user(client, "tess")
    response = client.post(
        reverse("access:restrict", args=[child.pk]),
        {"why": "staff_child", "named": "", "name_allocated": "on"},
    )
    assert response.status_code == 302
    named = RestrictedRecord.objects.get().named_users.all()
    assert list(named) == [social_worker]
    as_user(client, social_worker.username)
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 200


def test_left_unticked_the_allocated_worker_must_state_a_reason(client, cast, social_worker):
    _, child = cast
    as_user(client, "tess")
    client.post(reverse("access:restrict", args=[child.pk]), {"why": "staff_child", "named": ""})
    assert not RestrictedRecord.objects.get().named_users.exists()
    as_user(client, social_worker.username)
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response["Location"] == reverse("access:state-reason", args=[child.pk])


def test_no_warning_once_the_allocated_worker_is_named(client, cast, social_worker):
    manager, child = cast
    actions.restrict_record(
        child, acting_user=manager, why="staff_child", named_users=[social_worker]
    )
    as_user(client, "tess")
    page = client.get(reverse("access:restrict", args=[child.pk])).content.decode()
    assert "allocated-warning" not in page and "name_allocated" not in page
    assert f'value="{social_worker.username}"' in page  # today's named list, to change


def test_who_has_seen_counts_opened_records_apart_from_names_in_lists(
    client, cast, social_worker, rf
):
    _, child = cast
    as_user(client, social_worker.username)
    client.get(reverse("people:record", args=[child.pk]))
    request = rf.get("/work/")
    request.user = social_worker
    for _ in range(3):  # a list page names the child three times
        audit.record_each(request, AuditEntry.Action.LISTED, [child], detail="listed in X")
    assert AuditEntry.objects.filter(person=child, action="listed").count() == 3
    viewer = next(v for v in who_has_seen(child) if v.username == social_worker.username)
    assert (viewer.looks, viewer.listed) >= (1, 3) and viewer.listed == 3
    opened = viewer.looks
    as_user(client, "tess")
    page = client.get(reverse("access:seen-by", args=[child.pk])).content.decode()
    assert "Opened the record" in page and "Name shown in a list" in page
    row = page[page.index(social_worker.username) :].split("</tr>")[0]
    assert f">{opened}</td>" in row and ">3</td>" in row


def test_breaking_the_glass_has_a_way_back_to_where_you_came_from(client, cast):
    _, child = cast
    as_user(client, "olly")
    came_from = reverse("people:search") + "?q=Rhea+Stone"
    page = client.get(
        reverse("access:state-reason", args=[child.pk]),
        headers={"referer": f"http://testserver{came_from}"},
    ).content.decode()
    assert 'href="/people/search/?q=Rhea+Stone" id="way-back">Go back without opening it' in page
    assert "this person's record" in page and "this child" not in page
    # A refused reason keeps the way back.
    again = client.post(
        reverse("access:state-reason", args=[child.pk]), {"reason": "x", "back": came_from}
    ).content.decode()
    assert 'href="/people/search/?q=Rhea+Stone" id="way-back">Go back without opening it' in again


def test_the_way_back_never_leaves_the_site_nor_loops_to_the_record(client, cast):
    _, child = cast
    as_user(client, "olly")
    url = reverse("access:state-reason", args=[child.pk])
    for referer in (
        "https://evil.example/phish",
        f"http://testserver{reverse('people:record', args=[child.pk])}",
        "",
    ):
        page = client.get(url, headers={"referer": referer} if referer else {}).content.decode()
        assert 'href="/people/search/" id="way-back">Go back without opening it' in page
