"""The child's record shows each live signal with its evidence; a manager records what was
decided, and the decision joins the chronology and the audit log."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.chronology.models import ChronologyEntry
from lantern.signals.models import Signal
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db

BORN = dt.date(2026, 7, 20)  # four months old on the suite's Tuesday


@pytest.fixture
def baby(make_person, social_worker, allocate):
    child = make_person("Poppy", "Hart", BORN)
    allocate(child, social_worker)
    return child


def injure(child, agency, day=dt.date(2026, 11, 20)):
    return record_entry(
        child, kind="injury", when=day, agency=agency, summary="Bruise to the left cheek."
    )


def signed_in(client, username):
    client.login(username=username, password=PASSWORD)
    return client


def evidence_link(html: str, entry) -> str:
    found = re.search(rf'href="([^"]+#entry-{entry.pk})"', html)
    return found.group(1).replace("&amp;", "&")


def decide_url(signal):
    return reverse("signals:decide", args=[signal.person_id, signal.pk])


def test_the_record_shows_a_live_signal_with_its_evidence_why_and_source(
    client, baby, hospital, social_worker
):
    entry = injure(baby, hospital)
    signal = Signal.objects.get(person=baby)

    page = signed_in(client, "alice").get(reverse("people:record", args=[baby.pk]))

    html = page.content.decode()
    panel = html[html.index('id="signals"') : html.index('id="chronology"')]
    assert "Injury to a baby who is not yet mobile" in panel
    assert signal.headline in panel and "at 4 months old" in signal.headline
    assert "North Middlesex Hospital" in panel and "Injury seen by a professional" in panel
    assert "not independently mobile" in panel and "NICE CG89" in panel
    assert "Warning" in panel and "Live" in panel  # not colour alone
    assert "Record a decision" not in panel  # a social worker does not decide
    opened = client.get(evidence_link(panel, entry))
    assert f'id="entry-{entry.pk}"' in opened.content.decode()


def test_the_evidence_link_finds_an_entry_many_pages_back(client, baby, hospital, police):
    entry = injure(baby, hospital, dt.date(2026, 8, 1))
    ChronologyEntry.objects.bulk_create(
        ChronologyEntry(
            person=baby,
            agency=police,
            kind="police_incident",
            summary=f"n{i}",
            occurred_at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i),
        )
        for i in range(120)
    )
    html = signed_in(client, "alice").get(reverse("people:record", args=[baby.pk]))
    html = html.content.decode()
    assert f'id="entry-{entry.pk}"' not in html  # not on the first page of the chronology
    opened = client.get(evidence_link(html, entry))
    assert f'id="entry-{entry.pk}"' in opened.content.decode()


def test_the_panel_reads_a_fixed_number_of_queries(client, baby, hospital, social_worker):
    signed_in(client, "alice")
    url = reverse("people:record", args=[baby.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    injure(baby, hospital, dt.date(2026, 10, 1))
    one = count()
    for day in (1, 3, 5):
        record_entry(
            baby, kind="ae_attendance", when=dt.date(2026, 11, day), summary="A&E", agency=hospital
        )
    for day in (2, 4):
        record_entry(
            baby, kind="not_brought", when=dt.date(2026, 11, day), summary="DNA", agency=hospital
        )
    assert Signal.objects.filter(person=baby).count() == 3
    assert count() == one


def test_a_manager_acknowledges_a_signal_and_it_joins_the_chronology(
    client, baby, hospital, manager
):
    injure(baby, hospital)
    signal = Signal.objects.get(person=baby)
    signed_in(client, "mo")
    record = client.get(reverse("people:record", args=[baby.pk])).content.decode()
    assert decide_url(signal) in record

    form = client.get(decide_url(signal))
    assert form.status_code == 200 and signal.headline in form.content.decode()
    before = AuditEntry.objects.count()
    response = client.post(
        decide_url(signal),
        {"outcome": "acknowledged", "reason": "Explained: fell against the cot side; GP saw."},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("people:record", args=[baby.pk]) + "#signals"
    signal.refresh_from_db()
    assert (signal.status, signal.decided_by) == ("acknowledged", manager)
    entry = ChronologyEntry.objects.filter(person=baby, kind="signal").latest("id")
    assert "acknowledged" in entry.summary and "cot side" in entry.summary
    assert entry.author_user == manager
    rows = AuditEntry.objects.filter(pk__gt=before, action="update", person=baby)
    assert [r.detail for r in rows] == ["safeguarding signal injury_non_mobile acknowledged"]
    page = client.get(response["Location"]).content.decode()
    assert "Decision recorded: acknowledged" in page
    decided = page[page.index('id="signals-decided"') :]
    assert "Mo Tester" in decided and "cot side" in decided
    assert "No live signals" in page


def test_action_taken_needs_a_link_and_the_refusal_changes_nothing(client, baby, hospital, manager):
    injure(baby, hospital)
    signal = Signal.objects.get(person=baby)
    signed_in(client, "mo")
    entries = ChronologyEntry.objects.count()

    for link, problem in [
        ("", "Give the link to where the action is recorded"),
        ("https://example.org/x", "Give a link within Lantern"),
        ("/\\example.org", "Give a link within Lantern"),
    ]:
        data = {"outcome": "actioned", "reason": "Strategy discussion held today.", "link": link}
        page = client.post(decide_url(signal), data).content.decode()
        assert "There is a problem" in page and problem in page
        assert 'href="#id_link"' in page

    page = client.post(decide_url(signal), {"reason": "short"}).content.decode()
    assert 'href="#id_outcome"' in page and 'id="id_outcome"' in page
    signal.refresh_from_db()
    assert signal.status == "live" and ChronologyEntry.objects.count() == entries

    done = client.post(
        decide_url(signal),
        {"outcome": "actioned", "reason": "Strategy discussion held today.", "link": "/casework/"},
    )
    assert done.status_code == 302
    signal.refresh_from_db()
    assert (signal.status, signal.action_link) == ("actioned", "/casework/")
    # Decided: the page sends the manager back to the record, where the decision shows.
    assert client.get(decide_url(signal)).status_code == 302


def test_a_social_worker_cannot_decide(client, baby, hospital, social_worker):
    injure(baby, hospital)
    signal = Signal.objects.get(person=baby)
    signed_in(client, "alice")
    assert client.get(decide_url(signal)).status_code == 403
    data = {"outcome": "acknowledged", "reason": "Nothing to worry about here."}
    assert client.post(decide_url(signal), data).status_code == 403
    signal.refresh_from_db()
    assert signal.status == "live"
    denied = AuditEntry.objects.filter(action="denied", person=baby, user=social_worker)
    assert denied.count() == 2


def test_another_teams_manager_gets_the_records_404(client, baby, hospital, make_staff, manager):
    other = make_staff("olga", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    Team.objects.filter(kind=Team.Kind.ASSESSMENT).update(manager=other)
    injure(baby, hospital)
    signal = Signal.objects.get(person=baby)
    signed_in(client, "olga")
    assert client.get(decide_url(signal)).status_code == 404
    data = {"outcome": "acknowledged", "reason": "Nothing to worry about here."}
    assert client.post(decide_url(signal), data).status_code == 404
    signal.refresh_from_db()
    assert signal.status == "live"


def test_a_signal_under_another_childs_address_is_not_found(
    client, baby, hospital, manager, make_person, social_worker, allocate
):
    sibling = make_person("Ivy", "Hart", dt.date(2024, 1, 1))
    allocate(sibling, social_worker)
    injure(baby, hospital)
    signal = Signal.objects.get(person=baby)
    signed_in(client, "mo")
    url = reverse("signals:decide", args=[sibling.pk, signal.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("signals:decide", args=[baby.pk, 999999])).status_code == 404


def test_the_chronology_reads_the_event_then_the_signal_it_raised(client, baby, hospital):
    injure(baby, hospital)
    html = signed_in(client, "alice").get(reverse("people:record", args=[baby.pk]))
    table = html.content.decode().split('id="chronology-table"')[1]
    rows = [row for row in table.split("<tr ") if "data-entry" in row]
    assert "Safeguarding signal raised" in rows[0] and "Bruise to the left cheek" in rows[1]


def test_a_manager_reading_by_a_stated_reason_sees_the_signal_but_may_not_decide(
    client, baby, hospital, make_staff, manager
):
    from lantern.access.actions import break_the_glass

    other = make_staff("olga", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    injure(baby, hospital)
    break_the_glass(baby, acting_user=other, reason="Covering the duty desk tonight")
    html = signed_in(client, "olga").get(reverse("people:record", args=[baby.pk]))
    html = html.content.decode()
    assert "Injury to a baby who is not yet mobile" in html
    assert "Record a decision" not in html
