"""The history of changes to a casework record: every save keeps each changed field's old
and new value, and the history page is read, refused and audited exactly as the record."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.casework import actions
from lantern.casework.models import Assessment, CINPlan
from lantern.history.models import Revision
from lantern.workforce.models import Team

D = dt.date
pytestmark = pytest.mark.django_db
OLD = "Mother engaged well.\nThe school reports bruising on two occasions."
NEW = "Mother engaged at first.\nThe school reports bruising on three occasions."


@pytest.fixture(autouse=True)
def _spring_2026():
    with time_machine.travel(
        dt.datetime(2026, 4, 10, 10, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def reworded(journey, **changes):
    journey.refer()
    assessment = actions.start_assessment(
        journey.child, acting_user=journey.worker, start_date=D(2026, 3, 3), analysis=OLD
    )
    return actions.update_assessment(
        assessment, acting_user=journey.worker, expected_version=1, analysis=NEW, **changes
    )


def history_url(record, kind):
    return reverse("casework:history", args=[record.person_id, kind, record.pk])


def test_rewording_an_assessment_keeps_the_old_and_new_wording(journey, social_worker):
    assessment = reworded(journey)
    revision = Revision.objects.get(object_id=assessment.pk, content_type__model="assessment")
    assert revision.changes == {"analysis": [OLD, NEW]}
    assert (revision.version, revision.changed_by) == (2, social_worker)


def test_the_history_page_shows_both_wordings_with_the_changed_words_marked(alice, journey):
    assessment = reworded(journey, outcome="nfa")
    page = alice.get(history_url(assessment, "assessment")).content.decode()
    assert "Version 2" in page and "Alice Tester" in page
    assert "removed: </span>two</del>" in page and "added: </span>three</ins>" in page
    assert "The school reports bruising on" in page  # the unchanged words, in full
    # Choice labels, not codes: the outcome went from none to "No further action".
    assert "No further action" in page and ">nfa<" not in page


def test_the_record_page_links_to_its_history(alice, journey):
    assessment = reworded(journey)
    page = alice.get(assessment.get_absolute_url()).content.decode()
    assert history_url(assessment, "assessment") in page


def test_each_look_at_the_history_is_audited_as_a_look_at_the_record(alice, journey, child):
    assessment = reworded(journey)
    alice.get(history_url(assessment, "assessment"))
    entry = AuditEntry.objects.filter(action="view_record", person=child).latest("id")
    assert entry.detail == "assessment: viewed history"
    assert entry.object_id == str(assessment.pk)


def test_authorising_keeps_who_authorised_by_name(alice, journey, manager):
    journey.refer()
    assessment = journey.assess()
    actions.authorise_assessment(
        assessment, acting_user=manager, authorised_date=D(2026, 4, 1), expected_version=1
    )
    page = alice.get(history_url(assessment, "assessment")).content.decode()
    assert "Authorised by" in page and "Mo Tester" in page and "1 April 2026" in page


def test_a_plan_ended_by_a_conference_keeps_its_history(journey, child):
    """The CIN plan is ended as a side effect of the ICPC (``bump_version``), with no form."""
    journey.refer()
    plan = actions.start_cin_plan(child, acting_user=journey.worker, start_date=D(2026, 3, 4))
    journey.strategy()
    journey.s47()
    journey.icpc()
    revision = Revision.objects.get(object_id=plan.pk, content_type__model="cinplan")
    assert revision.changes == {"end_date": [None, "2026-03-20"]}
    assert CINPlan.objects.get(pk=plan.pk).version == revision.version == 2


def test_a_stale_save_leaves_no_history(journey):
    assessment = reworded(journey)
    with pytest.raises(actions.StaleRecord):
        actions.update_assessment(
            assessment, acting_user=journey.worker, expected_version=1, analysis="Lost"
        )
    assert Revision.objects.filter(object_id=assessment.pk).count() == 1
    assert Assessment.objects.get(pk=assessment.pk).analysis == NEW


def test_a_record_never_changed_says_so(alice, journey):
    visit = journey.visit(D(2026, 3, 5), kind="cin")
    page = alice.get(history_url(visit, "visit")).content.decode()
    assert "It has not been changed since" in page and "Version 2" not in page


def test_another_teams_worker_states_a_reason_first_and_sees_nothing(client, make_staff, journey):
    assessment = reworded(journey)
    make_staff("bob", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    client.login(username="bob", password=PASSWORD)
    response = client.get(history_url(assessment, "assessment"))
    assert response.status_code == 302 and "/reason/" in response["Location"]
    assert not AuditEntry.objects.filter(action="view_record", user__username="bob").exists()


def test_an_analyst_is_refused_and_it_is_recorded(client, analyst, journey):
    assessment = reworded(journey)
    client.login(username="pat", password=PASSWORD)
    response = client.get(history_url(assessment, "assessment"))
    assert response.status_code == 403 and b"Mother engaged" not in response.content
    assert AuditEntry.objects.filter(user=analyst, action="denied").exists()


def test_a_record_under_another_child_is_not_found(alice, journey, make_person, allocate):
    assessment = reworded(journey)
    other = make_person("Ben", "Carter")
    allocate(other, journey.worker)
    url = reverse("casework:history", args=[other.pk, "assessment", assessment.pk])
    assert alice.get(url).status_code == 404
    assert alice.get(reverse("casework:history", args=[other.pk, "nonsense", 1])).status_code == 404
