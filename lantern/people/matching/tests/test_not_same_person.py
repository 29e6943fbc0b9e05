"""An officer's "not the same person" is remembered: the pair is not suggested again."""

import datetime as dt

import pytest

from lantern.access.models import AuditEntry
from lantern.people.matching import IncomingPerson, find_candidates
from lantern.people.matching.actions import record_not_same_person

pytestmark = pytest.mark.django_db


def contact():
    return IncomingPerson(
        first_name="Jayden", last_name="Clarke", date_of_birth=dt.date(2014, 2, 3)
    )


def test_it_does_not_suggest_the_person_again_on_the_next_contact(make_person, social_worker):
    lookalike = make_person("Jaydon", "Clark", dt.date(2014, 2, 3))
    other = make_person("Jayden", "Clarke", dt.date(2014, 3, 2))
    assert lookalike.pk in [c.person_id for c in find_candidates(contact())]
    record_not_same_person(lookalike, incoming=contact(), acting_user=social_worker)
    ids = [c.person_id for c in find_candidates(contact())]
    assert lookalike.pk not in ids
    assert other.pk in ids  # only the pair the officer ruled out is dropped
    assert AuditEntry.objects.filter(person=lookalike, detail__contains="not the same").exists()


def test_the_decision_holds_when_the_next_contact_adds_an_nhs_number_or_alias(
    make_person, social_worker
):
    lookalike = make_person("Jaydon", "Clark", dt.date(2014, 2, 3), nhs_number="9434765919")
    record_not_same_person(lookalike, incoming=contact(), acting_user=social_worker)
    later = contact()
    later.nhs_number = "4010232137"  # another child's number
    later.other_names = ["JJ Clarke"]
    assert lookalike.pk not in [c.person_id for c in find_candidates(later)]


def test_it_still_suggests_the_person_for_a_different_record(make_person, social_worker):
    lookalike = make_person("Jaydon", "Clark", dt.date(2014, 2, 3))
    record_not_same_person(lookalike, incoming=contact(), acting_user=social_worker)
    another = IncomingPerson(
        first_name="Jaydon", last_name="Clark", date_of_birth=dt.date(2014, 2, 3)
    )
    assert find_candidates(another)[0].person_id == lookalike.pk


def test_it_remembers_two_index_records_are_different_people(make_person, social_worker):
    one = make_person("Ruby", "Hughes", dt.date(2019, 1, 1))
    two = make_person("Ruby", "Hughes", dt.date(2019, 1, 1))
    record_not_same_person(one, other_person=two, acting_user=social_worker)
    from lantern.people.models import NotSamePerson

    assert NotSamePerson.objects.filter(person=two, other_person=one).exists()
    with pytest.raises(ValueError):
        record_not_same_person(one, acting_user=social_worker)


def test_it_suggests_duplicates_except_those_ruled_out(make_person, social_worker):
    from lantern.people.matching.engine import find_duplicates

    one = make_person("Ruby", "Hughes", dt.date(2019, 1, 1))
    two = make_person("Rubie", "Hughes", dt.date(2019, 1, 1))
    assert [c.person_id for c in find_duplicates(one)][:1] == [two.pk]
    record_not_same_person(one, other_person=two, acting_user=social_worker)
    assert two.pk not in [c.person_id for c in find_duplicates(one)]
    assert one.pk not in [c.person_id for c in find_duplicates(two)]
