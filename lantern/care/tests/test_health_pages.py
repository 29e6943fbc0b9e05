"""The health and education panel on a looked-after child's casework page, and the records
recorded through casework's generic pages (issue 10 §5)."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.care.actions import education, health
from lantern.care.models import StrengthsAndDifficulties, SubstanceMisuse
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.actions import apply_event

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_a_child_never_in_care_has_no_health_and_education_panel(alice, child):
    page = alice.get(reverse("casework:overview", args=[child.pk]))
    assert b"Health and education" not in page.content


def test_the_panel_shows_the_last_records_and_what_is_due_next(alice, in_care, social_worker):
    amy = in_care.person
    apply_event(amy, "became_looked_after", in_care.start_date, source=in_care)
    health.record_health_assessment(
        amy, acting_user=social_worker, kind="initial", assessed_on=D(2026, 10, 20),
        assessed_by="Dr Rao", by_doctor=True,
    )  # fmt: skip
    health.record_sdq(amy, acting_user=social_worker, completed_on=D(2026, 11, 2), score=14)
    education.record_pep(amy, acting_user=social_worker, held_on=D(2026, 10, 16))
    education.record_education_setting(
        amy, acting_user=social_worker, kind="school", name="Earlsmead Primary",
        start_date=D(2022, 9, 1),
    )  # fmt: skip
    education.record_education_setting(
        amy, acting_user=social_worker, kind="school", name="Bruce Grove Primary",
        start_date=D(2026, 10, 12), move_reason="placement",
    )  # fmt: skip
    page = alice.get(reverse("casework:overview", args=[amy.pk])).content.decode()
    assert "Initial health assessment, 20 Oct 2026" in page
    assert "20 Oct 2027 (review health assessment)" in page  # Amy is 10: yearly
    assert "Score 14" in page
    assert "16 Oct 2026" in page and "16 Jan 2027" in page  # last PEP; the review 3 months on
    assert "Bruce Grove Primary" in page
    assert '<dd class="govuk-summary-list__value" id="school-moves">1</dd>' in page
    entries = ChronologyEntry.objects.filter(person=amy, kind__in=["health", "education"])
    assert "Strengths and Difficulties Questionnaire: score 14." in {e.summary for e in entries}


def test_an_sdq_of_41_typed_on_the_form_is_refused_on_its_field(alice, in_care):
    url = reverse("casework:new", args=[in_care.person_id, "sdq"])
    form = alice.get(url)
    assert form.status_code == 200
    page = alice.post(url, {"completed_on": "2026-11-02", "score": "41", "reason": ""})
    assert page.status_code == 200
    assert "The SDQ score is a whole number from 0 to 40" in page.content.decode()
    assert not StrengthsAndDifficulties.objects.exists()


def test_a_dental_check_recorded_on_the_form_is_shown_on_its_page(alice, in_care):
    url = reverse("casework:new", args=[in_care.person_id, "dental-check"])
    response = alice.post(url, {"checked_on": "2026-11-10"})
    assert response.status_code == 302
    page = alice.get(response.url.split("?")[0]).content.decode()
    assert "10 November 2026" in page


@pytest.mark.parametrize(
    "kind",
    ["health-assessment", "dental-check", "immunisations", "sdq", "substance-misuse",
     "conviction", "pep", "education-setting"],
)  # fmt: skip
def test_each_health_and_education_form_opens(alice, in_care, kind):
    page = alice.get(reverse("casework:new", args=[in_care.person_id, kind]))
    assert page.status_code == 200


def test_substance_misuse_typed_on_the_form_keeps_the_yes_and_no_answers(alice, in_care):
    url = reverse("casework:new", args=[in_care.person_id, "substance-misuse"])
    data = {"identified_on": "2026-11-02", "intervention_received": "no"}
    page = alice.post(url, data)
    assert "say whether one was offered" in page.content.decode()
    response = alice.post(url, {**data, "intervention_offered": "yes"})
    assert response.status_code == 302
    record = SubstanceMisuse.objects.get()
    assert (record.intervention_received, record.intervention_offered) == (False, True)
