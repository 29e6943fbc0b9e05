"""Issue 13: the DPO's retention review shows each rule's years, pages the list, and records
a decision on each record (keep, extend with a reason and a date, approve destruction)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access import retention_review, roles
from lantern.access.models import AuditEntry, RetentionDecision
from lantern.access.retention_actions import record_retention_decision
from lantern.people.models import Person
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db
D = dt.date
LEAVER, CLOSED = Person.CareStatus.CARE_LEAVER, Person.CareStatus.CLOSED


@pytest.fixture
def dpo(client, make_staff):
    user = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    client.login(username="dora", password=PASSWORD)
    return user


@pytest.fixture
def ended(make_person):
    """A looked-after child's record kept to a 75th birthday long past."""
    return make_person("Old", "Care", D(1940, 1, 1), care_status=LEAVER)


@pytest.fixture
def ending(make_person):
    """Kept until 1 December 2026: a week from the pinned Tuesday, so already listed."""
    return make_person("Soon", "Care", D(1951, 12, 1), care_status=LEAVER)


def decide(client, person, **data):
    return client.post(reverse("access:retention-decision", args=[person.pk]), data)


def table(client, **params) -> str:
    """The list's table alone (the banner after a decision names the record too)."""
    page = client.get(reverse("access:retention"), params).content.decode()
    return page.split('id="retention"', 1)[1].split("</table>", 1)[0]


def test_each_rule_says_how_many_years_it_keeps_a_record(client, dpo, settings):
    settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18 = 7
    settings.LANTERN_RETENTION_CONTACT_YEARS = 3
    page = client.get(reverse("access:retention")).content.decode()
    assert "100 years from the adoption order" in page
    assert "75 years: to the 75th birthday" in page
    assert "7 years after the 18th birthday (to age 25)" in page
    assert "3 years after the last activity" in page


def test_the_list_is_paged_and_any_page_number_is_read_safely(
    client, dpo, make_person, monkeypatch
):
    monkeypatch.setattr(retention_review, "PER_PAGE", 2)
    people = [
        make_person("Old", f"Care{i}", D(1940, 1, 1 + i), care_status=LEAVER) for i in range(5)
    ]
    url = reverse("access:retention")
    first = client.get(url).content.decode()
    assert "1 to 2 of 5" in first and 'aria-label="Page 3"' in first
    assert people[0].council_id in first and people[2].council_id not in first
    second = client.get(url, {"page": "2"}).content.decode()
    assert "3 to 4 of 5" in second and people[2].council_id in second
    assert 'aria-current="page">2<' in second and 'rel="prev"' in second
    for odd in ("abc", "999", "-1", "9" * 30, "2.5"):
        response = client.get(url, {"page": odd, "show": "nonsense"})
        assert response.status_code == 200


def test_each_council_id_on_the_page_is_audited_as_listed(client, dpo, ended):
    client.get(reverse("access:retention"))
    listed = AuditEntry.objects.filter(user=dpo, person=ended, action="listed")
    assert listed.get().detail == "listed for retention review"


def test_the_dpo_keeps_a_record_with_a_reason_and_it_leaves_the_waiting_list(client, dpo, ended):
    response = decide(client, ended, outcome="keep", reason="Subject of the inquiry's hold")
    assert response.status_code == 302
    decision = RetentionDecision.objects.get(person=ended)
    assert (decision.outcome, decision.decided_by, decision.rule) == ("keep", dpo, "looked_after")
    assert ended.council_id not in table(client)
    decided = table(client, show="decided")
    assert ended.council_id in decided and "Keep" in decided
    entry = AuditEntry.objects.get(action="create", person=ended, user=dpo)
    assert entry.detail.startswith("retention review: keep")
    assert entry.purpose == "Subject of the inquiry's hold"


def test_keeping_without_a_reason_is_refused_and_nothing_is_recorded(client, dpo, ended):
    response = decide(client, ended, outcome="keep", reason="  ")
    assert response.status_code == 400
    assert "Enter the reason for the decision in words" in response.content.decode()
    assert not RetentionDecision.objects.exists()
    assert not AuditEntry.objects.filter(action="create", person=ended, user=dpo).exists()


