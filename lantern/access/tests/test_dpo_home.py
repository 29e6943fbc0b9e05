"""Issue 13: the DPO's home page lists their own work (retention decisions waiting, reasons
stated, refusals, restricted records, subject access), not "ask your team manager"."""

import datetime as dt

import pytest
from django.urls import reverse

from lantern.access import roles
from lantern.access.actions import break_the_glass, restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.people.models import Person
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo(client, make_staff):
    user = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    client.force_login(user)
    return user


def tasks(client) -> str:
    home = client.get(reverse("home")).content.decode()
    assert "Ask your team manager" not in home
    return home.split('id="dpo-tasks"', 1)[1].split("</dl>", 1)[0]


def test_the_dpo_home_counts_what_waits_for_them_with_links(
    client, dpo, make_person, make_staff, manager
):
    make_person("Old", "Care", dt.date(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER)
    child = make_person("Rhea", "Stone")
    restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    outsider = make_staff("olly", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    break_the_glass(child, acting_user=outsider, reason="Out of hours duty, police called")
    section = tasks(client)
    assert "1 record waits for your decision" in section
    assert reverse("access:retention") in section
    assert "1 in the last 7 days, 1 on restricted records" in section
    assert "?action=break_glass&amp;since=2026-11-17" in section
    assert "Child of a member of staff: 1" in section
    assert "0 exported in the last 30 days" in section


def test_a_council_id_from_the_audit_log_leads_the_dpo_to_the_subject_access_pack(
    client, dpo, make_person
):
    child = make_person("Rhea", "Stone")
    results = client.get(reverse("access:audit-search"), {"council_id": child.council_id})
    assert reverse("access:seen-by", args=[child.pk]) in results.content.decode()
    seen_by = client.get(reverse("access:seen-by", args=[child.pk])).content.decode()
    assert reverse("access:subject-access", args=[child.pk]) in seen_by


def test_other_roles_see_no_dpo_section(client, social_worker):
    client.force_login(social_worker)
    assert 'id="dpo-tasks"' not in client.get(reverse("home")).content.decode()
    assert not AuditEntry.objects.filter(action="denied").exists()
