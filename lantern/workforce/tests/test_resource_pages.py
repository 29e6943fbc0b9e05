"""The administrator's contract, funded-posts and budget pages: a refusal is shown against
the field it names and saves nothing; a good form saves through the audited action."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import BudgetLine, Contract, Establishment, Team


@pytest.fixture
def admin_client(client, make_staff):
    make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.login(username="root", password=PASSWORD)
    return client


def dated(name: str, day: dt.date) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_an_agency_contract_without_a_day_rate_is_refused_on_that_field(
    admin_client, social_worker
):
    url = reverse("workforce:contracts", args=[social_worker.pk])
    form = {"action": "add", "kind": "agency", "fte": "1", **dated("start", dt.date(2026, 4, 1))}
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "An agency contract needs the agency&#x27;s day rate" in response.content.decode()
    assert not Contract.objects.exists()
    response = admin_client.post(url, {**form, "day_rate": "360"})
    assert response.status_code == 302
    assert Contract.objects.get().day_rate == 360
    page = admin_client.get(url).content.decode()
    assert "£360.00 a day" in page


def test_funded_posts_are_recorded_with_their_reason(admin_client, social_worker):
    team = social_worker.staff.team
    url = reverse("workforce:establishment")
    form = {"team": team.pk, "funded_fte": "12.5", **dated("effective_from", dt.date(2026, 4, 1))}
    response = admin_client.post(url, form)
    assert response.status_code == 200 and not Establishment.objects.exists()
    response = admin_client.post(url, {**form, "reason": "Budget 2026-27"})
    assert response.status_code == 302
    assert "12.50" in admin_client.get(url).content.decode()


def test_a_budget_line_is_set_and_audited(admin_client):
    url = reverse("workforce:budget")
    response = admin_client.post(
        url, {"year": 2026, "line": "agency", "amount": "1800000", "reason": "Council budget"}
    )
    assert response.status_code == 302
    assert BudgetLine.objects.get(year=2026, line="agency").amount == 1800000
    assert AuditEntry.objects.filter(detail__startswith="budget 2026-27 agency").exists()
    assert "Agency staff" in admin_client.get(url).content.decode()
