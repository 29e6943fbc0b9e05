"""Who is this? The officer confirms a match, rules one out, or adds a new person."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor import actions, queries
from lantern.frontdoor.models import ContactSubject
from lantern.people.models import Identifier, NotSamePerson, Person, PersonName

BORN = dt.date(2016, 11, 2)


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


@pytest.fixture
def victoria(make_person):
    return make_person("Victoria", "Climbie", BORN)


def _contact_about(make_contact, agency, first="Viktoria", last="Klimbie", **subject):
    return make_contact(
        agency, actions.SubjectDetails(first, last, date_of_birth=BORN, sex="F", **subject)
    )


def test_the_contact_page_suggests_the_child_known_under_another_spelling(
    client, officer, victoria, make_contact, hospital
):
    contact = _contact_about(make_contact, hospital)
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert "Viktoria Klimbie" in page
    assert victoria.council_id in page and "This is the same person" in page
    assert "%" in page  # the score
    candidate = queries.candidates_for(officer, contact.subjects.get()).candidates[0]
    assert candidate.person == victoria and candidate.comparisons
    assert AuditEntry.objects.filter(action="search", user=officer).exists()


def test_confirming_keeps_the_spelling_adds_identifiers_and_fills_the_chronology(
    client, officer, victoria, make_contact, hospital
):
    contact = _contact_about(make_contact, hospital)
    subject = contact.subjects.get()
    nhs = victoria.identifiers.get(scheme="nhs").value
    subject.nhs_number = nhs
    subject.save()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    response = client.post(url, {"person_id": victoria.pk})
    assert response.status_code == 302
    subject.refresh_from_db()
    assert subject.person == victoria and subject.resolution == "matched"
    variant = PersonName.objects.get(person=victoria, kind="variant")
    assert (variant.full_name, variant.agency) == ("Viktoria Klimbie", hospital)
    entry = ChronologyEntry.objects.get(person=victoria, kind="contact")
    assert entry.agency == hospital and contact.reference in entry.summary
    assert AuditEntry.objects.filter(person=victoria, user=officer, action="update").exists()


def test_confirming_adds_an_identifier_the_person_lacked(
    officer, make_person, make_contact, police
):
    from lantern.people.identifiers import make_upn

    child = make_person("Sam", "Okoro", BORN)
    upn = make_upn("123456789012")
    sam = actions.SubjectDetails("Sam", "Okoro", date_of_birth=BORN, upn=upn)
    contact = make_contact(police, sam)
    actions.confirm_match(contact.subjects.get(), child, acting_user=officer)
    held = Identifier.objects.get(person=child, scheme="upn")
    assert (held.value, held.agency) == (upn, police)
    assert not PersonName.objects.filter(person=child, kind="variant").exists()  # same spelling


def test_a_match_the_nhs_number_contradicts_is_refused(
    client, officer, victoria, make_person, make_contact, hospital
):
    someone_else = make_person("Vicky", "Climby", BORN)
    nhs = someone_else.identifiers.get(scheme="nhs").value
    contact = _contact_about(make_contact, hospital)
    subject = contact.subjects.get()
    subject.nhs_number = nhs
    subject.save()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    response = client.post(url, {"person_id": victoria.pk})
    assert response.status_code == 400
    assert "belongs to another person" in response.content.decode()
    subject.refresh_from_db()
    assert subject.person is None
    assert not PersonName.objects.filter(person=victoria, kind="variant").exists()


def test_not_the_same_person_is_remembered_on_the_next_contact(
    client, officer, victoria, make_contact, hospital, police
):
    first = _contact_about(make_contact, hospital)
    subject = first.subjects.get()
    url = reverse("frontdoor:not-same-person", args=[first.pk, subject.pk])
    assert client.post(url, {"person_id": victoria.pk}).status_code == 302
    assert NotSamePerson.objects.get().person == victoria

    later = _contact_about(make_contact, police)
    found = queries.candidates_for(officer, later.subjects.get())
    assert victoria not in [c.person for c in found.candidates]
    assert [r.person for r in found.ruled_out] == [victoria]
    page = client.get(reverse("frontdoor:contact", args=[later.pk])).content.decode()
    assert "Not suggested again" in page
    assert f'name="person_id" value="{victoria.pk}"' not in page


def test_a_differently_described_child_is_still_offered_the_person(
    officer, victoria, make_contact, hospital, police
):
    first = _contact_about(make_contact, hospital)
    actions.rule_out(first.subjects.get(), victoria, acting_user=officer)
    later = _contact_about(make_contact, police, first="Victoria", last="Climbie")
    found = queries.candidates_for(officer, later.subjects.get())
    assert victoria in [c.person for c in found.candidates]


def test_creating_a_new_person_registers_the_referrers_details(
    client, officer, make_contact, police
):
    contact = make_contact(
        police, actions.SubjectDetails("Kofi", "Mensah", date_of_birth=BORN, sex="M")
    )
    subject = contact.subjects.get()
    url = reverse("frontdoor:new-person", args=[contact.pk, subject.pk])
    assert client.post(url).status_code == 302
    person = Person.objects.get(last_name="Mensah")
    subject.refresh_from_db()
    assert (subject.person, subject.resolution) == (person, ContactSubject.Resolution.NEW_PERSON)
    assert (person.date_of_birth, person.sex) == (BORN, "M")
    assert person.names.get().agency == police
    assert ChronologyEntry.objects.filter(person=person, agency=police).count() == 1


def test_only_the_mash_opens_a_contact(client, make_partner, make_contact, police, social_worker):
    contact = make_contact(police)
    make_partner("pc", police)
    client.login(username="pc", password=PASSWORD)
    assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 403
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 403
    assert client.get(reverse("frontdoor:queue")).status_code == 403


def test_a_decided_contact_looks_for_no_candidates_and_audits_no_search(
    client, officer, victoria, make_contact, hospital, make_person
):
    make_person("Steve", "Doyle", dt.date(1985, 4, 4))
    contact = make_contact(
        hospital,
        actions.SubjectDetails("Viktoria", "Klimbie", date_of_birth=BORN, sex="F"),
        actions.SubjectDetails("Steve", "Doyle", role="parent_carer"),
    )
    child = contact.subjects.get(first_name="Viktoria")
    actions.confirm_match(child, victoria, acting_user=officer)
    actions.record_decision(contact, acting_user=officer, outcome="nfa", reasons="Known, safe")
    searches = AuditEntry.objects.filter(action="search").count()
    assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 200
    assert AuditEntry.objects.filter(action="search").count() == searches


def test_matching_to_a_restricted_record_says_so(
    client, officer, victoria, make_contact, hospital, social_worker
):
    from lantern.access.actions import restrict_record
    from lantern.access.models import RestrictedRecord

    restrict_record(victoria, acting_user=social_worker, why=RestrictedRecord.Why.HIGH_PROFILE)
    contact = _contact_about(make_contact, hospital)
    subject = contact.subjects.get()
    response = client.post(
        reverse("frontdoor:same-person", args=[contact.pk, subject.pk]),
        {"person_id": victoria.pk},
        follow=True,
    )
    assert "That record is restricted" in response.content.decode()
    subject.refresh_from_db()
    assert subject.person_id is None


def test_a_restricted_candidate_shows_only_that_a_restricted_record_matches(
    client, officer, victoria, make_contact, hospital, social_worker
):
    from lantern.access.actions import restrict_record
    from lantern.access.models import RestrictedRecord

    restrict_record(victoria, acting_user=social_worker, why=RestrictedRecord.Why.HIGH_PROFILE)
    contact = _contact_about(make_contact, hospital)
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert "A restricted record matches" in page
    assert reverse("access:state-reason", args=[victoria.pk]) in page
    assert victoria.council_id not in page and "Climbie" not in page
    assert f'name="person_id" value="{victoria.pk}"' not in page
    found = AuditEntry.objects.get(action="search", person=victoria)
    assert found.user == officer and contact.reference in found.detail


def test_a_restricted_record_ruled_out_is_not_named_to_those_not_on_it(
    client, officer, victoria, make_contact, hospital, police, social_worker
):
    from lantern.access.actions import restrict_record
    from lantern.access.models import RestrictedRecord

    first = _contact_about(make_contact, hospital)
    actions.rule_out(first.subjects.get(), victoria, acting_user=officer)
    restrict_record(victoria, acting_user=social_worker, why=RestrictedRecord.Why.ADOPTION)
    later = _contact_about(make_contact, police)
    page = client.get(reverse("frontdoor:contact", args=[later.pk])).content.decode()
    assert "Victoria Climbie" not in page and victoria.council_id not in page


@pytest.mark.parametrize("person_id", ["9" * 25, "not-a-number", "-3"])
def test_a_chosen_person_id_that_cannot_exist_is_refused_on_the_page(
    client, officer, victoria, make_contact, hospital, person_id
):
    contact = _contact_about(make_contact, hospital)
    subject = contact.subjects.get()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    response = client.post(url, {"person_id": person_id})
    assert response.status_code == 400
    assert "Choose a person from the index" in response.content.decode()
    subject.refresh_from_db()
    assert subject.person is None


def test_the_candidates_buttons_post_with_the_pages_own_csrf_token(
    mash_officer, victoria, make_contact, hospital
):
    """The candidate table is rendered by Jinja2: its forms must carry the token the page's
    cookie goes with, or every match and every "not the same person" is refused."""
    import re

    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.login(username="mo", password=PASSWORD)
    contact = _contact_about(make_contact, hospital)
    subject = contact.subjects.get()
    page = browser.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    forms = re.findall(
        r'<form method="post" action="([^"]+)"><input type="hidden" '
        r'name="csrfmiddlewaretoken" value="([^"]+)">\s*'
        rf'<input type="hidden" name="person_id" value="{victoria.pk}">',
        page,
    )
    actions_ = {action for action, _ in forms}
    assert actions_ == {
        reverse("frontdoor:same-person", args=[contact.pk, subject.pk]),
        reverse("frontdoor:not-same-person", args=[contact.pk, subject.pk]),
    }
    action, token = next(f for f in forms if "not-same" in f[0])
    refused = browser.post(action, {"person_id": victoria.pk})
    assert refused.status_code == 403  # no token: CSRF is checked here
    answer = browser.post(action, {"person_id": victoria.pk, "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert NotSamePerson.objects.filter(person=victoria).exists()
