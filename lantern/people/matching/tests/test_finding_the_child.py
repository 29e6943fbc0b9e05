"""The engine finds the right child through each kind of error the front door sees, and
does not take a twin or sibling for the child."""

import datetime as dt

import pytest

from lantern.people import actions as people_actions
from lantern.people.matching import IncomingPerson, find_candidates
from lantern.people.matching.model import default_model

pytestmark = pytest.mark.django_db
D = dt.date


def best(incoming: IncomingPerson):
    found = find_candidates(incoming)
    assert found, "no candidate at all"
    return found[0]


@pytest.mark.parametrize(
    ("held", "incoming"),
    [
        # typos
        (("Victoria", "Climbie", D(2012, 11, 2)), ("Victoria", "Cilmbie", D(2012, 11, 2))),
        (("Jonathan", "Okonkwo", D(2013, 3, 21)), ("Jonathon", "Okonkow", D(2013, 3, 21))),
        # nicknames
        (("Robert", "Jones", D(2011, 6, 14)), ("Bobby", "Jones", D(2011, 6, 14))),
        (("Elizabeth", "Kowalski", D(2015, 1, 20)), ("Beth", "Kowalski", D(2015, 1, 20))),
        (("Mohammed", "Rahman", D(2010, 8, 3)), ("Mo", "Rahman", D(2010, 8, 3))),
        # first and last names swapped, once with a typo as well
        (("Kwame", "Mensah", D(2014, 12, 5)), ("Mensah", "Kwame", D(2014, 12, 5))),
        (("Daniela", "Popescu", D(2012, 2, 27)), ("Popescu", "Danela", D(2012, 2, 27))),
        # day and month transposed; one year out
        (("Harvey", "Gallagher", D(2016, 3, 9)), ("Harvey", "Gallagher", D(2016, 9, 3))),
        (("Zainab", "Adeyemi", D(2009, 10, 17)), ("Zainab", "Adeyemi", D(2008, 10, 17))),
        # hyphenated and double surnames, given in part
        (("Lily", "Smith-Okafor", D(2017, 4, 2)), ("Lily", "Okafor", D(2017, 4, 2))),
        (("Ana", "Garcia Lopez", D(2013, 7, 8)), ("Ana", "Garcia", D(2013, 7, 8))),
    ],
)
def test_it_finds_the_child_through_the_error(borough, make_person, held, incoming):
    child = make_person(*held)
    first, last, born = incoming
    found = best(IncomingPerson(first_name=first, last_name=last, date_of_birth=born))
    assert found.person_id == child.pk
    assert found.score >= default_model().link_threshold, found.explanation


def test_it_finds_the_child_by_an_alias_an_agency_uses(borough, make_person, social_worker, police):
    child = make_person("Daniel", "Brown", D(2010, 1, 15), sex="M")
    people_actions.add_name(
        child, acting_user=social_worker, kind="alias", first_name="Danny",
        last_name="Black", agency=police,
    )  # fmt: skip
    found = best(
        IncomingPerson(first_name="Danny", last_name="Black", date_of_birth=D(2010, 1, 15))
    )
    assert found.person_id == child.pk
    assert "surname matches an alias used by Metropolitan Police" in found.explanation


def test_it_finds_the_child_by_nhs_number_whatever_the_name(borough, make_person):
    child = make_person("Tiana", "Roberts", D(2018, 2, 2), nhs_number="9434765919")
    found = best(IncomingPerson(first_name="T", last_name="Robert", nhs_number="943 476 5919"))
    assert found.person_id == child.pk
    assert "NHS number matches" in found.explanation


@pytest.mark.parametrize(
    ("surname", "born", "looked_for", "twin"),
    [
        ("Smith", D(2016, 5, 4), "Jack", "Oliver"),
        ("Khan", D(2019, 11, 23), "Amelia", "Isla"),
        ("Okafor", D(2012, 1, 9), "Noah", "Chidi"),
    ],
)
def test_it_does_not_take_a_twin_for_the_child(
    make_person, live_at, surname, born, looked_for, twin
):
    other = make_person(twin, surname, born)
    live_at(other, "N17 6AB")
    incoming = IncomingPerson(
        first_name=looked_for, last_name=surname, date_of_birth=born, postcode="N17 6AB"
    )
    # The child looked for is not in the index: the twin must not be linked instead.
    for candidate in find_candidates(incoming):
        assert candidate.score < default_model().link_threshold, candidate.explanation
    # With both twins in the index, the right one comes first and the other scores low.
    child = make_person(looked_for, surname, born)
    live_at(child, "N17 6AB")
    found = find_candidates(incoming)
    assert found[0].person_id == child.pk
    assert all(c.score < 0.01 for c in found[1:] if c.person_id == other.pk)


def test_it_does_not_link_a_namesake_born_on_another_day(make_person, live_at):
    held = make_person("Mohammed", "Ali", D(2011, 3, 14))
    live_at(held, "N15 3AA")
    incoming = IncomingPerson(
        first_name="Mohammed", last_name="Ali", date_of_birth=D(2014, 8, 29), postcode="E17 4PP"
    )
    assert all(c.score < default_model().link_threshold for c in find_candidates(incoming))


def test_it_looks_up_in_the_same_number_of_queries_however_many_candidates(borough, make_person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    incoming = IncomingPerson(first_name="Amy", last_name="Smith", date_of_birth=D(2016, 5, 4))
    find_candidates(incoming)  # the index size is cached after the first look-up
    with CaptureQueriesContext(connection) as few:
        find_candidates(incoming)
    for n in range(8):
        make_person(["Amy", "Aimee", "Amie", "Ami"][n % 4], "Smith", D(2016, 5, 4 + n % 3))
    with CaptureQueriesContext(connection) as many:
        assert len(find_candidates(incoming, limit=20)) > 8
    assert len(many) == len(few) <= 10
