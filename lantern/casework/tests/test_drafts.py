"""Autosave: what a worker types is kept until the record is saved."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.casework import actions
from lantern.casework.actions.drafts import MAX_CHARS
from lantern.casework.models import Draft

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def draft_url(child, key="visit-new"):
    return reverse("casework:draft", args=[child.pk, key])


def test_typing_is_kept_as_a_draft_and_only_its_start_is_audited(alice, child):
    for text in ("She said", "She said she was scared"):
        response = alice.post(draft_url(child), {"child_words": text, "kind": "cp"})
        assert response.status_code == 200 and "saved_at" in response.json()
    draft = Draft.objects.get(person=child)
    assert draft.data == {"child_words": "She said she was scared", "kind": "cp"}
    assert AuditEntry.objects.filter(object_type="casework.Draft").count() == 1


def test_reopening_the_form_restores_the_draft(alice, child):
    alice.post(draft_url(child), {"child_words": "He hit mum", "kind": "cp", "seen_alone": "on"})
    page = alice.get(reverse("casework:new", args=[child.pk, "visit"])).content.decode()
    assert "has been restored" in page and "He hit mum" in page
    assert 'id="id_seen_alone" checked' in page and 'id="id_bedroom_seen" checked' not in page


def test_several_ticked_boxes_are_kept(alice, journey, child):
    journey.refer()
    alice.post(draft_url(child, "assessment-new"), {"factors": ["3B", "16A"], "analysis": "x"})
    assert Draft.objects.get(person=child).data["factors"] == ["3B", "16A"]
    page = alice.get(reverse("casework:new", args=[child.pk, "assessment"])).content.decode()
    assert re.search(r'value="3B" id="id_factors_\d+" checked', page)
    assert not re.search(r'value="3A" id="id_factors_\d+" checked', page)


def test_saving_the_record_deletes_the_draft(alice, child):
    alice.post(draft_url(child), {"child_words": "draft"})
    alice.post(
        reverse("casework:new", args=[child.pk, "visit"]),
        {
            "visited_on": "2026-03-05",
            "kind": "cin",
            "child_seen": "on",
            "seen_alone": "on",
            "child_words": "final",
        },
    )
    assert not Draft.objects.exists()


def test_a_failed_save_keeps_the_draft(alice, child):
    alice.post(draft_url(child), {"child_words": "draft"})
    alice.post(reverse("casework:new", args=[child.pk, "visit"]), {"kind": "cin"})
    assert Draft.objects.filter(person=child).exists()


def test_a_draft_from_before_someone_elses_save_is_shown_beside_their_version(
    alice, journey, child, manager
):
    journey.refer()
    assessment = journey.assess()
    key = f"assessment-{assessment.pk}-edit"
    alice.post(draft_url(child, key), {"analysis": "Alice's unsaved words", "version": "1"})
    actions.update_assessment(
        assessment, acting_user=manager, expected_version=1, analysis="Mo's saved words"
    )
    url = reverse("casework:change", args=[child.pk, "assessment", assessment.pk, "edit"])
    page = html.unescape(alice.get(url).content.decode())
    assert "Your unsaved draft" in page and "Alice's unsaved words" in page
    assert 'name="version" value="2"' in page and "Mo's saved words" in page


def test_no_drafts_for_someone_elses_child_or_an_unknown_form(alice, make_person):
    stranger = make_person("Zoe", "Other")
    assert alice.post(draft_url(stranger), {"child_words": "x"}).status_code == 404
    assert (
        alice.post(reverse("casework:draft", args=[stranger.pk, "nonsense-new"])).status_code == 404
    )
    assert not Draft.objects.exists()


def test_discarding_a_draft_is_audited(alice, child):
    alice.post(draft_url(child), {"child_words": "x"})
    assert alice.post(draft_url(child), {"discard": "1"}).json() == {"discarded": True}
    assert not Draft.objects.exists()
    entry = AuditEntry.objects.filter(person=child).latest("id")
    assert (entry.action, entry.detail) == ("update", "discarded draft (visit-new)")


def test_a_draft_too_long_to_keep_is_refused_not_an_error(alice, child):
    response = alice.post(draft_url(child), {"child_words": "x" * (MAX_CHARS + 1)})
    assert response.status_code == 400
    assert response.json() == {"error": "The draft is too long to keep"}
    assert not Draft.objects.exists()


def test_no_draft_of_a_form_the_worker_may_not_use(alice, child):
    response = alice.post(draft_url(child, "oversight-new"), {"direction": "x"})
    assert response.status_code == 403
    assert not Draft.objects.exists()
    assert AuditEntry.objects.filter(action="denied", user__username="alice").exists()


def test_a_manager_keeps_a_draft_of_oversight(client, child, manager):
    client.login(username="mo", password=PASSWORD)
    response = client.post(draft_url(child, "oversight-new"), {"direction": "x"})
    assert response.status_code == 200 and Draft.objects.filter(user=manager).exists()


def test_the_autosave_needs_the_csrf_token(child, social_worker):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.login(username="alice", password=PASSWORD)
    assert strict.post(draft_url(child), {"child_words": "x"}).status_code == 403


def test_the_form_page_loads_the_autosave_script_and_no_inline_script(alice, child):
    page = alice.get(reverse("casework:new", args=[child.pk, "visit"])).content.decode()
    assert 'data-autosave-url="/casework/' in page and "casework/autosave.js" in page
    assert "<script>" not in page and " style=" not in page


def test_a_draft_never_brings_back_a_date_the_form_refuses(alice, child):
    alice.post(
        draft_url(child),
        {
            "visited_on_day": "31",
            "visited_on_month": "2",
            "visited_on_year": "2026",
            "child_words": "kept",
        },
    )
    page = alice.get(reverse("casework:new", args=[child.pk, "visit"])).content.decode()
    assert "has been restored" in page and "kept" in page
    assert 'value="31"' not in page and "must be a real date" not in page


def test_a_refused_save_keeps_the_draft_without_the_refused_value(alice, child):
    alice.post(draft_url(child), {"child_words": "draft"})
    alice.post(
        reverse("casework:new", args=[child.pk, "visit"]),
        {
            "visited_on_day": "3",
            "visited_on_year": "2026",
            "kind": "cin",
            "child_words": "typed before the refusal",
        },
    )
    draft = Draft.objects.get(person=child).data
    assert draft["child_words"] == "typed before the refusal"
    assert not any(name.startswith("visited_on") for name in draft)


def test_a_draft_date_in_boxes_is_put_back_in_its_boxes(alice, child):
    alice.post(
        draft_url(child),
        {"visited_on_day": "3", "visited_on_month": "11", "visited_on_year": "2026"},
    )
    page = alice.get(reverse("casework:new", args=[child.pk, "visit"])).content.decode()
    assert 'name="visited_on_day" value="3"' in page
    assert 'name="visited_on_year" value="2026"' in page
