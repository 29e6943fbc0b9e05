"""What a worker sees: the court, missing and UASC panels on the child's casework page, the
record pages and forms, and bad input shown against its field with nothing saved."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.care.actions import court, legal
from lantern.care.actions.missing import record_missing_episode
from lantern.care.actions.uasc import record_age_assessment
from lantern.care.models import MissingEpisode, TimetableExtension
from lantern.care.tests.factories import start_care

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def page(client, child) -> str:
    response = client.get(reverse("casework:overview", args=[child.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_court_panel_shows_the_week_the_next_hearing_and_the_orders(
    alice, child, social_worker
):
    application = court.issue_application(
        child, acting_user=social_worker, kind="s31_care", issued_on=D(2026, 7, 6),
        court="East London Family Court", next_hearing_on=D(2026, 12, 8),
    )  # fmt: skip
    court.record_order(
        child, acting_user=social_worker, kind="interim_care", made_on=D(2026, 7, 7),
        ends_on=D(2027, 1, 4), court="East London Family Court", application=application,
    )  # fmt: skip
    html = page(alice, child)
    assert "Week 21 of 26" in html  # Tue 24 Nov 2026 is in the 21st week from 6 Jul
    assert "Mon 4 Jan 2027" in html
    assert "Tue 8 Dec 2026" in html
    assert "Interim care order (s38)" in html


def test_an_extension_is_recorded_from_the_application_page(alice, child, social_worker):
    application = court.issue_application(
        child, acting_user=social_worker, kind="s31_care", issued_on=D(2026, 7, 6),
        court="East London Family Court",
    )  # fmt: skip
    url = reverse("casework:change", args=[child.pk, "court-application", application.pk, "extend"])
    bad = alice.post(url, {"granted_on": "2026-11-23", "weeks": "12", "reason": "More time"})
    assert bad.status_code == 200 and "8" in bad.content.decode()
    assert not TimetableExtension.objects.exists()
    alice.post(url, {"granted_on": "2026-11-23", "weeks": "8", "reason": "Expert delayed"})
    assert TimetableExtension.objects.count() == 1
    assert "Week 21 of 34" in page(alice, child)


def test_withdrawn_s20_consent_is_a_warning_on_the_page(alice, make_person, social_worker):
    child = make_person("Leo", "Carter", D(2012, 3, 1))
    from lantern.workforce.models import Allocation

    Allocation.objects.create(child=child, worker=social_worker, team=social_worker.staff.team,
                              start=D(2026, 1, 5))  # fmt: skip
    period = start_care(child, social_worker, D(2026, 10, 5), legal_status="V2")
    consent = legal.record_s20_consent(
        child, acting_user=social_worker, period=period, given_by="Kerry Carter",
        relationship="Mother", given_on=D(2026, 10, 5),
    )  # fmt: skip
    legal.review_s20_consent(
        consent, acting_user=social_worker, expected_version=1, reviewed_on=D(2026, 11, 20),
        still_consenting=False,
    )  # fmt: skip
    html = page(alice, child)
    assert 'id="s20-withdrawn"' in html and "withdrawn by Kerry Carter" in html


def test_the_repeat_missing_prompt_links_to_a_strategy_discussion(alice, in_care, child,
                                                                  social_worker):  # fmt: skip
    for start in (D(2026, 10, 6), D(2026, 10, 30), D(2026, 11, 22)):
        record_missing_episode(child, acting_user=social_worker, kind="M", start_date=start,
                               end_date=start + dt.timedelta(days=1))  # fmt: skip
    html = page(alice, child)
    assert "Consider a strategy discussion (WT23; statutory guidance 2014)" in html
    assert reverse("casework:new", args=[child.pk, "strategy-discussion"]) in html
    assert "to be offered by Thu 26 Nov 2026" in html


def test_a_missing_episode_ending_before_it_starts_is_refused_on_the_form(alice, child):
    response = alice.post(
        reverse("casework:new", args=[child.pk, "missing-episode"]),
        {"kind": "M", "start_date": "2026-11-20", "end_date": "2026-11-19"},
    )
    assert response.status_code == 200
    assert "The child cannot return before going missing" in response.content.decode()
    assert not MissingEpisode.objects.exists()


def test_each_record_page_opens(alice, in_care, child, social_worker):
    episode = record_missing_episode(
        child, acting_user=social_worker, kind="A", start_date=D(2026, 11, 1),
        end_date=D(2026, 11, 2),
    )  # fmt: skip
    assessment = record_age_assessment(
        child, acting_user=social_worker, assessed_on=D(2026, 11, 2), outcome="claimed",
        date_of_birth=D(2016, 5, 4), merton_compliant=True,
    )  # fmt: skip
    plo = legal.send_plo_letter(child, acting_user=social_worker, letter_sent_on=D(2026, 5, 26),
                                letter_sent_to="Kerry Carter")  # fmt: skip
    for record in (episode, assessment, plo):
        assert alice.get(record.get_absolute_url()).status_code == 200
    interview = reverse("casework:change",
                        args=[child.pk, "missing-episode", episode.pk, "interview"])  # fmt: skip
    assert alice.get(interview).status_code == 200
    alice.post(interview, {"version": "1", "rhi_offered_on": "2026-11-03",
                           "rhi_response": "declined"})  # fmt: skip
    episode.refresh_from_db()
    assert episode.rhi_response == "declined"


def test_the_chronology_says_what_the_records_say(child, social_worker, in_care):
    from lantern.chronology.models import ChronologyEntry

    episode = record_missing_episode(
        child, acting_user=social_worker, kind="M", start_date=D(2026, 11, 1),
        end_date=D(2026, 11, 2),
    )  # fmt: skip
    from lantern.care.actions.missing import record_return_interview

    record_return_interview(
        episode, acting_user=social_worker, expected_version=episode.version,
        rhi_offered_on=D(2026, 11, 3), rhi_response="accepted", rhi_done_on=D(2026, 11, 4),
        rhi_by="Sam (Missing Children Service)",
    )  # fmt: skip
    said = list(
        ChronologyEntry.objects.filter(person=child, kind="missing")
        .order_by("occurred_at")
        .values_list("summary", flat=True)
    )
    assert said == [
        "Missing.",
        "Returned.",
        "Return home interview offered: accepted; held 4 November 2026 by Sam (Missing "
        "Children Service).",
    ]
