"""Scoring is kept between looks at the same contact, and never outlives a change to what it
read: a MASH contact is opened many times while it waits, and a stale list of candidates
at the front door is the failure Lantern exists to prevent."""

import datetime as dt

import pytest

from lantern.people import actions as people_actions
from lantern.people.matching import IncomingPerson, engine, find_candidates

pytestmark = pytest.mark.django_db
D = dt.date
LOOKED_FOR = IncomingPerson(
    first_name="Kayden", last_name="Ferreira", date_of_birth=D(2015, 6, 21), postcode="N17 6AB"
)


@pytest.fixture
def scorings(monkeypatch):
    """How many times candidates were scored (not merely found)."""
    calls = []
    score = engine._score

    def counted(*inputs):
        calls.append(inputs[3])
        return score(*inputs)

    monkeypatch.setattr(engine, "_score", counted)
    return calls


def summary(found):
    return [(c.person_id, c.score, c.explanation) for c in found]


def test_the_same_index_is_scored_once_and_gives_the_same_candidates(
    borough, make_person, live_at, scorings
):
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    live_at(child, "N17 6AB")
    first = find_candidates(LOOKED_FOR)
    again = find_candidates(LOOKED_FOR)
    assert len(scorings) == 1
    assert summary(again) == summary(first)
    assert again[0].person_id == child.pk
    # What the caller is handed is its own: changing it cannot change the next page.
    again[0].comparisons[0].detail = "edited"
    assert summary(find_candidates(LOOKED_FOR)) == summary(first)


def test_a_correction_to_a_candidate_is_scored_afresh(
    borough, make_person, live_at, social_worker, scorings
):
    child = make_person("Kayden", "Ferreira", D(2015, 6, 12))  # day and month keyed wrongly
    live_at(child, "N17 6AB")
    before = find_candidates(LOOKED_FOR)[0]
    people_actions.correct_details(child, acting_user=social_worker, date_of_birth=D(2015, 6, 21))
    after = find_candidates(LOOKED_FOR)[0]
    assert len(scorings) == 2
    assert after.person_id == child.pk
    assert after.score > before.score
    assert "date of birth" in after.explanation and after.explanation != before.explanation


def test_a_name_or_number_added_to_a_candidate_is_scored_afresh(
    borough, make_person, social_worker, police, scorings
):
    child = make_person("Kayden", "Smith", D(2015, 6, 21), nhs_number="9434765919")
    incoming = IncomingPerson(first_name="Kay", last_name="Ferreira", date_of_birth=D(2015, 6, 21))
    before = find_candidates(incoming)[0]
    people_actions.add_name(
        child, acting_user=social_worker, kind="alias", first_name="Kay",
        last_name="Ferreira", agency=police,
    )  # fmt: skip
    after = find_candidates(incoming)[0]
    assert after.person_id == child.pk and after.score > before.score
    assert "alias used by Metropolitan Police" in after.explanation
    with_number = IncomingPerson(**{**vars(incoming), "nhs_number": "9434765919"})
    assert "NHS number matches" in find_candidates(with_number)[0].explanation
    assert len(scorings) == 3


def test_a_person_registered_a_moment_ago_is_offered_at_the_next_look(
    borough, make_person, live_at, scorings
):
    assert all(c.score < 0.5 for c in find_candidates(LOOKED_FOR))
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    live_at(child, "N17 6AB")
    assert find_candidates(LOOKED_FOR)[0].person_id == child.pk
    assert child.pk in scorings[-1]
