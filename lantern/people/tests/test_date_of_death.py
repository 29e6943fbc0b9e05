"""A date of death is recorded by correcting the person's details: the CIN census needs it
for closure reason RC2 (rule 8585Q). It is kept in the history and never in the future or
before the birth."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.history.models import Revision
from lantern.people import actions
from lantern.people.models import Person
from lantern.people.tests.test_history import form_data

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person, social_worker, allocate):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    allocate(amy, social_worker)
    return amy


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def post(client, child, **dod):
    return client.post(reverse("people:correct", args=[child.pk]), form_data(child, **dod))


def test_a_worker_records_a_date_of_death_and_the_record_shows_it(alice, child):
    assert b"Date of death" in alice.get(reverse("people:correct", args=[child.pk])).content
    response = post(alice, child, dod_day=20, dod_month=11, dod_year=2026)
    assert response.status_code == 302
    assert Person.objects.get(pk=child.pk).date_of_death == D(2026, 11, 20)
    revision = Revision.objects.get(object_id=child.pk, content_type__model="person")
    assert revision.changes == {"date_of_death": [None, "2026-11-20"]}
    page = alice.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Date of death" in page and "20 November 2026" in page


@pytest.mark.parametrize(
    "dod,message",
    [
        ({"dod_day": 25, "dod_month": 11, "dod_year": 2026}, "must be today or in the past"),
        ({"dod_day": 3, "dod_month": 5, "dod_year": 2016}, "must be on or after the date of birth"),
        ({"dod_day": 31, "dod_month": 2, "dod_year": 2026}, "must be a real date"),
        ({"dod_month": 2, "dod_year": 2026}, "must include a day"),
    ],
)
def test_a_wrong_date_of_death_is_refused_and_nothing_changes(alice, child, dod, message):
    response = post(alice, child, **dod)
    assert response.status_code == 200
    assert f"Date of death {message}" in response.content.decode()
    assert Person.objects.get(pk=child.pk).date_of_death is None
    assert not Revision.objects.exists()


def test_the_action_refuses_a_death_in_the_future(child, social_worker):
    with pytest.raises(ValidationError, match="today or in the past"):
        actions.correct_details(child, acting_user=social_worker, date_of_death=D(2026, 11, 25))
    assert Person.objects.get(pk=child.pk).date_of_death is None


def test_a_birth_corrected_to_after_the_death_is_refused(child, social_worker):
    actions.correct_details(child, acting_user=social_worker, date_of_death=D(2026, 1, 10))
    with pytest.raises(ValidationError, match="on or after the date of birth"):
        actions.correct_details(child, acting_user=social_worker, date_of_birth=D(2026, 2, 1))
    assert Person.objects.get(pk=child.pk).date_of_birth == D(2016, 5, 4)
