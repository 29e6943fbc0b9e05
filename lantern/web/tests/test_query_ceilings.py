"""Every list page and record page runs at most a fixed number of SQL statements.

Each app's own tests check that a page costs the same however much it shows; these put an
absolute number on it, so a page cannot drift from 20 statements to 30 unnoticed (every
statement is CPU in the web worker, and a page a worker opens fifty times a day). The data
would expose a query per row: several children, each with household, relatives, chronology
entries from several agencies, overdue work and a contact at the front door. The count is
everything the request runs, the session, permissions and the audit entry included.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access import roles
from lantern.chronology.actions import record_entry
from lantern.clocks.actions import apply_event
from lantern.frontdoor import actions as frontdoor
from lantern.people import actions as people
from lantern.people.models import Address, Household
from lantern.workforce.models import Team

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]
CHILDREN = ("Ola", "Priya", "Quinn", "Rae", "Sol")

# (page name, who is signed in, URL arguments, most statements allowed)
CEILINGS = [
    ("people:record", "alice", "child", 19),
    ("people:chronology-print", "alice", "child", 10),
    ("casework:overview", "alice", "child", 28),
    ("casework:my-work", "alice", None, 7),
    ("casework:my-children", "alice", None, 8),
    ("casework:team", "mo", None, 12),
    ("casework:worker-caseload", "mo", "alice", 10),
    # Candidates are ranked on rows; the 25 shown are then read whole (a 14th statement).
    # One name is first counted as typed (a 15th), which answers alone for a common one.
    ("people:search", "alice", None, 15),
    # A page of 50 and how many wait in all (the paginator's count).
    ("frontdoor:queue", "mash", None, 7),
]


@pytest.fixture
def borough(make_person, allocate, social_worker, manager, make_staff, council, police):
    """Five of alice's children in one household with their mother, each with overdue
    work and entries from two agencies, and a contact about each at the front door."""
    make_staff("mash", roles.MASH_OFFICER, Team.Kind.MASH)
    home = Household.objects.create(
        address=Address.objects.create(line_1="1 Road", town="London", postcode="N15 1AA")
    )
    mother = make_person("Lena", "Lee", dt.date(1990, 3, 1), sex="F")
    people.move_into_household(
        mother, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    children = []
    for n, name in enumerate(CHILDREN):
        child = make_person(name, "Lee", dt.date(2015 + n, 5, 4))
        allocate(child, social_worker)
        people.move_into_household(
            child, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
        )
        people.record_relationship(child, mother, "parent", acting_user=social_worker)
        apply_event(child, "cp_plan_started", dt.date(2026, 10, 1))
        for day in range(1, 6):
            for agency, kind in ((police, "police_incident"), (council, "case_note")):
                record_entry(
                    child,
                    kind=kind,
                    summary=f"{kind} {day}\nsecond line",
                    when=dt.datetime(2026, 10, day, 9, tzinfo=LONDON),
                    agency=agency,
                    author="PC Jones",
                )
        frontdoor.receive_contact(
            frontdoor.ContactDetails(
                agency=police,
                channel="api",
                referrer_name="PC Jones",
                concern="Neighbours heard shouting.",
                consent="given",
                urgency="standard",
                received_at=None,
                subjects=[frontdoor.SubjectDetails(name, "Lee", date_of_birth=child.date_of_birth)],
            )
        )
        children.append(child)
    return children


@pytest.mark.parametrize(("page", "who", "argument", "ceiling"), CEILINGS)
def test_the_page_stays_under_its_statement_ceiling(
    client, borough, social_worker, page, who, argument, ceiling
):
    args = {"child": [borough[0].pk], "alice": [social_worker.pk], None: []}[argument]
    url = reverse(page, args=args) + ("?q=Lee" if page == "people:search" else "")
    client.login(username=who, password=PASSWORD)
    client.get(url)
    with CaptureQueriesContext(connection) as statements:
        response = client.get(url)
    assert response.status_code == 200
    ran = "\n".join(q["sql"][:120] for q in statements)
    assert len(statements) <= ceiling, f"{len(statements)} statements:\n{ran}"
