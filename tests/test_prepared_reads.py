"""Prepared reads (``lantern.prepared``): SQL written once, the same answers as Django's."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern import prepared as p
from lantern.people import actions
from lantern.people.models import Person, PersonName

pytestmark = pytest.mark.django_db


@p.prepared
def names_of(person_id):
    return (
        PersonName.objects.filter(person_id=person_id)
        .select_related("agency")
        .order_by("kind", "pk")
    )


@p.prepared
def surnames_of(person_id):
    return PersonName.objects.filter(person_id=person_id).values_list("last_name", flat=True)


def test_each_call_reads_its_own_child_with_one_statement_and_related_rows(
    make_person, social_worker, police
):
    amy, ben = make_person("Amy", "Carter"), make_person("Ben", "Okafor")
    actions.add_name(
        amy,
        acting_user=social_worker,
        kind=PersonName.Kind.VARIANT,
        first_name="Aimee",
        last_name="Karter",
        agency=police,
    )
    names_of(ben.pk)  # compiled on a first call for someone else

    with CaptureQueriesContext(connection) as captured:
        amys = names_of(amy.pk)
    bens = names_of(ben.pk)

    assert len(captured) == 1
    assert amys == list(
        PersonName.objects.filter(person=amy).select_related("agency").order_by("kind", "pk")
    )
    assert {n.last_name for n in amys} == {"Carter", "Karter"}
    assert [n.agency.name for n in amys if n.last_name == "Karter"] == ["Metropolitan Police"]
    assert [n.last_name for n in bens] == ["Okafor"]
    assert sorted(surnames_of(amy.pk)) == ["Carter", "Karter"]


def test_a_new_row_is_seen_at_once_since_only_the_sql_is_kept(make_person, social_worker):
    amy = make_person("Amy", "Carter")
    assert surnames_of(amy.pk) == ["Carter"]
    actions.add_name(
        amy,
        acting_user=social_worker,
        kind=PersonName.Kind.VARIANT,
        first_name="A",
        last_name="Karter",
    )
    assert sorted(surnames_of(amy.pk)) == ["Carter", "Karter"]


def test_dates_are_values_too(make_person):
    amy = make_person("Amy", "Carter", born=dt.date(2015, 6, 1))

    @p.prepared
    def born_by(day):
        return Person.objects.filter(pk=amy.pk, date_of_birth__lte=day).values_list(
            "first_name", flat=True
        )

    assert born_by(dt.date(2015, 6, 1)) == ["Amy"]
    assert born_by(dt.date(2015, 5, 31)) == []


def test_a_read_that_depends_on_anything_but_its_arguments_fails_under_test(make_person):
    amy, ben = make_person("Amy", "Carter"), make_person("Ben", "Okafor")
    chosen = {"pk": amy.pk}

    @p.prepared
    def sneaky(not_this_id):
        return (
            Person.objects.filter(pk=chosen["pk"])
            .exclude(pk=not_this_id)
            .values_list("first_name", flat=True)
        )

    assert sneaky(10**12) == ["Amy"]
    chosen["pk"] = ben.pk
    with pytest.raises(AssertionError, match="depends on more than its arguments"):
        sneaky(10**12)


def test_values_that_would_change_the_sql_are_refused(make_person):
    amy = make_person("Amy", "Carter")

    @p.prepared
    def among(ids):
        return Person.objects.filter(pk__in=ids)

    @p.prepared
    def with_prefetch(person_id):
        return Person.objects.filter(pk=person_id).prefetch_related("names")

    with pytest.raises(p.PreparedReadError, match="ids, dates and sets of ids or words"):
        among([amy.pk])
    with pytest.raises(p.PreparedReadError, match="ids, dates and sets of ids or words"):
        surnames_of(True)
    with pytest.raises(p.PreparedReadError, match="ids, dates and sets of ids or words"):
        among({amy.pk, "Amy"})
    with pytest.raises(p.PreparedReadError, match="prefetch_related"):
        with_prefetch(amy.pk)


def test_more_values_than_a_read_has_stand_ins_for_are_refused_by_name(make_person):
    """Each value is found in the SQL by a stand-in of its own, sixteen of each kind: a
    seventeenth is refused with the read's name, not an IndexError from inside."""
    amy = make_person("Amy", "Carter")

    @p.prepared
    def any_of(*ids):
        return Person.objects.filter(pk__in=list(ids))

    assert [x.pk for x in any_of(*range(amy.pk, amy.pk + p.MOST_VALUES))] == [amy.pk]
    with pytest.raises(p.PreparedReadError, match="at most 16 values, not 17"):
        any_of(*range(amy.pk, amy.pk + p.MOST_VALUES + 1))


def test_an_argument_that_never_reaches_the_sql_is_refused(make_person):
    amy = make_person("Amy", "Carter")

    @p.prepared
    def ignores(person_id):
        return Person.objects.filter(pk=amy.pk)

    with pytest.raises(p.PreparedReadError, match="does not reach the SQL"):
        ignores(amy.pk)


def test_a_first_call_runs_one_statement_too(make_person):
    amy = make_person("Amy", "Carter")

    @p.prepared
    def first_names(person_id):
        return Person.objects.filter(pk=person_id).values_list("first_name", flat=True)

    with CaptureQueriesContext(connection) as captured:
        assert first_names(amy.pk) == ["Amy"]
    assert len(captured) == 1


