"""The partner API over plain HTTP (Django's test client, no browser)."""

import datetime as dt
import json

import jsonschema
import pytest

from lantern.access.models import AuditEntry
from lantern.api.actions import issue_token, revoke_token
from lantern.frontdoor import actions
from lantern.frontdoor.models import Contact
from lantern.people.identifiers import make_nhs_number

URL = "/api/v1/contacts"
BODY = {
    "referrer": {"name": "PC Jones", "role": "Response officer", "phone": "020 7946 0001"},
    "people": [
        {
            "role": "child",
            "first_name": "Anna",
            "last_name": "Kouao",
            "date_of_birth": "2016-11-02",
            "sex": "F",
            "nhs_number": make_nhs_number("401023213"),
            "postcode": "N17 6AA",
        },
        {"role": "parent_carer", "first_name": "Marie", "last_name": "Kouao"},
    ],
    "concern": "Officers attended a domestic incident; the child was present and upset.",
    "consent": "statutory",
    "lawful_basis": "Public task; Children Act 2004 s.11",
    "urgency": "standard",
    "agency_reference": "DA/1001",
}


@pytest.fixture
def token(police):
    return issue_token(police, name="Police MASH feed")[1]


def post(client, token, body=BODY, key="key-00000001"):
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def get(client, token, contact_id):
    return client.get(f"{URL}/{contact_id}", headers={"Authorization": f"Bearer {token}"})


def test_it_creates_a_contact_that_the_mash_sees(client, token, police):
    response = post(client, token)
    assert response.status_code == 201
    data = response.json()
    contact = Contact.objects.get()
    assert data["id"] == contact.pk and data["reference"] == contact.reference
    assert data["status"] == "awaiting_decision" and data["outcome"] is None
    assert (contact.agency, contact.channel, contact.source) == (police, "api", "6")
    assert contact.agency_reference == "DA/1001"
    assert [s.role for s in contact.subjects.all()] == ["child", "parent_carer"]
    assert "API token" in contact.channel_detail
    assert AuditEntry.objects.filter(action="create", object_id=str(contact.pk)).exists()


def test_a_retry_with_the_same_key_creates_one_contact(client, token):
    first = post(client, token)
    again = post(client, token)
    assert Contact.objects.count() == 1
    assert again.status_code == 201 and again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"


def test_the_same_key_for_a_different_contact_is_refused(client, token):
    post(client, token)
    response = post(client, token, {**BODY, "concern": "Something else entirely happened."})
    assert response.status_code == 409
    assert Contact.objects.count() == 1


def test_keys_belong_to_one_partner(client, token, hospital):
    other = issue_token(hospital, name="NMUH")[1]
    post(client, token)
    post(client, other)
    assert Contact.objects.count() == 2


def test_a_racing_retry_that_loses_the_insert_returns_the_winner(police, monkeypatch):
    from lantern.frontdoor.actions import receive

    def details():
        return actions.ContactDetails(
            agency=police,
            channel="api",
            referrer_name="PC Jones",
            concern="Concern about a child",
            consent="given",
            urgency="standard",
            idempotency_key="race-1",
            request_digest="d",
            subjects=[actions.SubjectDetails("Amy", "Smith")],
        )

    winner, created = actions.receive_contact(details())
    assert created
    # The loser looked before the winner committed, so its early lookup found nothing; the
    # unique constraint stops its insert and it returns the winner's contact.
    real, looked = receive._existing, []

    def late_lookup(d):
        if not looked:
            looked.append(d)
            return None
        return real(d)

    monkeypatch.setattr(receive, "_existing", late_lookup)
    loser, created = actions.receive_contact(details())
    assert (loser, created) == (winner, False)
    assert Contact.objects.count() == 1


@pytest.mark.parametrize(
    "change,field",
    [
        ({"people": [{**BODY["people"][0], "nhs_number": "401 023 2130"}]}, "nhs_number"),
        ({"people": [{"role": "parent_carer", "first_name": "Marie"}]}, "child"),
        ({"consent": "not_sought", "lawful_basis": ""}, "lawful basis"),
        ({"people": []}, "people"),
        ({"referrer": {**BODY["referrer"], "email": "not-an-email"}}, "email address"),
        ({"referrer": {**BODY["referrer"], "name": "   "}}, "referrer's name"),
        ({"people": [{**BODY["people"][0], "date_of_birth": "2099-01-01"}]}, "in the past"),
        ({"occurred_at": "2099-01-01T10:00:00+00:00"}, "future"),
        ({"occurred_at": "2026-01-01T10:00:00"}, "occurred_at"),
        ({"occurred_at": "0001-01-01T00:00:00+14:00"}, "after 1900"),
        ({"concern": "The child\u0000 was upset at school today."}, "NUL"),
    ],
)
def test_invalid_contacts_are_refused_with_a_reason(client, token, change, field):
    response = post(client, token, {**BODY, **change})
    assert response.status_code == 422
    assert field in json.dumps(response.json())
    assert Contact.objects.count() == 0


