"""Who may use the Returns page, and what its links open: the returns hold every child, so
only the performance team builds them; a failure's link to a child is the record's own rule."""

import pytest
from django.urls import reverse

from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.returns.models import ReturnRun
from lantern.returns.tests import fakes
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", [roles.SOCIAL_WORKER, roles.MASH_OFFICER, roles.PARTNER_USER, roles.TEAM_MANAGER]
)
def test_it_refuses_the_returns_page_to_everyone_but_the_performance_team(client, make_staff, role):
    user = make_staff("someone", role, Team.Kind.MASH)
    client.force_login(user)
    for url, method in [
        (reverse("returns:returns"), client.get),
        (reverse("returns:build"), lambda url: client.post(url, {"kind": "ssd"})),
    ]:
        response = method(url)
        assert response.status_code == 403
        denied = AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).latest("id")
        assert (denied.user, denied.path) == (user, url)
    assert not ReturnRun.objects.exists()
    home = client.get(reverse("home")).content.decode()
    assert reverse("returns:returns") not in home


def test_the_analyst_finds_returns_on_their_home_page(client, analyst):
    client.force_login(analyst)
    home = client.get(reverse("home")).content.decode()
    assert home.count(f'href="{reverse("returns:returns")}"') == 2  # navigation and the page


def test_an_analyst_following_a_fix_link_is_refused_the_childs_record(
    client, analyst, make_person, monkeypatch
):
    child = make_person("Amy", "Carter")
    fakes.install_returns(monkeypatch, child)
    client.force_login(analyst)
    client.post(reverse("returns:build"), {"kind": "cin", "year": "2026"})
    run = ReturnRun.objects.get()
    page = client.get(reverse("returns:run", args=[run.pk])).content.decode()
    link = reverse("people:record", args=[child.pk])
    assert f'href="{link}"' in page

    response = client.get(link)

    assert response.status_code == 403
    assert "Carter" not in response.content.decode()
    denied = AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).latest("id")
    assert (denied.user, denied.person_id) == (analyst, child.pk)
    viewed = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_RECORD, user=analyst)
    # The results page named the child (audited as a list); the record itself was not seen.
    assert not viewed.exclude(detail__contains="validation results of build").exists()
