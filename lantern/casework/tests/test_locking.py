"""Two workers editing one record: the second save is refused and told to reload, so
neither loses the other's words (optimistic locking on ``version``)."""

import datetime as dt
import html
import threading

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from conftest import PASSWORD
from lantern.casework import actions
from lantern.casework.models import Assessment

D = dt.date


@pytest.fixture
def assessment(journey):
    journey.refer()
    return journey.assess()


@pytest.mark.django_db
def test_a_save_from_an_old_version_is_refused_with_who_and_when(
    assessment, social_worker, manager
):
    actions.update_assessment(
        assessment, acting_user=manager, expected_version=1, analysis="Mo's analysis"
    )
    with pytest.raises(actions.StaleRecord) as stale:
        actions.update_assessment(
            assessment, acting_user=social_worker, expected_version=1, analysis="Alice's analysis"
        )
    assert str(stale.value).startswith("This record was changed by Mo Tester at ")
    assert str(stale.value).endswith("; reload to see their changes")
    saved = Assessment.objects.get(pk=assessment.pk)
    assert (saved.analysis, saved.version, saved.updated_by) == ("Mo's analysis", 2, manager)


@pytest.mark.django_db
def test_the_form_tells_the_second_worker_to_reload_and_keeps_their_text(
    client, assessment, manager
):
    url = reverse(
        "casework:change", args=[assessment.person_id, "assessment", assessment.pk, "edit"]
    )
    client.login(username="alice", password=PASSWORD)
    form = {
        "start_date": "2026-03-03",
        "analysis": "Alice's text",
        "factors": ["16A"],
        "version": 1,
    }
    actions.update_assessment(assessment, acting_user=manager, expected_version=1, outcome="nfa")

    response = client.post(url, form)

    page = response.content.decode()
    assert response.status_code == 200
    assert "This record was changed by Mo Tester at" in page and "reload to see" in page
    assert "Alice's text" in html.unescape(page)  # kept in the form's text box
    assert Assessment.objects.get(pk=assessment.pk).outcome == "nfa"


@pytest.mark.django_db
def test_closing_an_episode_from_a_stale_page_is_refused(journey, social_worker, manager):
    episode = journey.refer()
    actions.update_episode(episode, acting_user=manager, expected_version=1, primary_need="N1")
    with pytest.raises(actions.StaleRecord):
        actions.close_episode(
            episode,
            acting_user=social_worker,
            close_date=D(2026, 3, 3),
            reason_for_closure="RC7",
            expected_version=1,
        )


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_one_wins_and_one_is_told(assessment, social_worker, manager):
    """Real concurrency: two connections read version 1 and save together."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("SQLite's in-memory test database refuses a second writer outright")
    ready = threading.Barrier(2)
    results = {}

    def edit(user, text):
        try:
            record = Assessment.objects.get(pk=assessment.pk)
            ready.wait(timeout=10)
            actions.update_assessment(
                record, acting_user=user, expected_version=record.version, analysis=text
            )
            results[user.username] = "saved"
        except actions.StaleRecord:
            results[user.username] = "stale"
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=edit, args=(social_worker, "Alice's")),
        threading.Thread(target=edit, args=(manager, "Mo's")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results.values()) == ["saved", "stale"]
    saved = Assessment.objects.get(pk=assessment.pk)
    assert saved.version == 2
    winner = "alice" if results["alice"] == "saved" else "mo"
    assert saved.analysis == {"alice": "Alice's", "mo": "Mo's"}[winner]
