"""``__any`` (``lantern.long_lists``): the same rows as ``__in``, one array on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.people.models import Person, PersonName

pytestmark = pytest.mark.django_db


def test_it_finds_what_in_finds_for_ids_foreign_keys_and_text(make_person):
    amy, ben, cat = (
        make_person(n, s) for n, s in [("Amy", "Carter"), ("Ben", "Ode"), ("Cat", "Li")]
    )
    wanted = [amy.pk, cat.pk, None, amy.pk, 10**12]

    assert set(Person.objects.filter(pk__any=wanted)) == {amy, cat}
    assert set(
        PersonName.objects.filter(person_id__any=wanted).values_list("last_name", flat=True)
    ) == {"Carter", "Li"}
    assert set(Person.objects.filter(last_name__any={"Ode", "Li", "Nobody"})) == {ben, cat}
    assert list(Person.objects.filter(pk__any=wanted).exclude(pk__any=[cat.pk])) == [amy]


def test_a_long_list_is_one_value_on_postgresql(make_person):
    people = [make_person("Amy", f"Carter{i}") for i in range(3)]
    ids = [p.pk for p in people] + list(range(10**9, 10**9 + 500))

    with CaptureQueriesContext(connection) as captured:
        found = list(Person.objects.filter(pk__any=ids))

    assert set(found) == set(people)
    sql = captured[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql and " IN (" not in sql
    else:
        assert " IN (" in sql


def test_an_empty_list_matches_nothing_without_asking(make_person):
    make_person()
    with CaptureQueriesContext(connection) as captured:
        assert list(Person.objects.filter(pk__any=[])) == []
        assert list(Person.objects.filter(pk__any=[None])) == []
    assert len(captured) == 0


def test_a_subquery_is_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="use __in for a subquery"):
        list(Person.objects.filter(pk__any=Person.objects.values("pk")))
