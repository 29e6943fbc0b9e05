"""The administrators' page of signal rules: a council's thresholds, applied to every child
by a queued task once the change has committed, audited with the old and new values; bad
input changes nothing and queues nothing."""

import datetime as dt
import threading

import pytest
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.scheduler.queue import run_queued_task, run_queued_tasks
from lantern.signals import actions
from lantern.signals.models import RuleSetting, Signal
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db
PAGE = "signal-rules:rules"
LIVE = Signal.Status.LIVE


@pytest.fixture
def admin(make_staff):
    return make_staff("sam", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def incidents(child, police, *days):
    for day in days:
        record_entry(child, kind="police_domestic_abuse", when=day, summary="DA", agency=police)


@pytest.fixture
def two_children(make_person, police):
    """Ann: 3 incidents over 10 months (a live signal). Ben: 2 incidents 2 months apart (none
    at the default thresholds)."""
    ann = make_person("Ann", "Able", dt.date(2015, 1, 1))
    ben = make_person("Ben", "Baker", dt.date(2016, 1, 1))
    incidents(ann, police, dt.date(2025, 12, 1), dt.date(2026, 4, 1), dt.date(2026, 9, 1))
    incidents(ben, police, dt.date(2026, 6, 1), dt.date(2026, 8, 1))
    return ann, ben


def change(client, code="repeat_domestic_abuse", **fields):
    data = {"rule": code, f"{code}-enabled": "on", f"{code}-reason": "Agreed at the MASH board"}
    data.update({f"{code}-{name}": value for name, value in fields.items()})
    return client.post(reverse(PAGE), data)


def live(child):
    return list(Signal.objects.filter(person=child, status=LIVE).values_list("rule", flat=True))


def test_the_page_lists_every_rule_with_its_source_and_thresholds(admin):
    page = signed_in(admin).get(reverse(PAGE)).content.decode()
    assert "Repeated A&amp;E attendances of a young child" in page
    assert "NICE CG89" in page
    assert "The child&#x27;s allocated social worker" in page
    assert "Never changed: the defaults are in force" in page
    assert 'name="repeat_ae-count" value="3"' in page
    assert 'name="repeat_ae-enabled" type="radio" value="on" checked' in page


def test_a_changed_threshold_is_applied_to_every_child_and_audited(admin, two_children):
    ann, ben = two_children
    assert (live(ann), live(ben)) == (["repeat_domestic_abuse"], [])
    client = signed_in(admin)

    response = change(client, count="2", days="120")

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "changed. Every child&#x27;s chronology is being read again" in page
    # Nothing moves in the administrator's request: the scheduler's task applies it.
    assert (live(ann), live(ben)) == (["repeat_domestic_abuse"], [])
    assert run_queued_tasks() == 1
    # Ann's incidents are never two within 120 days: her signal no longer holds, and says so.
    assert live(ann) == []
    assert Signal.objects.get(person=ann).status == Signal.Status.LAPSED
    # Ben's two incidents 61 days apart now form the pattern.
    ben_signal = Signal.objects.get(person=ben, status=LIVE)
    assert ben_signal.fired_on == dt.date(2026, 8, 1)
    assert ben_signal.evidence.count() == 2
    audit = AuditEntry.objects.filter(user=admin, detail__startswith="signal rule").get()
    assert "{'count': 3, 'days': 365}" in audit.detail
    assert "{'count': 2, 'days': 120}" in audit.detail
    applied = AuditEntry.objects.get(user=None, detail__contains="applied to every child")
    assert applied.detail == (
        "signal rule repeat_domestic_abuse applied to every child: 1 raised, "
        "1 no longer hold, 0 moved"
    )
    page = client.get(reverse(PAGE)).content.decode()
    assert "Incidents: <strong>2</strong> (default 3)" in page
    assert "Agreed at the MASH board" in page


def test_switching_a_rule_off_lapses_its_live_signals(admin, two_children):
    ann, _ = two_children
    client = signed_in(admin)
    response = client.post(
        reverse(PAGE),
        {
            "rule": "repeat_domestic_abuse",
            "repeat_domestic_abuse-count": "3",
            "repeat_domestic_abuse-days": "365",
            "repeat_domestic_abuse-enabled": "off",
            "repeat_domestic_abuse-reason": "Police notifications now go to the DA hub",
        },
    )
    assert response.status_code == 302
    run_queued_tasks()
    assert live(ann) == []
    assert not RuleSetting.objects.get(rule="repeat_domestic_abuse").enabled


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"count": "three"}, "Incidents must be a whole number, like 3"),
        ({"count": "2.5"}, "Incidents must be a whole number, like 3"),
        ({"count": ""}, "Enter incidents"),
        ({"count": "1"}, "Incidents must be between 2 and 3650"),
        ({"days": "-5"}, "Within this many days must be between 1 and 3650"),
        ({"days": "9" * 40}, "Within this many days must be between 1 and 3650"),
        ({"reason": "because"}, "in at least 10 characters"),
        ({"reason": ""}, "Say why the council is changing this rule"),
        ({"enabled": "maybe"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(admin, two_children, fields, error):
    ann, ben = two_children
    code = "repeat_domestic_abuse"
    data = {
        "rule": code,
        f"{code}-count": "2",
        f"{code}-days": "120",
        f"{code}-enabled": "on",
        f"{code}-reason": "Agreed at the MASH board",
    }
    data.update({f"{code}-{name}": value for name, value in fields.items()})
    response = signed_in(admin).post(reverse(PAGE), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert error in page
    assert not RuleSetting.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert (live(ann), live(ben)) == (["repeat_domestic_abuse"], [])
    assert not AuditEntry.objects.filter(detail__startswith="signal rule").exists()


@pytest.mark.parametrize("rule", ["", "no_such_rule", "<script>"])
def test_a_post_naming_no_rule_is_refused(admin, rule):
    response = signed_in(admin).post(reverse(PAGE), {"rule": rule})
    assert response.status_code == 400
    assert "Choose the rule to change" in response.content.decode()
    assert not RuleSetting.objects.exists()


def test_a_rule_with_no_thresholds_can_be_switched_off(admin):
    code = "adult_joined_on_plan"
    response = signed_in(admin).post(
        reverse(PAGE),
        {"rule": code, f"{code}-enabled": "off", f"{code}-reason": "Trial of the new rule"},
    )
    assert response.status_code == 302
    assert RuleSetting.objects.get(rule=code).thresholds == {}


def test_social_workers_and_managers_may_not_change_the_rules(social_worker, manager, two_children):
    for user in (social_worker, manager):
        client = signed_in(user)
        assert client.get(reverse(PAGE)).status_code == 403
        assert change(client, count="2").status_code == 403
    assert not RuleSetting.objects.exists()


def test_the_navigation_links_the_page_for_administrators_only(admin, social_worker):
    href = f'href="{reverse(PAGE)}"'
    assert href in signed_in(admin).get(reverse("home")).content.decode()
    assert href not in signed_in(social_worker).get(reverse("home")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_change_is_applied_only_after_it_commits(admin, two_children):
    """The task is written in the change's transaction: a change rolled back queues nothing,
    and a worker cannot run it before the commit, even while the transaction is open."""
    ann, ben = two_children
    fields = {"thresholds": {"count": 2, "days": 120}, "enabled": True}
    why = "Agreed at the MASH board"
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.change_rule("repeat_domestic_abuse", acting_user=admin, reason=why, **fields)
        raise RuntimeError("the request failed after the change")
    assert not DBTaskResult.objects.exists() and not RuleSetting.objects.exists()

    seen = []

    def another_worker():
        try:
            seen.append(run_queued_task("another process"))
        finally:
            connections.close_all()

    with transaction.atomic():
        actions.change_rule("repeat_domestic_abuse", acting_user=admin, reason=why, **fields)
        worker = threading.Thread(target=another_worker)
        worker.start()
        worker.join()
    assert seen == [False]
    assert (live(ann), live(ben)) == (["repeat_domestic_abuse"], [])

    assert run_queued_tasks() == 1
    assert (live(ann), live(ben)) == ([], ["repeat_domestic_abuse"])
    task = DBTaskResult.objects.get()
    assert (task.status, task.return_value) == (
        "SUCCESSFUL",
        {"raised": 1, "lapsed": 1, "moved": 0},
    )
