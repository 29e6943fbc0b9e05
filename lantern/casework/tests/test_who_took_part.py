"""Who took part: a strategy discussion's agencies (police and health, or the reason why
not) and immediate protection; a conference's attendance and the child's wishes (issue 9
§4). Each refusal names the field and saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.agencies.models import Agency
from lantern.casework.models import Conference, StrategyDiscussion
from lantern.casework.tests.journey import attendance_posted
from lantern.chronology.models import ChronologyEntry

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return Agency.objects.create(code="school", name="Park Lane Primary", kind="education")


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(*args, **kwargs)
    assert list(refusal.value.message_dict) == [field]
    return refusal.value.message_dict[field][0]


# Strategy discussions.


def test_a_discussion_with_no_agencies_is_refused(journey):
    journey.refer()
    message = refused_on("agencies", journey.strategy, agencies=[])
    assert message == "Choose the agencies that took part in the discussion"
    assert not StrategyDiscussion.objects.exists()


def test_a_discussion_without_health_needs_the_reason(journey, police, council):
    journey.refer()
    message = refused_on("why_not_police_and_health", journey.strategy, agencies=[police, council])
    assert message == "No health agency took part: say why, or add the agency"
    talk = journey.strategy(
        agencies=[police, council],
        why_not_police_and_health="Paediatrician on call could not join; GP gave information",
    )
    assert talk.why_not_police_and_health.startswith("Paediatrician")


def test_a_discussion_without_police_or_health_names_both(journey, council, school):
    journey.refer()
    message = refused_on(
        "why_not_police_and_health", journey.strategy, agencies=[council, school.pk]
    )
    assert message.startswith("No police or health agency took part")


def test_a_discussion_with_police_and_health_needs_no_reason(journey, hospital, police):
    journey.refer()
    talk = journey.strategy(agencies=[police, hospital])
    assert set(talk.agencies.all()) == {police, hospital}


def test_immediate_protection_is_recorded_and_told_in_the_chronology(journey, child):
    journey.refer(D(2026, 3, 2))
    talk = journey.strategy(
        D(2026, 3, 3),
        police_protection_on=D(2026, 3, 2),
        emergency_protection_order_on=D(2026, 3, 4),
    )
    assert talk.immediate_protection == [
        "police protection (s46) from 2 March 2026",
        "emergency protection order (s44) made 4 March 2026",
    ]
    entry = ChronologyEntry.objects.get(person=child, kind="strategy_discussion")
    assert "Immediate protection: police protection (s46) from 2 March 2026" in entry.summary


def test_immediate_protection_in_the_future_is_refused(journey):
    journey.refer()
    refused_on(
        "emergency_protection_order_on",
        journey.strategy,
        emergency_protection_order_on=D(2026, 11, 25),
    )


def test_the_discussion_form_shows_the_missing_reason_and_the_record_shows_protection(
    client, journey, child, police, council
):
    journey.refer()
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "strategy-discussion"])
    data = {
        "held_on": "2026-03-03",
        "decision": "s47",
        "agencies": [police.pk, council.pk],
        "police_protection_on": "2026-03-02",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["why_not_police_and_health"] == [
        "No health agency took part: say why, or add the agency"
    ]
    response = client.post(url, {**data, "why_not_police_and_health": "Health not reached"})
    assert response.status_code == 302
    talk = StrategyDiscussion.objects.get(person=child)
    page = client.get(talk.get_absolute_url()).content.decode()
    assert "Police protection (section 46) from" in page and "2 March 2026" in page
    assert "Health not reached" in page


def test_the_discussion_form_requires_the_agencies(client, journey, child):
    journey.refer()
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "strategy-discussion"])
    response = client.post(url, {"held_on": "2026-03-03", "decision": "s47"})
    assert response.context["form"].errors["agencies"] == [
        "Choose the agencies that took part in the discussion"
    ]


# Conference attendance (the ICPC on 20 March 2026 unless said otherwise).


def to_icpc(journey):
    journey.refer()
    journey.strategy()
    journey.s47()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"parents_attendance": ""}, "parents_attendance", "Say whether the parents attended"),
        ({"parents_attendance": "some"}, "parents_absence_reason", "Say why a parent"),
        ({"child_participation": "maybe"}, "child_participation", "Say how the child"),
        ({"child_wishes": "  "}, "child_wishes", "Record the child's wishes"),
        ({"agencies_invited": []}, "agencies_invited", "Choose the agencies invited"),
        ({"reports_shared": None}, "reports_shared", "Say whether reports were shared"),
        (
            {"reports_shared_on": D(2026, 3, 21)},
            "reports_shared_on",
            "Reports shared on 21 March 2026 were not shared before the conference on "
            "20 March 2026",
        ),
    ],
)
def test_an_incomplete_attendance_is_refused_on_its_field(journey, changes, field, message):
    to_icpc(journey)
    refusal = refused_on(field, journey.icpc, **changes)
    assert refusal.startswith(message)
    assert not Conference.objects.exists()


def test_an_agency_attending_must_have_been_invited(journey, police, hospital, school):
    to_icpc(journey)
    message = refused_on(
        "agencies", journey.icpc, agencies=[police, school], agencies_invited=[police, hospital]
    )
    assert message.startswith("Park Lane Primary took part but is not among the agencies invited")


def test_reports_shared_needs_its_date(journey):
    to_icpc(journey)
    refused_on("reports_shared_on", journey.icpc, reports_shared=True, reports_shared_on=None)


def test_a_baby_too_young_to_take_part_needs_no_words(journey, police):
    to_icpc(journey)
    held = journey.icpc(
        child_participation="too_young",
        child_wishes="",
        parents_attendance="none",
        parents_absence_reason="Father in custody; mother declined",
        agencies=[police],
        reports_shared=False,
    )
    assert (held.child_participation, held.reports_shared, held.reports_shared_on) == (
        "too_young",
        False,
        None,
    )
    assert list(held.agencies.all()) == [police]
    assert len(held.agencies_invited.all()) == 2


def test_a_review_conference_records_attendance_too(journey):
    journey.to_plan()
    refused_on("parents_attendance", journey.review, D(2026, 6, 19), parents_attendance="")
    review = journey.review(D(2026, 6, 19), advocate="Jo Bloggs, Coram Voice")
    assert review.advocate == "Jo Bloggs, Coram Voice"


def test_the_conference_form_asks_and_the_record_shows_attendance(client, journey, child, iro):
    to_icpc(journey)
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "icpc"])
    page = client.get(url).content.decode()
    for question in ("Did the parents attend?", "How did the child take part?", "Agencies invited"):
        assert question in page
    data = {
        "section47": journey.enquiry.pk,
        "held_on": "2026-03-20",
        "chair": iro.pk,
        "decision": "no_plan",
        **attendance_posted("2026-03-20", parents_attendance="some"),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["parents_absence_reason"] == [
        "Say why a parent did not attend"
    ]
    data["parents_absence_reason"] = "Father was not told of the conference"
    assert client.post(url, data).status_code == 302
    held = Conference.objects.get(person=child)
    page = client.get(held.get_absolute_url()).content.decode()
    assert "One parent attended, the other did not" in page
    assert "Father was not told of the conference" in page
    assert "wants Dad to stop shouting" in page
    assert "18 March 2026" in page  # reports shared two days before
