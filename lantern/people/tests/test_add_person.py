import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.people.models import Identifier, Person

VALID = {
    "first_name": "Amy",
    "last_name": "Carter",
    "dob_day": "4",
    "dob_month": "5",
    "dob_year": "2016",
    "sex": "F",
    "ethnicity": "WBRI",
    "nhs_number": "943 476 5919",
    "upn": "",
}


@pytest.fixture
def signed_in(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_it_adds_a_person_with_a_council_id_and_audits_it(signed_in, social_worker):
    response = signed_in.post(reverse("people:add"), VALID)
    person = Person.objects.get()
    assert response.status_code == 302
    assert person.council_id.startswith("LB")
    assert Identifier.objects.get(person=person).value == "9434765919"
    assert AuditEntry.objects.filter(action="create", person=person, user=social_worker).exists()


@pytest.mark.parametrize(
    "change,message",
    [
        (
            {"nhs_number": "943 476 5918"},
            "Enter a valid NHS number: the check digit does not match",
        ),
        ({"nhs_number": "12345"}, "Enter an NHS number with 10 digits"),
        ({"dob_day": "31", "dob_month": "2"}, "Date of birth must be a real date"),
        ({"dob_year": "2999"}, "Date of birth must be today or in the past"),
        ({"dob_month": ""}, "Date of birth must include a month"),
        ({"upn": "K309210012001"}, "Enter a valid UPN: the check letter does not match"),
        ({"first_name": ""}, "Enter the person&#x27;s first name"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(signed_in, change, message):
    audit_rows = AuditEntry.objects.count()
    response = signed_in.post(reverse("people:add"), {**VALID, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert Person.objects.count() == 0
    assert Identifier.objects.count() == 0
    assert AuditEntry.objects.count() == audit_rows


def test_a_second_person_with_the_same_nhs_number_is_refused(signed_in):
    signed_in.post(reverse("people:add"), VALID)
    response = signed_in.post(reverse("people:add"), {**VALID, "first_name": "Other"})
    assert "already in the index" in response.content.decode()
    assert Person.objects.count() == 1


def test_a_new_person_gets_a_council_id_from_their_record_key(make_person):
    first, second = make_person("One", "Child"), make_person("Two", "Child")
    assert first.council_id == f"LB{first.pk:08d}"
    assert second.council_id == f"LB{second.pk:08d}"
    first.refresh_from_db()
    assert first.council_id == f"LB{first.pk:08d}"
