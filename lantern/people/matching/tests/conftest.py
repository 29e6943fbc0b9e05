"""Helpers for the matching tests: people with addresses, and incoming records."""

import datetime as dt

import pytest

from lantern.people.models import Address, PersonAddress


@pytest.fixture
def live_at(db):
    def move(person, postcode: str, start=dt.date(2020, 1, 1), end=None):
        address = Address.objects.create(line_1="1 High Road", town="London", postcode=postcode)
        return PersonAddress.objects.create(person=person, address=address, start=start, end=end)

    return move


@pytest.fixture
def borough(make_person, live_at):
    """A few people who are *not* the ones being looked for, so every search competes."""
    people = [
        make_person("Amy", "Smith", dt.date(2016, 5, 4), sex="F"),
        make_person("Jamal", "Osei", dt.date(2015, 2, 11), sex="M"),
        make_person("Grace", "Taylor", dt.date(2017, 9, 30), sex="F"),
        make_person("Leo", "Brown", dt.date(2014, 7, 1), sex="M"),
        make_person("Mia", "Wilson", dt.date(2016, 4, 5), sex="F"),
    ]
    for person, postcode in zip(
        people, ["N17 6AB", "N15 4QT", "N22 5XY", "N17 9LL", "N4 2AA"], strict=True
    ):
        live_at(person, postcode)
    return people