@p.prepared
def first_names_among(ids, born_by):
    return (
        Person.objects.filter(pk__any=ids, date_of_birth__lte=born_by)
        .order_by("first_name")
        .values_list("first_name", flat=True)
    )


def test_a_set_of_ids_is_one_value_whatever_its_size(make_person):
    people = [make_person(n, "Carter", born=dt.date(2015, 6, 1)) for n in ("Amy", "Ben", "Cal")]
    day = dt.date(2016, 1, 1)
    first_names_among(frozenset({people[0].pk}), day)  # compiled for one id

    with CaptureQueriesContext(connection) as captured:
        three = first_names_among(frozenset(p.pk for p in people), day)
    assert three == ["Amy", "Ben", "Cal"]
    assert len(captured) == 1
    assert first_names_among({people[1].pk, 10**9}, day) == ["Ben"]
    assert first_names_among({people[1].pk}, dt.date(2015, 5, 31)) == []
    with CaptureQueriesContext(connection) as captured:
        assert first_names_among(frozenset(), day) == []
    assert len(captured) == 0  # nothing can match: Django asks nothing, nor does this


def test_a_reads_statement_can_be_run_inside_another_with_the_same_answers(make_person):
    """``statement`` hands out the SQL and values a read runs, for reads joined into one
    statement (``chronology.queries.sources_of``): the same rows, whatever the values."""
    people = [make_person(n, "Carter", born=dt.date(2015, 6, 1)) for n in ("Amy", "Ben", "Cal")]
    day = dt.date(2016, 1, 1)
    for ids in ({people[0].pk}, {people[1].pk, people[2].pk}):
        sql, values = first_names_among.statement(frozenset(ids), day)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT part.* FROM ({sql}) part", values)  # noqa: S608
            rows = [row[0] for row in cursor.fetchall()]
        assert sorted(rows) == first_names_among(frozenset(ids), day)
        assert sorted(rows) == sorted(Person.objects.get(pk=i).first_name for i in ids)


def test_a_set_given_to_in_is_refused_where_sets_are_prepared(make_person):
    amy = make_person("Amy", "Carter")

    @p.prepared
    def among(ids):
        return Person.objects.filter(pk__in=ids).values_list("first_name", flat=True)

    if connection.vendor != "postgresql":
        assert among({amy.pk}) == ["Amy"]  # built the ordinary way: __any is __in here
        return
    with pytest.raises(p.PreparedReadError, match="does not reach the SQL"):
        among({amy.pk})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side statements")
def test_postgresql_plans_a_read_once_it_has_run_twice_on_a_connection(make_person):
    """Values travel apart from the SQL, so PostgreSQL keeps one statement for every child
    and stops parsing and planning it on each page (settings: LANTERN_DB_PREPARE_AFTER)."""
    people = [make_person(first, "Carter") for first in ("Amy", "Ben", "Cal")]

    def kept_on_the_server():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            statements = [row[0] for row in cursor.fetchall()]
        return [s for s in statements if s.startswith('SELECT "people_personname"."last_name"')]

    surnames_of(people[0].pk)
    assert kept_on_the_server() == []
    assert [surnames_of(person.pk) for person in people[1:]] == [["Carter"], ["Carter"]]

    kept = kept_on_the_server()
    assert len(kept) == 1
    assert "$1" in kept[0] and str(people[2].pk) not in kept[0]
    assert connection.connection.prepared_max == 1000


@pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side statements")
def test_a_long_set_is_planned_for_its_values_each_time_and_a_short_one_stays_prepared(
    make_person,
):
    """A generic plan assumes an array of about ten: a team page's hundreds of children
    are planned for what they are (``plan_long_lists_afresh``), prepared or ordinary read."""
    people = [make_person(first, "Carter", born=dt.date(2015, 6, 1)) for first in ("Amy", "Ben")]
    day = dt.date(2016, 1, 1)
    short = frozenset(p.pk for p in people)
    long = short | frozenset(range(10**8, 10**8 + p.PLAN_EACH_ABOVE))

    def kept_on_the_server():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall() if "people_person" in row[0]]

    for _ in range(4):
        assert first_names_among(long, day) == ["Amy", "Ben"]
        assert sorted(Person.objects.filter(pk__any=long).values_list("first_name", flat=True)) == [
            "Amy",
            "Ben",
        ]
    assert kept_on_the_server() == []
    assert connection.connection.prepare_threshold == 2  # as settings left it
    for _ in range(4):
        assert first_names_among(short, day) == ["Amy", "Ben"]
    assert len(kept_on_the_server()) == 1
    assert first_names_among(long, day) == ["Amy", "Ben"]  # the prepared one is not used


def test_reads_planned_afresh_give_the_same_answers_and_are_never_kept_prepared(make_person):
    """``planned_afresh``: for a read whose plan turns on its values (the front door's
    possible duplicates); on SQLite it changes nothing."""
    make_person("Amy", "Carter")

    def prepared_on_the_server():
        if connection.vendor != "postgresql":
            return 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            return cursor.fetchone()[0]

    before = prepared_on_the_server()
    with p.planned_afresh():
        for _ in range(4):
            carters = Person.objects.filter(last_name="Carter", first_name__startswith="A")
            assert list(carters.values_list("first_name", "last_name")) == [("Amy", "Carter")]
    assert prepared_on_the_server() == before
    if connection.vendor == "postgresql":
        assert connection.connection.prepare_threshold == 2