@pytest.mark.parametrize(
    "change,where,message",
    [
        ({"occurred_at": "0001-01-01T00:00:00+14:00"}, ["occurred_at"], "after 1900"),
        ({"occurred_at": "1899-12-31T23:00:00+00:00"}, ["occurred_at"], "after 1900"),
        ({"concern": "Upset at school\u0000 today"}, ["concern"], "NUL character"),
        ({"referrer": {**BODY["referrer"], "role": "PC\u0000"}}, ["referrer", "role"], "NUL"),
        (
            {"people": [{**BODY["people"][0], "address": "1 High St\u0000"}]},
            ["people", 0, "address"],
            "NUL",
        ),
    ],
)
def test_a_refusal_names_the_field_and_says_what_to_change(client, token, change, where, message):
    response = post(client, token, {**BODY, **change})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "payload", *where]
    assert message in problem["msg"] and not problem["msg"].startswith("Value error")
    assert Contact.objects.count() == 0


def test_an_idempotency_key_with_a_control_character_is_refused(client, token):
    response = post(client, token, key="key-0000\t0001")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert Contact.objects.count() == 0


def test_without_a_valid_token_nothing_happens(client, police):
    record, token = issue_token(police, name="old")
    revoke_token(record.prefix)
    for bad in ("", "Bearer nonsense", f"Bearer {token}", f"Basic {token}"):
        response = client.post(
            URL,
            data=json.dumps(BODY),
            content_type="application/json",
            headers={"Authorization": bad, "Idempotency-Key": "key-00000001"},
        )
        assert response.status_code == 401
    assert Contact.objects.count() == 0


def test_a_partner_reads_the_status_and_outcome_of_its_own_contact(
    client, token, police, make_person, mash_officer
):
    contact = Contact.objects.get(pk=post(client, token).json()["id"])
    assert get(client, token, contact.pk).json()["status"] == "awaiting_decision"
    child = make_person("Anna", "Kouao", dt.date(2016, 11, 2), nhs_number="")
    for subject in contact.subjects.all():
        if subject.is_child:
            actions.confirm_match(subject, child, acting_user=mash_officer)
    actions.record_decision(
        contact, acting_user=mash_officer, outcome="assessment", reasons="r", primary_need="N1"
    )
    data = get(client, token, contact.pk).json()
    assert data["status"] == "decided"
    assert data["outcome"]["decision"] == "assessment"
    assert "accepted as a referral" in data["outcome"]["message"]
    assert AuditEntry.objects.filter(action="view_record", object_id=str(contact.pk)).exists()


def test_a_partner_cannot_read_another_partners_contact(client, token, hospital):
    contact_id = post(client, token).json()["id"]
    other = issue_token(hospital, name="NMUH")[1]
    mine_missing = get(client, other, 999999)
    not_mine = get(client, other, contact_id)
    assert not_mine.status_code == mine_missing.status_code == 404
    assert not_mine.json() == mine_missing.json()
    assert "Kouao" not in not_mine.content.decode()


def test_responses_match_the_served_openapi_document(client, token):
    doc = client.get("/api/openapi.json", headers={"Authorization": f"Bearer {token}"}).json()
    assert doc["openapi"].startswith("3.1")

    def check(response, path, method):
        spec = doc["paths"][path][method]["responses"][str(response.status_code)]
        schema = spec["content"]["application/json"]["schema"]
        jsonschema.validate(
            response.json(),
            {**schema, "components": doc["components"]},
            cls=jsonschema.Draft202012Validator,
        )

    created = post(client, token)
    check(created, "/api/v1/contacts", "post")
    check(post(client, token), "/api/v1/contacts", "post")  # the replay
    conflict = post(client, token, {**BODY, "concern": "A different concern now."})
    check(conflict, "/api/v1/contacts", "post")
    detail = "/api/v1/contacts/{contact_id}"
    check(get(client, token, created.json()["id"]), detail, "get")
    check(get(client, token, 999999), detail, "get")
    check(get(client, token, "9" * 25), detail, "get")
    check(get(client, token, "abc"), detail, "get")
    check(get(client, "not-a-token", 1), detail, "get")
    check(post(client, token, {**BODY, "people": []}), "/api/v1/contacts", "post")
    unreadable = client.post(
        URL,
        data="{",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "key-00000002"},
    )
    check(unreadable, "/api/v1/contacts", "post")
