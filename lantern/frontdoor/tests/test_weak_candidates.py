"""Implausible suggestions (an adult father for a 2-year-old, a namesake scoring nothing) wait
behind "show weaker candidates", and matching to one takes a second, checked step."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.frontdoor import actions, queries
from lantern.frontdoor.models import ContactSubject

BORN = dt.date(2024, 6, 3)


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


@pytest.fixture
def family(make_person):
    child = make_person("Tomasz", "Nowak", BORN, sex="M")
    father = make_person("Tomasz", "Nowak", dt.date(1990, 2, 11), sex="M")
    return child, father


@pytest.fixture
def contact(make_contact, police):
    return make_contact(
        police,
        actions.SubjectDetails("Tomasz", "Nowak", date_of_birth=BORN, sex="M"),
    )


def _weaker_block(page: str) -> str:
    found = re.search(
        r'<details class="govuk-details lantern-weaker-candidates">.*?</details>', page, re.S
    )
    return found.group(0) if found else ""  # fmt: skip


def test_the_father_of_a_toddler_is_hidden_behind_weaker_candidates(
    client, officer, family, contact
):
    child, father = family
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    weaker = _weaker_block(page)
    assert "Show 1 weaker candidate<" in weaker
    assert father.council_id in weaker and child.council_id not in weaker
    strong = page.replace(weaker, "")
    assert child.council_id in strong and father.council_id not in strong
    # The strong candidate's button is the primary one; the weak one's is secondary.
    assert "This is the same person" in strong
    assert "govuk-button--secondary govuk-!-margin-bottom-2" in weaker
    assert "This may be the same person" in weaker and "This is the same person" not in weaker


def test_a_low_score_is_weak_even_when_the_ages_agree(officer, make_person, make_contact, police):
    make_person("Zofia", "Kowalczyk", BORN, sex="F")
    contact = make_contact(police, actions.SubjectDetails("Zara", "Kowal", date_of_birth=BORN))
    found = queries.candidates_for(officer, contact.subjects.get())
    assert found.candidates and all(c.percent < 50 for c in found.candidates)
    assert found.strong == [] and found.weaker == found.candidates


def test_matching_a_weak_candidate_asks_to_check_first_and_changes_nothing(
    client, officer, family, contact
):
    _, father = family
    subject = contact.subjects.get()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    page = client.post(url, {"person_id": father.pk})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Is Tomasz Nowak the same person as Tomasz Nowak?" in text
    assert "This is a weak match" in text and "11 February 1990" in text and "3 June 2024" in text
    subject.refresh_from_db()
    assert subject.person is None and subject.resolution == ContactSubject.Resolution.PENDING
    assert AuditEntry.objects.filter(
        person=father, action="view_record", detail__contains="weak match"
    ).exists()


def test_the_check_step_needs_its_box_ticked(client, officer, family, contact):
    _, father = family
    subject = contact.subjects.get()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    unticked = client.post(url, {"person_id": father.pk, "step": "check"})
    assert unticked.status_code == 400
    text = unticked.content.decode()
    assert "<title>Error: " in text
    assert "Tick to confirm you have checked that this is the same person" in text
    subject.refresh_from_db()
    assert subject.person is None
    ticked = client.post(url, {"person_id": father.pk, "step": "check", "checked": "yes"})
    assert ticked.status_code == 302
    subject.refresh_from_db()
    assert subject.person == father


def test_a_strong_candidate_is_matched_in_one_step(client, officer, family, contact):
    child, _ = family
    subject = contact.subjects.get()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    assert client.post(url, {"person_id": child.pk}).status_code == 302
    subject.refresh_from_db()
    assert subject.person == child


def test_a_person_never_suggested_is_checked_too(client, officer, family, contact, make_person):
    stranger = make_person("Amelia", "Hart", dt.date(2010, 1, 1))
    subject = contact.subjects.get()
    url = reverse("frontdoor:same-person", args=[contact.pk, subject.pk])
    page = client.post(url, {"person_id": stranger.pk})
    assert page.status_code == 200
    assert "This person was not suggested as a match" in page.content.decode()
    subject.refresh_from_db()
    assert subject.person is None
