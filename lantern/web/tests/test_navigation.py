"""The menu shows each person the pages their roles open, however the menus are reused."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


def menu_of(username: str) -> str:
    client = Client()
    client.login(username=username, password=PASSWORD)
    page = client.get(reverse("home")).content.decode()
    return page.split('id="navigation"', 1)[1].split("</ul>", 1)[0]


def test_each_role_sees_its_own_menu_whoever_was_served_first(social_worker, make_staff):
    make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.PERFORMANCE)
    worker_menu = menu_of("alice")
    dpo_menu = menu_of("dora")
    assert reverse("casework:my-work") in worker_menu
    assert reverse("access:audit-search") not in worker_menu
    assert reverse("access:audit-search") in dpo_menu
    assert reverse("casework:my-work") not in dpo_menu
    assert menu_of("alice") == worker_menu


def test_a_role_given_shows_its_pages_on_the_next_page(social_worker):
    assert reverse("casework:team") not in menu_of("alice")
    social_worker.groups.add(roles_group(roles.TEAM_MANAGER))
    assert reverse("casework:team") in menu_of("alice")


def roles_group(name):
    from django.contrib.auth.models import Group

    return Group.objects.get(name=name)
