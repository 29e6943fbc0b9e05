"""The timescales page, and a council administrator setting local policy through it."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.clocks.models import ClockRule, ClosureDay
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, make_staff):
    user = make_staff("sam", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.login(username="sam", password=PASSWORD)
    return user


def test_an_administrator_changes_the_visit_interval(client, admin):
    rule = ClockRule.objects.get(code="cp_visit")
    response = client.post(reverse("clocks:interval"), {"rule": rule.pk, "amount": 15})
    assert response.status_code == 302
    assert ClockRule.objects.get(code="cp_visit").amount == 15
    assert AuditEntry.objects.filter(user=admin, action="update").exists()
    assert "Change a local interval" in client.get(reverse("clocks:timescales")).content.decode()


def test_only_local_policy_is_offered_for_change(client, admin):
    national = ClockRule.objects.get(code="icpc")
    client.post(reverse("clocks:interval"), {"rule": national.pk, "amount": 30})
    assert ClockRule.objects.get(code="icpc").amount == 15


def test_an_administrator_declares_and_withdraws_a_closure_day(client, admin):
    url = reverse("clocks:closure-day")
    client.post(url, {"day": "2026-12-24", "reason": "Council closed"})
    assert ClosureDay.objects.get().day == dt.date(2026, 12, 24)
    client.post(url, {"day": "2026-12-24", "reason": "x", "withdraw": "1"})
    assert not ClosureDay.objects.exists()


def test_a_social_worker_cannot_change_policy(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    rule = ClockRule.objects.get(code="cp_visit")
    assert (
        client.post(reverse("clocks:interval"), {"rule": rule.pk, "amount": 30}).status_code == 403
    )
    assert ClockRule.objects.get(code="cp_visit").amount == 10


def test_a_closure_day_is_withdrawn_without_a_reason(client, admin):
    url = reverse("clocks:closure-day")
    client.post(url, {"day": "2026-12-24", "reason": "Council closed"})
    client.post(url, {"day": "2026-12-24", "withdraw": "1"})
    assert not ClosureDay.objects.exists()
    assert AuditEntry.objects.filter(detail__startswith="closure day 2026-12-24 withdrawn").exists()


def test_declaring_a_closure_day_without_a_reason_is_refused_and_said(client, admin):
    response = client.post(reverse("clocks:closure-day"), {"day": "2026-12-24"}, follow=True)
    assert not ClosureDay.objects.exists()
    assert "Give the reason the council is closed" in response.content.decode()


def test_withdrawing_a_day_that_was_never_declared_changes_and_records_nothing(admin):
    from lantern.clocks import actions

    assert actions.withdraw_closure_day(dt.date(2026, 12, 24)) == 0
    assert not AuditEntry.objects.filter(detail__contains="withdrawn").exists()


def test_the_timescales_page_shows_labels_and_sources_not_codes_or_research_notes(client, admin):
    page = client.get(reverse("clocks:timescales")).content.decode()
    rules = page.split('id="rules"', 1)[1].split("</table>", 1)[0]
    assert "Referral decision" in rules and "Working Together to Safeguard Children 2023" in rules
    for internal in ("statutory.md", "referral_decision", "cp_visit", "CFG", "WT23", "<code"):
        assert internal not in rules
    offered = page.split('id="id_rule"', 1)[1].split("</select>", 1)[0]
    assert "Child protection visit (now 10 working days)" in offered
    assert ">cp_visit<" not in offered
