"""The team page's lists obey the access policy: a restricted record the manager is not
named on is listed as "a restricted record", and only the children named are audited."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.casework import actions
from lantern.people.models import Person
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


def _awaiting(child, worker, team):
    actions.open_episode(
        child,
        acting_user=worker,
        referral_date=dt.date(2026, 11, 23),
        referral_source="2A",
        referral_reason="School: bruising to the arm, explanation unclear",
    )
    Person.objects.filter(pk=child.pk).update(awaiting_team=team)


def test_a_restricted_child_awaiting_allocation_is_listed_without_a_name(
    client, make_staff, make_person, social_worker
):
    manager = make_staff("tm", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    team = manager.staff.team
    team.manager = manager
    team.save(update_fields=["manager"])
    open_child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    hidden_child = make_person("Zara", "Quinlan", dt.date(2015, 2, 9))
    _awaiting(open_child, social_worker, team)
    _awaiting(hidden_child, social_worker, team)
    restrict_record(hidden_child, acting_user=social_worker, why=RestrictedRecord.Why.STAFF_CHILD)

    client.login(username="tm", password=PASSWORD)
    page = client.get(reverse("casework:team")).content.decode()

    assert "Amy Carter" in page
    assert "Zara Quinlan" not in page and "Quinlan" not in page
    assert "A restricted record" in page
    seen = AuditEntry.objects.filter(user=manager, detail__contains="awaiting allocation")
    assert set(seen.values_list("person_id", flat=True)) == {open_child.pk}
