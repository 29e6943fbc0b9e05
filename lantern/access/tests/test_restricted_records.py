import pytest
from django.core.exceptions import PermissionDenied
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
    assert "outside your work" in page
    assert "Rhea" not in page and child.council_id not in page  # nothing to enumerate
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
    assert "outside your work" in client.get(response["Location"]).content.decode()
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
    assert "opened Rhea Stone's restricted record" in note.subject  # names the child
    assert "Strategy discussion tomorrow" in note.body
    assert note.link == reverse("access:seen-by", args=[child.pk])
    as_user(client, "tess")
    home = client.get(reverse("home")).content.decode()
    assert "opened Rhea Stone&#x27;s restricted record" in home
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


def referred_to(child, team):
    """A MASH referral of ``child`` sent to ``team`` (the decision's own tests are in
    lantern/frontdoor)."""
    import datetime as dt

    from django.utils import timezone

    from lantern.agencies.models import Agency
    from lantern.frontdoor.models import Contact, Decision, Referral

    now = timezone.now()
    contact = Contact.objects.create(
        agency=Agency.objects.first(),
        channel="web",
        source="6",
        received_at=now,
        decision_due_at=now,
        referrer_name="PC Example",
        concern="Synthetic concern",
        consent="statutory",
        urgency="standard",
        status="decided",
    )
    decision = Decision.objects.create(
        contact=contact,
        outcome="assessment",
        reasons="Synthetic",
        decided_by=team.manager,
        decided_at=now,
        on_time=True,
    )
    Referral.objects.create(
        person=child,
        contact=contact,
        decision=decision,
        received_on=dt.date(2026, 3, 2),
        source="6",
        team=team,
    )
    child.awaiting_team = team  # as record_decision does (lantern/frontdoor/tests/test_decision.py)
    child.save(update_fields=["awaiting_team"])


def test_a_manager_opens_an_unallocated_referral_to_allocate_it(client, cast, make_person):
    from lantern.people.models import Person

    waiting = make_person("New", "Referral", care_status=Person.CareStatus.ASSESSMENT)
    closed = make_person("Old", "Case", care_status=Person.CareStatus.CLOSED)
    manager = cast[0]
    for child in (waiting, closed):
        referred_to(child, Team.objects.get(pk=manager.staff.team_id))
    as_user(client, "tess")
    assert client.get(reverse("people:record", args=[waiting.pk])).status_code == 200
    assert client.get(reverse("people:record", args=[closed.pk])).status_code == 302
    as_user(client, "olly")  # a social worker: unallocated is not theirs to browse
    assert client.get(reverse("people:record", args=[waiting.pk])).status_code == 302
    unreferred = make_person("Not", "Ours", care_status=Person.CareStatus.ASSESSMENT)
    as_user(client, "tess")  # a manager, but the referral was not sent to her team
    assert client.get(reverse("people:record", args=[unreferred.pk])).status_code == 302


def test_a_manager_not_named_cannot_take_a_restricted_record_over(client, cast, make_staff):
    manager, _outsider, _dpo, child = cast
    owner = make_staff("owen", roles.TEAM_MANAGER)  # restricted it before tess managed the team
    actions.restrict_record(
        child, acting_user=owner, why=RestrictedRecord.Why.STAFF_CHILD, named_users=[owner]
    )
    as_user(client, "tess")  # manager of the child's team, not named
    url = reverse("access:restrict", args=[child.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"why": "other", "named": ""}).status_code == 404
    restriction = RestrictedRecord.objects.get()
    assert restriction.owner == owner and list(restriction.named_users.all()) == [owner]
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 302
    assert client.get(reverse("access:seen-by", args=[child.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.OTHER)
    assert RestrictedRecord.objects.get().owner == owner


def test_the_dpo_may_change_a_restriction_and_the_previous_owner_is_told(client, cast):
    manager, _outsider, dpo, child = cast
    actions.restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    as_user(client, "dora")
    assert client.get(reverse("access:seen-by", args=[child.pk])).status_code == 200
    client.post(reverse("access:restrict", args=[child.pk]), {"why": "adoption", "named": "tess"})
    restriction = RestrictedRecord.objects.get()
    assert restriction.owner == dpo and restriction.why == "adoption"
    note = Notification.objects.get(recipient=manager)
    assert "Dora" in note.subject or "dora" in note.subject
    assert "owner of Rhea Stone's restricted record" in note.subject
    change = AuditEntry.objects.filter(action="update", person=child).last()
    assert change.user == dpo and "owner was tess" in change.detail


def test_the_owner_changes_their_own_restriction_without_telling_themselves(client, cast):
    manager, _outsider, _dpo, child = cast
    actions.restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    as_user(client, "tess")
    client.post(reverse("access:restrict", args=[child.pk]), {"why": "other", "named": "alice"})
    assert RestrictedRecord.objects.get().why == "other"
    assert not Notification.objects.exists()


def test_the_reason_page_gives_the_same_404_for_an_absent_record(client, cast):
    _manager, _outsider, _dpo, child = cast
    as_user(client, "olly")
    missing = client.get(reverse("access:state-reason", args=[child.pk + 1000]))
    assert missing.status_code == 404
    assert child.council_id not in missing.content.decode()


@pytest.mark.parametrize(
    "reason",
    [
        "\u200b" * 10,  # zero-width spaces
        "\u200b \u200c \u200d \u2060 \ufeff " * 3,
        "1234567890",
        "..........",
        "aaaaaaaaaaaa",  # one word is not a reason
    ],
)
def test_a_reason_must_be_made_of_words(client, cast, reason):
    _manager, _outsider, _dpo, child = cast
    as_user(client, "olly")
    page = client.post(reverse("access:state-reason", args=[child.pk]), {"reason": reason})
    assert page.status_code == 200
    text = page.content.decode()
    assert "at least 10 characters" in text or "in words (at least two words)" in text
    assert not BreakGlass.objects.exists()
    assert not AuditEntry.objects.filter(action="break_glass").exists()


def test_invisible_characters_are_not_recorded_in_a_reason(cast):
    _manager, outsider, _dpo, child = cast
    glass = actions.break_the_glass(
        child, acting_user=outsider, reason="Police\u200b called\u200b to the address"
    )
    assert glass.reason == "Police called to the address"


def test_a_record_opened_to_read_says_whether_it_may_be_changed_as_the_policy_would(
    cast, social_worker
):
    """Panels ask ``may_write`` of the record the page opened: it must answer as a fresh
    write decision does, for a worker in the team, a reader who stated a reason, and a
    restricted record's owner and its other readers; never from another user's decision."""
    from lantern.access import policy
    from lantern.people.queries import access_person

    manager, outsider, _dpo, child = cast
    reason = "Out-of-hours duty: police called to the address"
    actions.break_the_glass(child, acting_user=outsider, reason=reason)
    users = (social_worker, manager, outsider)

    def answers():
        out = {}
        for user in users:
            opened = access_person(user, child.pk)
            out[user.username] = policy.may_write(user, opened)
            assert out[user.username] is policy.decide(user, child, for_write=True).allowed
            for other in users:
                fresh = policy.decide(other, child, for_write=True).allowed
                assert policy.may_write(other, opened) is fresh
        return out

    assert answers() == {"alice": True, "tess": True, "olly": False}
    actions.restrict_record(
        child, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD, named_users=[]
    )
    actions.break_the_glass(child, acting_user=social_worker, reason=reason)
    assert answers() == {"alice": False, "tess": True, "olly": False}
