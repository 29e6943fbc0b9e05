"""Issue 13: the performance analyst's home shows each return's latest build."""

import pytest
from django.urls import reverse

from lantern.returns.models import ReturnRun

pytestmark = pytest.mark.django_db


def test_the_analyst_home_shows_each_returns_latest_build_and_its_findings(client, analyst):
    run = ReturnRun.objects.create(
        kind="cin", year=2026, requested_by=analyst, status="done", errors=3, warnings=1, queries=0
    )
    client.force_login(analyst)
    home = client.get(reverse("home")).content.decode()
    assert "Ask your team manager" not in home
    latest = home.split('id="returns-latest"', 1)[1].split("</table>", 1)[0]
    assert reverse("returns:run", args=[run.pk]) in latest
    assert "3 errors, 1 warning, 0 queries" in latest
    assert latest.count("Not built yet") == 3
