"""One fact, one place: a casework record's chronology entry says what the record says now."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.casework import actions
from lantern.casework.actions.base import save_versioned
from lantern.casework.models import Conference
from lantern.casework.tests.journey import attendance, with_reports
from lantern.chronology.models import ChronologyEntry

D = dt.date
pytestmark = pytest.mark.django_db


def _entries(record, kind):
    return ChronologyEntry.objects.filter(
        source_type=record._meta.label, source_ref=str(record.pk), kind=kind
    )


def test_correcting_a_review_conference_decision_rewrites_its_chronology_entry(
    journey, social_worker
):
    plan = journey.to_plan()
    review = actions.record_review_conference(
        plan,
        acting_user=social_worker,
        held_on=D(2026, 6, 15),
        chair=journey.chair,
        decision=Conference.Decision.CONTINUE,
        categories=["NEG"],
        **with_reports(D(2026, 6, 15), attendance()),
    )
    entry = _entries(review, "conference").get()
    assert entry.summary == (
        "Review child protection conference. Decision: Plan to continue (Neglect)."
    )
    assert entry.from_record and entry.author_user == social_worker
    # The minutes come back: the plan continues under emotional abuse, held on the 16th.
    save_versioned(
        review,
        expected_version=review.version,
        acting_user=journey.manager,
        categories=["EMO"],
        held_on=D(2026, 6, 16),
    )
    entry.refresh_from_db()
    assert entry.summary == (
        "Review child protection conference. Decision: Plan to continue (Emotional abuse)."
    )
    assert entry.occurred_at.date() == D(2026, 6, 16)
    assert entry.author_user == social_worker  # who recorded it does not change
    assert _entries(review, "conference").count() == 1


def test_closing_an_episode_adds_its_closure_entry_beside_the_one_referral_entry(
    journey, social_worker
):
    episode = journey.refer()
    actions.close_episode(
        episode,
        acting_user=social_worker,
        close_date=D(2026, 3, 9),
        reason_for_closure="RC7",
        expected_version=episode.version,
    )
    closed = _entries(episode, "case_closed").get()
    assert closed.summary.startswith("Case closed: Services ceased for any other reason")
    assert closed.occurred_at.date() == D(2026, 3, 9)
    assert _entries(episode, "referral").count() == 1


def test_the_referral_source_reads_the_same_everywhere_after_a_correction(
    client, journey, child, social_worker
):
    """The episode said "referred by Schools" in the chronology while the worker had
    corrected it to the health visitor: now the chronology, the casework page, the episode
    page and every form's panel read the episode."""
    episode = journey.refer()
    assert _entries(episode, "referral").get().summary == "Referral accepted from Schools."
    actions.update_episode(
        episode,
        acting_user=social_worker,
        expected_version=episode.version,
        referral_source="3B",
    )
    said = "Referral accepted from Health services – health visitor."
    assert _entries(episode, "referral").get().summary == said
    client.login(username="alice", password=PASSWORD)
    overview = client.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "referred by Health services – health visitor" in overview
    record = client.get(
        reverse("casework:record", args=[child.pk, "episode", episode.pk])
    ).content.decode()
    assert said in record
    form = client.get(reverse("casework:new", args=[child.pk, "visit"])).content.decode()
    assert said in form and "Schools" not in form


def test_entries_from_dated_records_are_date_only_however_they_are_written(journey, child):
    """The record has a date, not a time: written one at a time (``sync_entries``), by the
    visit action (``record_entry``) or in bulk (``bulk.described``), the entry says so."""
    from lantern.casework.bulk import described
    from lantern.casework.models import CINEpisode

    journey.to_plan()
    journey.visit(D(2026, 3, 27), words="Fine")
    entries = ChronologyEntry.objects.filter(person=child)
    assert entries.filter(from_record=True).exists() and entries.filter(kind="visit").exists()
    assert not entries.filter(time_known=True).exists()
    episode = CINEpisode.objects.get(person=child)
    rows = described(CINEpisode, [episode.pk])
    assert rows and all(not row.time_known for row in rows)
    assert {row.occurred_at.date() for row in rows} == {episode.referral_date}
    # After the save of a corrected date, the entry moves with it and stays date-only.
    save_versioned(
        episode,
        expected_version=episode.version,
        acting_user=journey.manager,
        referral_date=D(2026, 3, 1),
    )
    referral = _entries(episode, "referral").get()
    assert (referral.occurred_on, referral.time_known) == (D(2026, 3, 1), False)


def test_the_chronology_links_every_conference_in_one_query_however_many(journey, social_worker):
    """Each conference's link needs its kind (initial or review): read with the ids, not
    one query per conference on the record page's key events."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lantern.chronology.queries import sources_of

    plan = journey.to_plan()
    for held_on in (D(2026, 6, 15), D(2026, 9, 14)):
        actions.record_review_conference(
            plan,
            acting_user=social_worker,
            held_on=held_on,
            chair=journey.chair,
            decision=Conference.Decision.CONTINUE,
            categories=["NEG"],
            **with_reports(held_on, attendance()),
        )
    entries = list(ChronologyEntry.objects.filter(source_type="casework.Conference"))
    conferences = {str(c.pk): c for c in Conference.objects.all()}
    assert len(entries) >= 3  # the initial conference and two reviews
    with CaptureQueriesContext(connection) as statements:
        found = sources_of(entries)
    assert len(statements) == 1
    for entry in entries:
        conference = conferences[entry.source_ref]
        assert found[entry.pk].url == reverse(
            "casework:record", args=[entry.person_id, conference.url_slug, conference.pk]
        )
        assert found[entry.pk].label == "Conference"


def test_every_kind_of_record_on_a_page_is_linked_in_one_statement(journey):
    """A key events page holds entries from five or ten kinds of record: each kind's link is
    read with the others in one statement, and each entry links to its own record, by kind
    (ids repeat across kinds), with the person and a conference's kind in the address."""
    from django.apps import apps
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lantern.chronology.queries import sources_of

    journey.to_plan()
    entries = list(ChronologyEntry.objects.exclude(source_type=""))
    kinds = {e.source_type for e in entries}
    assert len(kinds) >= 3, kinds  # referral, assessment, enquiry, conference, plan…
    with CaptureQueriesContext(connection) as statements:
        found = sources_of(entries)
    assert len(statements) == 1
    for entry in entries:
        record = apps.get_model(entry.source_type).objects.get(pk=entry.source_ref)
        expected = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
        assert found[entry.pk].url == expected, entry.source_type
    assert sources_of([]) == {}


def test_a_page_with_entries_from_every_kind_of_record_is_linked_in_one_statement(journey):
    """A busy child's record holds entries from twenty kinds of record and more, in any
    combination: each kind's read is one part of one statement, and every entry still
    finds its record, its own kind's (ids repeat across kinds)."""
    from django.apps import apps
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lantern.chronology.queries import sources_of
    from lantern.prepared import MOST_VALUES

    journey.to_plan()
    rows = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField"):
            row = model._base_manager.order_by("pk").first()
            if row is not None:
                rows.append(row)
    assert len(rows) > MOST_VALUES + 1
    entries = [
        ChronologyEntry(pk=n, source_type=row._meta.label, source_ref=str(row.pk))
        for n, row in enumerate(rows, start=1)
    ]
    with CaptureQueriesContext(connection) as statements:
        found = sources_of(entries)
    assert len(statements) == 1, [s["sql"][:80] for s in statements]
    assert sorted(found) == [e.pk for e in entries]
    for entry, row in zip(entries, rows, strict=True):
        assert found[entry.pk].label.lower() == str(row._meta.verbose_name).lower()
