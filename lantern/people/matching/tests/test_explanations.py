"""Every candidate says, field by field and in words, what agreed and what did not."""

import datetime as dt

import pytest

from lantern.people.matching import IncomingPerson, find_candidates

pytestmark = pytest.mark.django_db


def test_it_explains_each_field_that_agreed_or_differed(make_person, live_at):
    child = make_person("Elizabeth", "Nowak", dt.date(2015, 3, 7), sex="F")
    live_at(child, "N17 6AB")
    found = find_candidates(
        IncomingPerson(
            first_name="Beth", last_name="Nowak", date_of_birth=dt.date(2015, 7, 3),
            sex="F", postcode="N15 4QT",
        )
    )[0]  # fmt: skip
    by_field = {c.field: c for c in found.comparisons}
    assert by_field["first_name"].outcome == "close"
    assert "first name Beth is another form of Elizabeth" in found.explanation
    assert by_field["last_name"].outcome == "agrees"
    assert by_field["date_of_birth"].detail == "date of birth matches with day and month swapped"
    assert by_field["sex"].outcome == "agrees"
    assert by_field["postcode"].detail == "postcode differs: N15 vs N17"
    assert by_field["nhs_number"].outcome == "missing"
    assert by_field["last_name"].weight > 0 > by_field["postcode"].weight


def test_it_says_which_address_and_what_typo(make_person, live_at):
    child = make_person("Kacper", "Wisniewski", dt.date(2012, 10, 1), sex="M")
    live_at(child, "N22 5XY", start=dt.date(2015, 1, 1), end=dt.date(2019, 12, 31))
    live_at(child, "N4 2AA", start=dt.date(2020, 1, 1))
    found = find_candidates(
        IncomingPerson(first_name="Kacper", last_name="Wisniewsky", date_of_birth=dt.date(2012, 10, 1), postcode="N22 5XY")  # noqa: E501
    )[0]  # fmt: skip
    assert "surname Wisniewsky is one keystroke from Wisniewski" in found.explanation
    assert "postcode matches a previous address (N22 5XY)" in found.explanation


def test_it_explains_swapped_names(make_person):
    child = make_person("Ayo", "Bello", dt.date(2018, 6, 1), sex="M")
    found = find_candidates(
        IncomingPerson(first_name="Bello", last_name="Ayo", date_of_birth=dt.date(2018, 6, 1))
    )[0]
    assert found.person_id == child.pk
    assert "first and last names are the other way round" in found.explanation


def test_it_explains_why_a_twin_scores_low(make_person, live_at):
    twin = make_person("Ayo", "Bello", dt.date(2018, 6, 1), sex="M")
    live_at(twin, "N17 9LL")
    found = find_candidates(
        IncomingPerson(first_name="Tunde", last_name="Bello", date_of_birth=dt.date(2018, 6, 1), postcode="N17 9LL")  # noqa: E501
    )[0]  # fmt: skip
    assert "first name differs: Tunde vs Ayo" in found.explanation
    assert "pattern of twins or siblings" in found.explanation
    household = next(c for c in found.comparisons if c.field == "household")
    assert household.weight < -5


def test_a_child_whose_first_name_agrees_is_never_called_a_twin(make_person, live_at):
    """Everything agrees, so the household correction may still weigh something, but telling
    the officer "another first name" about a child with the same first name is wrong."""
    child = make_person("Ayo", "Bello", dt.date(2018, 6, 1), sex="M")
    live_at(child, "N17 9LL")
    found = find_candidates(
        IncomingPerson(first_name="Ayo", last_name="Bello", date_of_birth=dt.date(2018, 6, 1), sex="M", postcode="N17 9LL")  # noqa: E501
    )[0]  # fmt: skip
    assert found.person_id == child.pk
    assert round(found.score * 100) == 100
    assert "first name Ayo matches the first name" in found.explanation
    assert "twins or siblings" not in found.explanation
    assert "another first name" not in found.explanation