def test_no_choice_a_made_up_choice_or_an_impossible_date_is_refused_by_name(client, dpo, ended):
    page = decide(client, ended).content.decode()
    assert "Choose keep, extend or approve destruction" in page
    page = decide(client, ended, outcome="shred", reason="A reason in words").content.decode()
    assert "Select a valid choice" in page
    bad_date = {"until_day": "31", "until_month": "2", "until_year": "2030"}
    page = decide(client, ended, outcome="extend", reason="Proceedings", **bad_date).content
    assert "The date must be a real date" in page.decode()
    page = decide(client, ended, outcome="extend", reason="Care proceedings continue").content
    assert "Enter the date to keep the record until" in page.decode()
    assert not RetentionDecision.objects.exists()


def test_an_extension_must_end_after_the_period_and_brings_the_record_back_when_due(
    client, dpo, ending
):
    too_soon = {"until_day": "30", "until_month": "11", "until_year": "2026"}
    page = decide(client, ending, outcome="extend", reason="Care proceedings continue", **too_soon)
    assert "must be after 1 December 2026" in page.content.decode()
    later = {"until_day": "1", "until_month": "6", "until_year": "2027"}
    assert decide(client, ending, outcome="extend", reason="Care proceedings continue", **later)
    assert RetentionDecision.objects.get().keep_until == D(2027, 6, 1)
    assert ending.council_id not in table(client)  # 1 June 2027: beyond the 90 days
    with time_machine.travel(dt.datetime(2027, 4, 1, 10, tzinfo=LONDON)):
        client.login(username="dora", password=PASSWORD)  # months later: a new session
        page = table(client)
        assert ending.council_id in page and "Extended to 1 Jun 2027" in page


def test_destruction_is_approved_only_once_the_period_has_ended(client, dpo, ended, ending):
    page = decide(client, ending, outcome="destroy").content.decode()
    assert "only once the retention period has ended" in page and "1 December 2026" in page
    assert decide(client, ended, outcome="destroy").status_code == 302
    decision = RetentionDecision.objects.get()
    assert (decision.person_id, decision.outcome) == (ended.pk, "destroy")
    assert Person.objects.filter(pk=ended.pk).exists()  # approved, not destroyed
    assert "Destruction approved" in table(client, show="decided")


def test_a_later_decision_replaces_an_approval_and_both_are_kept(dpo, ended):
    record_retention_decision(ended, acting_user=dpo, outcome="destroy")
    record_retention_decision(
        ended, acting_user=dpo, outcome="keep", reason="Inquiry hold on destruction"
    )
    (review,) = retention_review.reviews(D(2026, 11, 24))
    assert review.decision.outcome == "keep" and not review.waiting
    assert [d.outcome for d in retention_review.history_of(ended.pk)] == ["keep", "destroy"]


def test_a_record_not_due_is_said_so_and_a_decision_on_it_is_refused(client, dpo, make_person):
    young = make_person("Young", "Child", D(2016, 5, 4), care_status=CLOSED)
    page = client.get(reverse("access:retention-decision", args=[young.pk])).content.decode()
    assert "not due for retention review" in page
    response = decide(client, young, outcome="keep", reason="Still open to the team")
    assert response.status_code == 400
    assert "This record is not due for retention review" in response.content.decode()
    assert not RetentionDecision.objects.exists()


def test_an_id_out_of_range_is_not_found(client, dpo):
    url = f"/access/retention/{'9' * 19}/decision/"
    assert client.get(url).status_code == 404


def test_every_problem_with_a_decision_is_named_at_once(client, dpo, ended):
    page = decide(client, ended, outcome="extend", reason="").content.decode()
    assert "Enter the reason for the decision in words" in page
    assert "Enter the date to keep the record until" in page
    assert '<a href="#id_reason">' in page and '<a href="#id_until_day">' in page


def test_the_list_costs_the_same_queries_however_many_records_are_due(client, dpo, make_person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_the_list() -> int:
        with CaptureQueriesContext(connection) as seen:
            client.get(reverse("access:retention"))
        return len(seen.captured_queries)

    make_person("Old", "Care", D(1940, 1, 1), care_status=LEAVER)
    few = queries_for_the_list()
    for i in range(4):
        make_person("Old", f"Care{i}", D(1941, 1, 1 + i), care_status=LEAVER)
    assert queries_for_the_list() == few
