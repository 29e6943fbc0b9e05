"""A partner says what a contact reports (an injury, an A&E attendance): once the MASH links
the child, the chronology entry is of that kind, and the safeguarding signals read it."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.agencies.models import Agency
from lantern.api.actions import issue_token
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor.models import Contact
from lantern.signals.models import Signal

URL = "/api/v1/contacts"
BORN = dt.date(2026, 7, 20)  # four months old on the suite's Tuesday


def injury_report(**changes):
    return {
        "referrer": {"name": "Hana Visitor", "role": "Health visitor"},
        "people": [
            {
                "role": "child",
                "first_name": "Poppy",
                "last_name": "Hart",
                "date_of_birth": BORN.isoformat(),
                "sex": "F",
            },
            {"role": "parent_carer", "first_name": "Jade", "last_name": "Hart"},
        ],
        "concern": "Bruise to the left cheek seen at a new-birth follow-up visit.",
        "consent": "given",
        "kind": "injury",
        "occurred_at": "2026-11-23T14:00:00+00:00",
        **changes,
    }


@pytest.fixture
def health(db):
    return Agency.objects.create(
        code="whittington", name="Whittington Health visiting", kind=Agency.Kind.HEALTH
    )


@pytest.fixture
def token(health):
    return issue_token(health, name="Health visiting")[1]


def send(client, token, body, key="hv-report-0001"):
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def test_an_injury_report_raises_the_signal_once_the_mash_links_the_child(
    client, token, make_person, mash_officer, health
):
    child = make_person("Poppy", "Hart", BORN)
    response = send(client, token, injury_report())
    assert response.status_code == 201
    contact = Contact.objects.get(pk=response.json()["id"])
    assert contact.kind == "injury"
    assert not Signal.objects.exists()  # nobody is linked yet

    client.login(username="mo", password=PASSWORD)
    subject = contact.subjects.get(role="child")
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    assert client.post(url, {"person_id": child.pk}).status_code == 302

    entry = ChronologyEntry.objects.get(person=child, kind="injury")
    assert entry.agency == health and entry.occurred_at.date() == dt.date(2026, 11, 23)
    signal = Signal.objects.get(person=child, status="live")
    assert signal.rule == "injury_non_mobile" and signal.fired_on == dt.date(2026, 11, 23)
    assert list(signal.evidence.all()) == [entry]
    queue = client.get(reverse("frontdoor:queue")).content.decode()
    assert "Live safeguarding signal" in queue


def test_a_contact_that_says_nothing_is_a_contact(client, token, make_person):
    body = injury_report()
    del body["kind"]
    response = send(client, token, body)
    assert response.status_code == 201
    assert Contact.objects.get().kind == "contact"


def test_a_kind_a_partner_may_not_report_is_refused_by_name(client, token):
    for kind in ("signal", "visit", "plan", "Injury", ""):
        response = send(client, token, injury_report(kind=kind), key=f"hv-bad-{kind}-0001")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == "kind"
    assert not Contact.objects.exists()


def test_a_retry_says_kind_contact_or_nothing_alike(client, token):
    body = injury_report(kind="contact")
    first = send(client, token, body)
    del body["kind"]
    again = send(client, token, body)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    changed = send(client, token, injury_report(kind="ae_attendance"))
    assert changed.status_code == 409


def test_the_openapi_document_lists_what_a_contact_may_report(client, token):
    doc = client.get("/api/openapi.json", headers={"Authorization": f"Bearer {token}"}).json()
    kind = doc["components"]["schemas"]["ContactIn"]["properties"]["kind"]
    assert kind["default"] == "contact"
    assert {"injury", "ae_attendance", "not_brought", "missing"} <= set(kind["enum"])
    assert "safeguarding signals" in kind["description"]


def test_an_adult_named_in_an_injury_report_gets_a_plain_contact_entry(
    client, token, make_person, mash_officer
):
    mother = make_person("Jade", "Hart", dt.date(1998, 2, 2))
    contact = Contact.objects.get(pk=send(client, token, injury_report()).json()["id"])
    client.login(username="mo", password=PASSWORD)
    subject = contact.subjects.get(role="parent_carer")
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    assert client.post(url, {"person_id": mother.pk}).status_code == 302
    kinds = set(ChronologyEntry.objects.filter(person=mother).values_list("kind", flat=True))
    assert "contact" in kinds and "injury" not in kinds
