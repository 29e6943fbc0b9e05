"""Front door personas and factories, shared with the partner API's tests."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User

from conftest import PASSWORD
from lantern.access import roles
from lantern.agencies.models import Agency
from lantern.frontdoor import actions
from lantern.workforce.models import StaffMember, Team


@pytest.fixture
def school(db) -> Agency:
    return Agency.objects.get_or_create(
        code="hsc", defaults={"name": "Harbour Street School", "kind": Agency.Kind.EDUCATION}
    )[0]


@pytest.fixture
def mash_officer(make_staff):
    return make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)


@pytest.fixture
def make_partner(db):
    def make(username: str, agency: Agency):
        user = User.objects.create_user(
            username, password=PASSWORD, first_name=username.title(), last_name="Partner"
        )
        user.groups.add(Group.objects.get(name=roles.PARTNER_USER))
        team, _ = Team.objects.get_or_create(
            name=f"Partners: {agency.name}", defaults={"kind": Team.Kind.PARTNER}
        )
        StaffMember.objects.create(user=user, team=team, agency=agency)
        return user

    return make


@pytest.fixture
def make_contact(db):
    def make(agency, *people: actions.SubjectDetails, received_at=None, **details):
        people = people or (
            actions.SubjectDetails("Amy", "Smith", date_of_birth=dt.date(2016, 5, 4)),
        )
        contact, _ = actions.receive_contact(
            actions.ContactDetails(
                agency=agency,
                channel=details.pop("channel", "api"),
                referrer_name=details.pop("referrer_name", "PC Jones"),
                concern=details.pop("concern", "Neighbours heard shouting and a child crying."),
                consent=details.pop("consent", "given"),
                urgency=details.pop("urgency", "standard"),
                received_at=received_at,
                subjects=list(people),
                **details,
            )
        )
        return contact

    return make
