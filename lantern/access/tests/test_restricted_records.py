import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import actions, roles
from lantern.access.models import AuditEntry, BreakGlass, RestrictedRecord
from lantern.workforce.models import Notification, Team


@pytest.fixture
def cast(make_staff, make_person, allocate, social_worker):
    manager = make_staff("tess", roles.TEAM_MANAGER)
    Team.objects.filter(pk=manager.staff.team_id).update(manager=manager)
    outsider = make_staff("olly", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    dpo = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    child = make_person("Rhea", "Stone")
    allocate(child, social_worker)
    return manager, outsider, dpo, child


def as_user(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_a_worker_in_another_team_must_state_a_reason(client, cast):
    _manager, outsider, _dpo, child = cast
    as_user(client, "olly")
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response["Location"] == reverse("access:state-reason", args=[child.pk])
    page = client.get(response["Location"]).content.decode()
    assert "not allocated to your team" in page and "Rhea" in page
    short = client.post(reverse("access:state-reason", args=[child.pk]), {"reason": "need"})
    assert "at least 10 characters" in short.content.decode()
    assert not BreakGlass.objects.exists()
    client.post(
        reverse("access:state-reason", args=[child.pk]),
        {"reason": "Out-of-hours duty: police called to the address"},
    )
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 200
    glass = AuditEntry.objects.get(action="break_glass")
    assert glass.user == outsider and glass.purpose.startswith("Out-of-hours duty")
    assert not Notification.objects.exists()  # not restricted: no owner to tell


def test_a_restricted_record_opens_only_for_its_named_list(client, cast, social_worker):
    manager, _outsider, _dpo, child = cast
    actions.restrict_record(
        child, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD, named_users=[]
    )
    as_user(client, "alice")  # allocated worker, but not named
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response.status_code == 302
    assert "This record is restricted" in client.get(response["Location"]).content.decode()
    as_user(client, "tess")  # the owner
    page = client.get(reverse("people:record", args=[child.pk]))
    assert page.status_code == 200
    assert 'govuk-tag--red">Restricted' in page.content.decode()


def test_breaking_the_glass_tells_the_owner_who_sees_it_on_who_has_seen(client, cast):
    manager, _outsider, _dpo, child = cast
    actions.restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.HIGH_PROFILE)
    as_user(client, "olly")
    client.post(
        reverse("access:state-reason", args=[child.pk]),
        {"reason": "Strategy discussion tomorrow, checking history"},
    )
    client.get(reverse("people:record", args=[child.pk]))
    note = Notification.objects.get(recipient=manager)
    assert "opened a restricted record" in note.subject
    assert "Strategy discussion tomorrow" in note.body
    assert note.link == reverse("access:seen-by", args=[child.pk])
    as_user(client, "tess")
    assert "opened a restricted record" in client.get(reverse("home")).content.decode()
    seen = client.get(reverse("access:seen-by", args=[child.pk])).content.decode()
    assert "olly" in seen and "Strategy discussion tomorrow, checking history" in seen


def test_who_has_seen_is_for_the_manager_and_the_dpo_only(client, cast):
    _manager, _outsider, _dpo, child = cast
    url = reverse("access:seen-by", args=[child.pk])
    as_user(client, "tess")
    assert client.get(url).status_code == 200
    as_user(client, "dora")
    assert client.get(url).status_code == 200
    as_user(client, "alice")  # allocated worker: no permission to see who looked
    assert client.get(url).status_code == 403
    assert AuditEntry.objects.filter(action="view_access_log", person=child).count() == 2


def test_the_dpo_searches_the_audit_log_by_person_and_user(client, cast):
    _manager, _outsider, _dpo, child = cast
    as_user(client, "alice")
    client.get(reverse("people:record", args=[child.pk]))
    as_user(client, "dora")
    page = client.get(
        reverse("access:audit-search"), {"council_id": child.council_id, "username": "alice"}
    ).content.decode()
    assert "Viewed record" in page and child.council_id in page
    bad = client.get(reverse("access:audit-search"), {"since": "2026-05-01", "until": "2026-04-01"})
    assert "The end date must be on or after the start date" in bad.content.decode()
    assert AuditEntry.objects.filter(action="search", user__username="dora").count() == 1


def test_a_manager_can_restrict_only_their_teams_children(client, cast, make_person):
    _manager, _outsider, _dpo, child = cast
    elsewhere = make_person("Other", "Child")
    as_user(client, "tess")
    response = client.post(
        reverse("access:restrict", args=[child.pk]),
        {"why": "staff_child", "named": "alice, nobody"},
    )
    assert "No active member of staff called: nobody" in response.content.decode()
    assert not RestrictedRecord.objects.exists()
    client.post(
        reverse("access:restrict", args=[child.pk]), {"why": "staff_child", "named": "alice"}
    )
    assert list(RestrictedRecord.objects.get().named_users.values_list("username", flat=True)) == [
        "alice"
    ]
    assert client.get(reverse("access:restrict", args=[elsewhere.pk])).status_code == 404


def test_a_manager_opens_an_unallocated_referral_to_allocate_it(client, cast, make_person):
    from lantern.people.models import Person

    waiting = make_person("New", "Referral", care_status=Person.CareStatus.ASSESSMENT)
    closed = make_person("Old", "Case", care_status=Person.CareStatus.CLOSED)
    as_user(client, "tess")
    assert client.get(reverse("people:record", args=[waiting.pk])).status_code == 200
    assert client.get(reverse("people:record", args=[closed.pk])).status_code == 302
    as_user(client, "olly")  # a social worker: unallocated is not theirs to browse
    assert client.get(reverse("people:record", args=[waiting.pk])).status_code == 302
