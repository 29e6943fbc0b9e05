import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from lantern.chronology.models import ChronologyEntry
from lantern.people import actions, queries
from lantern.people.models import Address, Household, Relationship

MOVE_IN = dt.date(2025, 3, 14)
NOBODY = AnonymousUser()  # no restricted records here: the viewer changes nothing


@pytest.fixture
def family(make_person, social_worker, council):
    home = Household.objects.create(
        address=Address.objects.create(line_1="12 Example Road", town="London", postcode="N17 0AA")
    )
    mother = make_person("Lisa", "Carter", dt.date(1990, 1, 2), sex="F")
    amy = make_person("Amy", "Carter", dt.date(2015, 6, 1), sex="F")
    ben = make_person("Ben", "Carter", dt.date(2019, 9, 9), sex="M")
    for p in (mother, amy, ben):
        actions.move_into_household(
            p, home, acting_user=social_worker, start=dt.date(2019, 9, 9), agency=council
        )
    return home, mother, amy, ben


def test_it_shows_a_new_adult_on_every_child_from_the_move_in_date(
    family, make_person, social_worker, police
):
    home, _mother, amy, ben = family
    partner = make_person("Steve", "Doyle", dt.date(1985, 4, 4), sex="M")
    actions.move_into_household(
        partner, home, acting_user=social_worker, start=MOVE_IN, agency=police
    )
    for child in (amy, ben):
        before, _ = queries.household_of(child, MOVE_IN - dt.timedelta(days=1), viewer=NOBODY)
        on_the_day, _ = queries.household_of(child, MOVE_IN, viewer=NOBODY)
        assert partner not in [m.person for m in before]
        assert partner in [m.person for m in on_the_day]
        since = next(m.since for m in on_the_day if m.person == partner)
        assert since == MOVE_IN


def test_it_writes_the_move_in_to_each_childs_chronology(
    family, make_person, social_worker, police
):
    home, mother, amy, ben = family
    partner = make_person("Steve", "Doyle", dt.date(1985, 4, 4), sex="M")
    actions.move_into_household(
        partner, home, acting_user=social_worker, start=MOVE_IN, agency=police
    )
    entries = ChronologyEntry.objects.filter(
        kind="household_change", summary__startswith="Steve Doyle"
    )
    assert sorted(e.person_id for e in entries) == sorted([mother.pk, amy.pk, ben.pk])
    assert all("Steve Doyle moved into the household" in e.summary for e in entries)
    assert all(e.agency == police for e in entries)


def test_someone_who_left_moves_to_previous_household(family, make_person, social_worker, council):
    home, _mother, amy, _ben = family
    partner = make_person("Steve", "Doyle", dt.date(1985, 4, 4), sex="M")
    stay = actions.move_into_household(
        partner, home, acting_user=social_worker, start=MOVE_IN, agency=council
    )
    actions.leave_household(stay, acting_user=social_worker, end=dt.date(2025, 8, 1))
    current, previous = queries.household_of(amy, dt.date(2025, 9, 1), viewer=NOBODY)
    assert partner not in [m.person for m in current]
    assert [m.person for m in previous] == [partner]
    assert previous[0].until == dt.date(2025, 8, 1)


def test_a_child_born_after_an_adult_left_never_lived_with_them(
    family, make_person, social_worker, council
):
    home, _mother, _amy, _ben = family
    lodger = make_person("Tom", "Lodge", dt.date(1970, 1, 1))
    stay = actions.move_into_household(
        lodger, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    actions.leave_household(stay, acting_user=social_worker, end=dt.date(2020, 6, 1))
    baby = make_person("Cara", "Carter", dt.date(2024, 1, 1))
    actions.move_into_household(
        baby, home, acting_user=social_worker, start=dt.date(2024, 1, 1), agency=council
    )
    current, previous = queries.household_of(baby, dt.date(2024, 2, 1), viewer=NOBODY)
    assert lodger not in [m.person for m in current + previous]


def test_a_relationship_shows_on_both_records(family, social_worker):
    _home, mother, amy, _ben = family
    actions.record_relationship(amy, mother, Relationship.Kind.MOTHER, acting_user=social_worker)
    assert [(r.relative, r.kind) for r in queries.relationships_of(amy, viewer=NOBODY)] == [
        (mother, "mother")
    ]
    assert [(r.relative, r.kind) for r in queries.relationships_of(mother, viewer=NOBODY)] == [
        (amy, "child")
    ]
    current, _ = queries.household_of(amy, dt.date(2025, 1, 1), viewer=NOBODY)
    assert {m.person: m.relationship for m in current}[mother] == "Mother"
