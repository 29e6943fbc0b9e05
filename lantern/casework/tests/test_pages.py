"""The casework pages: who may open them, what they show, and that every look is recorded."""

import datetime as dt
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.casework.models import CINEpisode, StrategyDiscussion, Visit

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_the_casework_page_shows_the_journey_and_records_the_look(alice, journey, child):
    journey.to_plan()
    journey.visit(D(2026, 3, 27), words="I like my teacher")
    response = alice.get(reverse("casework:overview", args=[child.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Child protection plan" in page and "Neglect" in page
    assert "Seen alone" in page and "I like my teacher" in page
    assert "Record a review conference" in page and "Record a core group meeting" in page
    entry = AuditEntry.objects.filter(action="view_record", person=child).latest("id")
    assert (entry.user.username, entry.detail) == ("alice", "casework")


def test_the_casework_page_shows_what_the_child_said_as_text_not_markup(alice, journey, child):
    """The child's words are written by the worker: shown escaped, never run as a script."""
    journey.to_plan()
    journey.visit(D(2026, 3, 27), words='<script>alert("Dad\'s")</script>')
    page = alice.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "&lt;script&gt;alert(" in page and "<script>alert" not in page
    assert '<script>alert("Dad\'s")</script>' in unescape(page)  # and shown as typed


def test_the_casework_page_costs_the_same_few_queries_however_much_is_recorded(
    alice, journey, child
):
    journey.to_plan()
    url = reverse("casework:overview", args=[child.pk])
    with CaptureQueriesContext(connection) as few:
        alice.get(url)
    for day in range(23, 28):
        journey.visit(D(2026, 3, day))
    with CaptureQueriesContext(connection) as more:
        alice.get(url)
    assert len(more) == len(few) < 40


def test_a_worker_outside_the_team_states_a_reason_to_read_and_cannot_write(
    client, make_staff, child
):
    from lantern.access import roles
    from lantern.workforce.models import Team

    make_staff("bob", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    client.login(username="bob", password=PASSWORD)
    response = client.get(reverse("casework:overview", args=[child.pk]))
    assert response.status_code == 302 and "/reason/" in response["Location"]
    assert client.get(reverse("casework:new", args=[child.pk, "visit"])).status_code == 404
    assert not AuditEntry.objects.filter(action="view_record", person=child).exists()


def test_an_analyst_is_refused_and_it_is_recorded(client, analyst, child):
    client.login(username="pat", password=PASSWORD)
    response = client.get(reverse("casework:overview", args=[child.pk]))
    assert response.status_code == 403 and not re.search(rb"\bAmy\b", response.content)
    assert AuditEntry.objects.filter(user=analyst, action="denied").exists()


def test_an_unknown_child_or_record_is_not_found(alice, child):
    assert alice.get(reverse("casework:overview", args=[999999])).status_code == 404
    assert alice.get(reverse("casework:record", args=[child.pk, "visit", 999])).status_code == 404
    assert alice.get(reverse("casework:new", args=[child.pk, "nonsense"])).status_code == 404


def test_another_childs_record_is_not_found_under_this_child(alice, journey, make_person, allocate):
    other = make_person("Ben", "Carter")
    allocate(other, journey.worker)
    visit = journey.visit(D(2026, 3, 5), kind="cin")
    url = reverse("casework:record", args=[other.pk, "visit", visit.pk])
    assert alice.get(url).status_code == 404


def test_recording_a_visit_through_the_form(alice, child):
    url = reverse("casework:new", args=[child.pk, "visit"])
    form = alice.get(url).content.decode()
    assert "Already recorded" in form and "Amy Carter" in form
    response = alice.post(
        url,
        {
            "visited_on": "2026-03-05",
            "kind": "cin",
            "child_seen": "on",
            "seen_alone": "on",
            "child_words": "It's OK at home now",
        },
    )
    visit = Visit.objects.get(person=child)
    assert response.status_code == 302
    assert response["Location"] == visit.get_absolute_url() + "?saved=visit-new"
    assert visit.seen_alone and visit.child_words == "It's OK at home now"
    page = alice.get(response["Location"]).content.decode()
    assert "data-autosave-clear" in page and "It&#x27;s OK at home now" in page


def test_an_actions_refusal_is_shown_on_its_field(alice, child):
    url = reverse("casework:new", args=[child.pk, "visit"])
    tomorrow = timezone.localdate() + dt.timedelta(days=2)
    response = alice.post(url, {"visited_on": tomorrow.isoformat(), "kind": "cp"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "must be today or in the past" in page and "Say why the child was not seen" not in page
    response = alice.post(url, {"visited_on": "2026-03-05", "kind": "cp"})
    assert "Say why the child was not seen" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_referral_through_the_form_opens_the_episode(alice, child):
    response = alice.post(
        reverse("casework:new", args=[child.pk, "episode"]),
        {
            "referral_date": "2026-03-02",
            "referral_source": "6",
            "referral_reason": "Police: domestic abuse incident, child present",
            "harm_suspected": "on",
        },
    )
    episode = CINEpisode.objects.get(person=child)
    assert response.status_code == 302 and episode.harm_suspected


def test_a_step_no_longer_available_sends_you_back(alice, journey, manager):
    from lantern.casework import actions

    journey.refer()
    assessment = journey.assess()
    actions.authorise_assessment(
        assessment, acting_user=manager, authorised_date=D(2026, 3, 20), expected_version=1
    )
    url = reverse("casework:change", args=[journey.child.pk, "assessment", assessment.pk, "edit"])
    response = alice.get(url)
    assert response.status_code == 302 and response["Location"] == assessment.get_absolute_url()


def test_a_social_worker_cannot_open_the_authorise_page(alice, journey):
    journey.refer()
    assessment = journey.assess()
    url = reverse(
        "casework:change", args=[journey.child.pk, "assessment", assessment.pk, "authorise"]
    )
    assert alice.get(url).status_code == 403


def test_the_person_record_links_to_the_casework(alice, child):
    page = alice.get(reverse("people:record", args=[child.pk])).content.decode()
    assert reverse("casework:overview", args=[child.pk]) in page


def test_the_timescales_page_lists_the_rules_for_anyone_signed_in(alice):
    page = alice.get(reverse("clocks:timescales")).content.decode()
    assert "Child protection visit" in page and "10 working days" in page
    assert "Change a local interval" not in page


def test_each_look_records_why_the_worker_may_look(alice, journey, child):
    visit = journey.visit(D(2026, 3, 27), kind="other")
    alice.get(reverse("casework:overview", args=[child.pk]))
    alice.get(reverse("casework:record", args=[child.pk, "visit", visit.pk]))
    alice.get(reverse("casework:new", args=[child.pk, "visit"]))
    looks = AuditEntry.objects.filter(action="view_record", person=child).order_by("id")
    assert [(e.detail, e.purpose) for e in looks] == [
        ("casework", "allocated worker"),
        ("visit", "allocated worker"),
        ("form visit-new", "allocated worker"),
    ]


def test_a_failed_save_shows_the_child_again_and_records_the_look(alice, child):
    response = alice.post(reverse("casework:new", args=[child.pk, "visit"]), {"kind": "cin"})
    assert response.status_code == 200 and b"Amy" in response.content
    entry = AuditEntry.objects.get(action="view_record", person=child)
    assert (entry.detail, entry.purpose) == ("form visit-new", "allocated worker")


def test_an_agency_id_too_large_for_the_database_is_not_a_valid_choice(alice, journey, child):
    journey.refer()
    journey.assess()
    response = alice.post(
        reverse("casework:new", args=[child.pk, "strategy-discussion"]),
        {"held_on": "2026-03-03", "decision": "s47", "agencies": ["9" * 25]},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not StrategyDiscussion.objects.exists()


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("\u201cDad shouts at night\u201d", "\u201cDad shouts at night\u201d"),
        ('"Dad shouts at night"', '"Dad shouts at night"'),
        ("Dad shouts at night", "\u201cDad shouts at night\u201d"),
    ],
)
def test_the_childs_words_are_kept_as_typed_and_quoted_once(alice, child, typed, shown):
    """The form once asked for quotation marks and every display added its own: the words
    came out in two pairs. Now they are stored as typed and shown in one pair."""
    from lantern.chronology.models import ChronologyEntry

    alice.post(
        reverse("casework:new", args=[child.pk, "visit"]),
        {
            "visited_on": "2026-03-05",
            "kind": "cin",
            "child_seen": "on",
            "seen_alone": "on",
            "child_words": typed,
        },
    )
    visit = Visit.objects.get(person=child)
    assert visit.child_words == typed
    entry = ChronologyEntry.objects.get(person=child, kind="visit")
    assert entry.summary.endswith(f"The child said: {shown}")
    # As a reader sees the text: Django and Jinja2 write a quotation mark's entity differently.
    overview = unescape(alice.get(reverse("casework:overview", args=[child.pk])).content.decode())
    assert shown in overview
    record = unescape(alice.get(reverse("people:record", args=[child.pk])).content.decode())
    assert shown in record
    for page in (overview, record):
        assert f"\u201c{typed}\u201d" not in page or typed == "Dad shouts at night"
