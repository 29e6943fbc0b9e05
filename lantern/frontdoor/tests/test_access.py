"""Every role against one contact's pages: the MASH's page, its actions, the referrer's page.

(The site-wide matrix in tests/access_matrix/ is per child; these pages are per
contact, so their row lives here.)
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from lantern.access import roles
from lantern.frontdoor.models import Contact

ROLES = [
    roles.SOCIAL_WORKER,
    roles.TEAM_MANAGER,
    roles.MASH_OFFICER,
    roles.IRO,
    roles.PERFORMANCE_ANALYST,
    roles.PARTNER_USER,
    roles.DATA_PROTECTION_OFFICER,
    roles.SYSTEM_ADMINISTRATOR,
]
MASH_PAGES = ["contact"]
MASH_ACTIONS = [
    "rate",
    "request-check",
    "decide",
    "same-person",
    "not-same-person",
    "new-person",
]


@pytest.fixture
def contact(make_contact, make_partner, police):
    referrer = make_partner("referrer", police)
    return make_contact(police, channel="web", referrer_user=referrer)


def _client(make_staff, role) -> Client:
    user = make_staff(f"u{ROLES.index(role)}", None)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def _args(contact, name):
    if name in ("same-person", "not-same-person", "new-person"):
        return [contact.pk, contact.subjects.get().pk]
    return [contact.pk]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_mash_opens_or_acts_on_a_contact(make_staff, contact, role):
    client = _client(make_staff, role)
    expected = 200 if role == roles.MASH_OFFICER else 403
    url = reverse("frontdoor:contact", args=[contact.pk])
    assert client.get(url).status_code == expected
    for name in MASH_ACTIONS:
        response = client.post(reverse(f"frontdoor:{name}", args=_args(contact, name)), {})
        assert response.status_code in ((302, 400) if expected == 200 else (403,)), name
    assert Contact.objects.get().is_awaiting


@pytest.mark.parametrize("role", ROLES)
def test_only_the_referrer_opens_their_referral(make_staff, contact, role):
    client = _client(make_staff, role)
    expected = 404 if role == roles.PARTNER_USER else 403  # another partner: as if absent
    assert client.get(reverse("frontdoor:my-referral", args=[contact.pk])).status_code == expected
    referrer = Client()
    referrer.force_login(contact.referrer_user)
    assert referrer.get(reverse("frontdoor:my-referral", args=[contact.pk])).status_code == 200
