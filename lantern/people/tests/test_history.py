"""Correcting a person's details keeps the old and new value, shown on their history page to
those who may read their record, and every look at it is audited."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.history.models import Revision
from lantern.people import actions
from lantern.people.models import Person
from lantern.workforce.models import Team

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _spring_2026():
    moment = dt.datetime(2026, 4, 10, 10, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def child(make_person, social_worker, allocate):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    allocate(amy, social_worker)
    return amy


@pytest.fixture
def corrected(child, social_worker):
    return actions.correct_details(
        child, acting_user=social_worker, date_of_birth=D(2016, 4, 5), ethnicity="WIRI"
    )


def history_url(person):
    return reverse("people:history", args=[person.pk])


def test_correcting_a_date_of_birth_keeps_both_dates(corrected, social_worker):
    revision = Revision.objects.get(object_id=corrected.pk, content_type__model="person")
    assert revision.changes["date_of_birth"] == ["2016-05-04", "2016-04-05"]
    assert (revision.version, revision.changed_by) == (2, social_worker)
    assert Person.objects.get(pk=corrected.pk).date_of_birth == D(2016, 4, 5)


def test_a_second_correction_is_the_next_version(corrected, social_worker):
    actions.correct_details(corrected, acting_user=social_worker, last_name="Carter-Jones")
    revisions = Revision.objects.filter(object_id=corrected.pk, content_type__model="person")
    assert [r.version for r in revisions] == [2, 3]
    assert revisions.last().changes == {"last_name": ["Carter", "Carter-Jones"]}


def test_a_bad_correction_changes_nothing(child, social_worker):
    with pytest.raises(ValidationError):
        actions.correct_details(child, acting_user=social_worker, sex="Q")
    assert not Revision.objects.exists()
    assert Person.objects.get(pk=child.pk).sex == child.sex


def test_the_history_page_shows_old_and_new_values_in_words(client, corrected):
    client.login(username="alice", password=PASSWORD)
    page = client.get(history_url(corrected)).content.decode()
    assert "Date of birth" in page and "4 May 2016" in page and "5 April 2016" in page
    assert "White – Irish" in page and "WIRI" not in page  # the label, not the code
    assert "Version 2" in page and "Alice Tester" in page


def test_the_record_page_links_to_the_history(client, corrected):
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("people:record", args=[corrected.pk])).content.decode()
    assert history_url(corrected) in page


def test_each_look_is_audited(client, corrected):
    client.login(username="alice", password=PASSWORD)
    client.get(history_url(corrected))
    entry = AuditEntry.objects.filter(action="view_record", person=corrected).latest("id")
    assert (entry.user.username, entry.detail) == ("alice", "viewed history of person details")


def test_another_teams_worker_is_asked_for_a_reason_and_sees_nothing(client, make_staff, corrected):
    make_staff("bob", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    client.login(username="bob", password=PASSWORD)
    response = client.get(history_url(corrected))
    assert response.status_code == 302 and "/reason/" in response["Location"]
    assert not AuditEntry.objects.filter(action="view_record", user__username="bob").exists()


def test_an_analyst_is_refused_and_an_unknown_person_is_not_found(client, analyst, corrected):
    client.login(username="pat", password=PASSWORD)
    response = client.get(history_url(corrected))
    assert response.status_code == 403 and b"2016" not in response.content
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("people:history", args=[999999])).status_code == 404


def form_data(person, **changes):
    born = person.date_of_birth
    data = {
        "first_name": person.first_name,
        "middle_names": person.middle_names,
        "last_name": person.last_name,
        "dob_day": born.day,
        "dob_month": born.month,
        "dob_year": born.year,
        "sex": person.sex,
        "gender": person.gender,
        "ethnicity": person.ethnicity,
    }
    return data | changes


def test_correcting_the_date_of_birth_through_the_form_keeps_both(client, child):
    client.login(username="alice", password=PASSWORD)
    url = reverse("people:correct", args=[child.pk])
    response = client.post(url, form_data(child, dob_day=5, dob_month=4))
    assert response.status_code == 302
    revision = Revision.objects.get(object_id=child.pk, content_type__model="person")
    assert revision.changes == {"date_of_birth": ["2016-05-04", "2016-04-05"]}
    entry = AuditEntry.objects.filter(action="update", person=child).latest("id")
    assert entry.detail == "corrected date_of_birth"


def test_a_form_changing_nothing_is_refused_and_records_nothing(client, child):
    client.login(username="alice", password=PASSWORD)
    response = client.post(reverse("people:correct", args=[child.pk]), form_data(child))
    assert response.status_code == 200 and b"Nothing was changed" in response.content
    assert not Revision.objects.exists()


def test_a_date_of_birth_in_the_future_is_refused_on_its_field(client, child):
    client.login(username="alice", password=PASSWORD)
    url = reverse("people:correct", args=[child.pk])
    response = client.post(url, form_data(child, dob_year=2027))
    assert b"Date of birth must be today or in the past" in response.content
    assert Person.objects.get(pk=child.pk).date_of_birth == D(2016, 5, 4)
