"""The world the matrix is tried in: one user per persona, one child per record class, one
referral (CIN episode) per child, and two contacts (the partner's own, another agency's).

The world is built once per test module, inside a transaction rolled back when the module
ends; each test runs in a savepoint inside it (pytest-django), so whatever one cell writes
(audit rows, a form that saved) is gone before the next. Built on the suite's ordinary
Tuesday, like every test's clock.
"""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.db import transaction

from conftest import ORDINARY_DAY
from lantern.access.actions import break_the_glass, restrict_record
from lantern.access.models import RestrictedRecord
from lantern.agencies.models import Agency
from lantern.casework.models import CINEpisode
from lantern.people import actions as people_actions
from lantern.people.models import Person
from lantern.workforce.models import Allocation, StaffMember, Team
from tests.access_matrix.tables import (
    BROKEN_GLASS,
    IRO,
    MASH,
    OTHER,
    OWN,
    PARTNER,
    PARTNER_OTHER,
    PARTNER_OWN,
    RESTRICTED,
    RESTRICTED_BY_OTHER,
    ROLE_OF,
    SW,
    TEAM,
    TM,
    UNALLOCATED,
)

ALLOCATED_TO = {
    OWN: SW,
    TEAM: "colleague",
    OTHER: "elsewhere",
    RESTRICTED: SW,
    UNALLOCATED: None,
    BROKEN_GLASS: "elsewhere",
    RESTRICTED_BY_OTHER: "colleague",
}


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with time_machine.travel(ORDINARY_DAY, tick=False):
                users, children = build_world()
            yield (
                {key: user.pk for key, user in users.items()},
                {cls: child.pk for cls, child in children.items()},
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def world(db, built_world):
    """The world's users and children, read afresh for each test (no cached roles or
    relations carried from one cell to the next)."""
    user_ids, child_ids = built_world
    users = {key: User.objects.select_related("staff").get(pk=pk) for key, pk in user_ids.items()}
    children = {cls: Person.objects.get(pk=pk) for cls, pk in child_ids.items()}
    return users, children


def build_world():
    council = Agency.objects.get_or_create(
        code="csc", defaults={"name": "Children's social care", "kind": Agency.Kind.COUNCIL}
    )[0]
    police = Agency.objects.create(code="mpsm", name="Police", kind=Agency.Kind.POLICE)
    cp = Team.objects.create(name="CP 1", kind=Team.Kind.CHILD_PROTECTION)
    cin = Team.objects.create(name="CIN 2", kind=Team.Kind.ASSESSMENT)
    users = {}
    for key, team, agency, role in [
        *[(p, None, council, ROLE_OF[p]) for p in ROLE_OF],
        ("colleague", cp, council, None),
        ("elsewhere", cin, council, None),
        ("other_manager", cin, council, ROLE_OF[TM]),
    ]:
        user = User.objects.create_user(f"m_{key}")  # force_login: no password to hash
        if role:
            user.groups.add(Group.objects.get(name=role))
        if key in (SW, TM):
            team = cp
        elif key == MASH:
            team = Team.objects.create(name="MASH", kind="mash")
        elif key == PARTNER:
            agency = police
        StaffMember.objects.create(user=user, team=team, agency=agency)
        users[key] = user
    cp.manager, cin.manager = users[TM], users["other_manager"]
    cp.save()
    cin.save()
    children = {}
    for cls, worker in ALLOCATED_TO.items():
        child = people_actions.register_person(
            acting_user=users[SW],
            first_name=cls,
            last_name="Child",
            date_of_birth=dt.date(2015, 1, 1),
        )
        if worker is None:  # accepted at the front door, referred to the manager's team
            Person.objects.filter(pk=child.pk).update(care_status="assessment", awaiting_team=cp)
            child.refresh_from_db()
        else:
            Allocation.objects.create(
                child=child,
                worker=users[worker],
                team=users[worker].staff.team,
                start=dt.date(2024, 1, 1),
            )
        CINEpisode.objects.create(
            person=child,
            referral_date=dt.date(2024, 1, 1),
            referral_source="2A",
            referral_reason="School: bruising to the arm",
            created_by=users[SW],
            updated_by=users[SW],
        )
        children[cls] = child
    why = RestrictedRecord.Why.STAFF_CHILD
    restrict_record(children[RESTRICTED], acting_user=users[TM], why=why)
    restrict_record(children[RESTRICTED_BY_OTHER], acting_user=users["other_manager"], why=why)
    for persona in (SW, TM, MASH, IRO):
        break_the_glass(
            children[BROKEN_GLASS], acting_user=users[persona], reason="Covering the duty desk"
        )
    return users, children


@pytest.fixture
def contacts(world):
    from lantern.frontdoor.actions import ContactDetails, SubjectDetails, receive_contact

    users, _ = world
    police = users[PARTNER].staff.agency
    hospital = Agency.objects.create(code="hosp", name="Hospital", kind=Agency.Kind.HEALTH)

    def contact(agency, referrer):
        made, _ = receive_contact(
            ContactDetails(
                agency=agency,
                channel="web",
                referrer_name="Referrer",
                referrer_user=referrer,
                concern="Child seen with bruising.",
                consent="given",
                urgency="standard",
                subjects=[SubjectDetails("Amy", "Smith", date_of_birth=dt.date(2016, 5, 4))],
            )
        )
        return made

    return {PARTNER_OWN: contact(police, users[PARTNER]), PARTNER_OTHER: contact(hospital, None)}
