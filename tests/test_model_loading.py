"""Records read through ``lantern.model_loading`` are the records Django builds."""

import pytest
from django.db import connection
from django.db.models import Model
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from lantern.model_loading import _django_from_db
from lantern.people.models import Person
from lantern.workforce.models import Allocation

pytestmark = pytest.mark.django_db


def fields_of(record) -> dict:
    return {k: v for k, v in vars(record).items() if k != "_state"}


def django_built(model, queryset_row):
    """The same row built by Django's own ``from_db``."""
    names = [f.attname for f in model._meta.concrete_fields]
    values = [queryset_row[n] for n in names]
    return _django_from_db(model, "default", names, values)


def test_a_record_read_is_the_one_django_builds(make_person):
    made = make_person("Amira", "Okafor")

    read = Person.objects.get(pk=made.pk)
    expected = django_built(Person, Person.objects.filter(pk=made.pk).values().get())

    assert Model.from_db.__func__ is not _django_from_db  # installed
    assert fields_of(read) == fields_of(expected)
    assert read._state.adding is False and read._state.db == "default"
    assert read.get_deferred_fields() == set()


def test_a_record_read_saves_as_an_update_not_a_second_record(make_person):
    made = make_person("Amira", "Okafor")
    read = Person.objects.get(pk=made.pk)
    read.first_name = "Amirah"
    read.save()

    assert Person.objects.filter(last_name="Okafor").count() == 1
    assert Person.objects.get(pk=made.pk).first_name == "Amirah"


def test_deferred_fields_are_left_unset_and_read_when_asked_for(make_person):
    made = make_person("Amira", "Okafor")

    read = Person.objects.only("first_name").get(pk=made.pk)

    assert read.first_name == "Amira"
    assert "last_name" in read.get_deferred_fields()
    with CaptureQueriesContext(connection) as captured:
        assert read.last_name == "Okafor"
    assert len(captured) == 1


def test_joined_records_come_with_their_relations(make_person, allocate, social_worker):
    child = make_person("Amira", "Okafor")
    allocate(child, social_worker)

    allocation = Allocation.objects.select_related("child", "worker").get(child=child)

    with CaptureQueriesContext(connection) as captured:
        assert allocation.child.first_name == "Amira"
        assert allocation.child_id == child.pk
        assert allocation.worker.username == social_worker.username
    assert len(captured) == 0
    assert fields_of(allocation.child) == fields_of(Person.objects.get(pk=child.pk))


def test_a_post_init_listener_is_still_called(make_person):
    made = make_person("Amira", "Okafor")
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.first_name)

    post_init.connect(listener, sender=Person)
    try:
        Person.objects.get(pk=made.pk)
    finally:
        post_init.disconnect(listener, sender=Person)

    assert seen == ["Amira"]
