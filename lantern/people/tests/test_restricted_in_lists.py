"""A restricted record stays restricted in every list: search results, the summaries that
tell namesakes apart, and the names of the people someone lives with."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.people import actions
from lantern.people.models import Address, Household
from lantern.workforce.models import Team

TODAY = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def family(make_person, make_staff, social_worker, allocate, council):
    manager = make_staff("tess", roles.TEAM_MANAGER)
    Team.objects.filter(pk=manager.staff.team_id).update(manager=manager)
    make_staff("olly", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)
    home = Household.objects.create(
        address=Address.objects.create(line_1="12 Example Road", town="London", postcode="N17 0AA")
    )
    mother = make_person("Lisa", "Carter", dt.date(1990, 1, 2), sex="F")
    amy = make_person("Amy", "Carter", dt.date(2015, 6, 1), sex="F")
    for p in (mother, amy):
        actions.move_into_household(
            p, home, acting_user=social_worker, start=dt.date(2019, 9, 9), agency=council
        )
    allocate(amy, social_worker)
    restrict_record(amy, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    return mother, amy


def as_user(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_another_teams_worker_searching_a_council_id_sees_only_that_it_is_restricted(
    client, family
):
    _mother, amy = family
    as_user(client, "olly")
    page = client.get(reverse("people:search"), {"q": amy.council_id}).content.decode()
    assert "A restricted record matches your search" in page
    assert reverse("access:state-reason", args=[amy.pk]) in page
    for secret in ("Carter", "Lisa", "Example Road", "1 Jun 2015", "Not known to"):
        assert secret not in page
    found = AuditEntry.objects.get(action="search", person=amy)
    assert found.username == "olly" and "restricted" in found.detail


def test_a_restricted_housemate_is_not_named_beside_another_result(client, family):
    as_user(client, "olly")
    page = client.get(reverse("people:search"), {"q": "Lisa Carter"}).content.decode()
    assert "Lisa Carter" in page  # not restricted: enough to tell namesakes apart
    assert "with a restricted record" in page and not re.search(r"\bAmy\b", page)


def test_the_owner_sees_the_restricted_child_in_results_as_usual(client, family):
    _mother, amy = family
    as_user(client, "tess")
    page = client.get(reverse("people:search"), {"q": amy.council_id}).content.decode()
    assert "Amy Carter" in page and "A restricted record matches" not in page
    assert "with Lisa Carter (36)" in page  # her housemate named, with her age on the day
    assert not AuditEntry.objects.filter(action="search", person=amy).exists()


def test_the_household_on_a_record_page_does_not_name_a_restricted_child(client, family):
    mother, _amy = family
    as_user(client, "mo")  # the front door opens Lisa's record directly
    page = client.get(reverse("people:record", args=[mother.pk]))
    assert page.status_code == 200
    household = household_section(page)
    assert "A restricted record" in household and not re.search(r"\bAmy\b", household)
    RestrictedRecord.objects.get().named_users.add(User.objects.get(username="mo"))
    named = household_section(client.get(reverse("people:record", args=[mother.pk])))
    assert "Amy Carter" in named


def household_section(page) -> str:
    # The chronology below quotes entries as written ("… moved into the household"): the
    # household table and relationships are the lists this policy names.
    text = page.content.decode()
    return text[text.index('id="household"') : text.index('id="chronology"')]
