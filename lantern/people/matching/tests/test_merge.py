"""Merging two index records is reversible and audited; unmerge restores every row."""

import datetime as dt

import pytest

from lantern.access.models import AuditEntry
from lantern.chronology.models import ChronologyEntry
from lantern.people import actions as people_actions
from lantern.people.matching import IncomingPerson, find_candidates
from lantern.people.matching.actions import may_link_automatically, merge_people, unmerge
from lantern.people.matching.types import Candidate, FieldComparison
from lantern.people.models import (
    Household,
    HouseholdMembership,
    Identifier,
    PersonAddress,
    PersonName,
    Relationship,
)

pytestmark = pytest.mark.django_db


def snapshot(*people):
    """Who owns what: every row that points at either person."""
    ids = [p.pk for p in people]
    return {
        "names": set(PersonName.objects.filter(person__in=ids).values_list("pk", "person", "kind")),
        "ids": set(Identifier.objects.filter(person__in=ids).values_list("pk", "person")),
        "addresses": set(PersonAddress.objects.filter(person__in=ids).values_list("pk", "person")),
        "homes": set(
            HouseholdMembership.objects.filter(person__in=ids).values_list("pk", "person")
        ),
        "relations": set(
            Relationship.objects.filter(person__in=ids).values_list("pk", "person", "relative")
        )
        | set(
            Relationship.objects.filter(relative__in=ids).values_list("pk", "person", "relative")
        ),
        "chronology": set(
            ChronologyEntry.objects.filter(person__in=ids).values_list("pk", "person")
        ),
    }


@pytest.fixture
def duplicate_pair(make_person, live_at, social_worker, police, council):
    keep = make_person("Leon", "Carter", dt.date(2013, 4, 4), sex="M")
    dup = make_person("Leon", "Carta", dt.date(2013, 4, 4), sex="M", nhs_number="9434765919")
    mother = make_person("Dionne", "Carter", dt.date(1990, 1, 1), sex="F")
    people_actions.add_name(
        dup, acting_user=social_worker, kind="alias", first_name="Lee", last_name="Carter",
        agency=police,
    )  # fmt: skip
    live_at(dup, "N17 6AB")
    people_actions.record_relationship(dup, mother, "mother", acting_user=social_worker)
    home = Household.objects.create(address=dup.addresses.get().address)
    people_actions.move_into_household(
        dup, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    ChronologyEntry.objects.create(
        person=dup, occurred_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC), agency=police,
        kind="note", summary="Seen by police",
    )  # fmt: skip
    return keep, dup, mother


def test_it_moves_everything_to_the_record_kept_and_back(duplicate_pair, social_worker):
    keep, dup, mother = duplicate_pair
    before = snapshot(keep, dup, mother)
    merge = merge_people(keep, dup, acting_user=social_worker)
    assert not PersonName.objects.filter(person=dup).exists()
    assert Identifier.objects.get(value="9434765919").person == keep
    assert ChronologyEntry.objects.filter(person=keep, summary="Seen by police").exists()
    assert Relationship.objects.filter(person=mother, relative=keep, kind="child").exists()
    assert PersonName.objects.filter(person=keep, last_name="Carta", kind="variant").exists()
    incoming = IncomingPerson(
        first_name="Leon", last_name="Carta", date_of_birth=dt.date(2013, 4, 4)
    )
    ids = [c.person_id for c in find_candidates(incoming)]
    assert keep.pk in ids and dup.pk not in ids
    unmerge(merge, acting_user=social_worker)
    assert snapshot(keep, dup, mother) == before
    assert find_candidates(incoming)[0].person_id == dup.pk


def test_it_audits_the_merge_and_the_unmerge(duplicate_pair, social_worker):
    keep, dup, _ = duplicate_pair
    merge = merge_people(keep, dup, acting_user=social_worker)
    unmerge(merge, acting_user=social_worker)
    for person in (keep, dup):
        details = list(AuditEntry.objects.filter(person=person).values_list("detail", flat=True))
        assert any(d.startswith("merged ") for d in details)
        assert any(d.startswith("undid the merge") for d in details)
    merge.refresh_from_db()
    assert merge.undone_by == social_worker
    with pytest.raises(ValueError):
        unmerge(merge, acting_user=social_worker)


def test_it_refuses_to_merge_a_person_with_themselves(duplicate_pair, social_worker):
    keep, _, _ = duplicate_pair
    with pytest.raises(ValueError):
        merge_people(keep, keep, acting_user=social_worker)


@pytest.mark.parametrize(
    ("score", "nhs", "automatic"),
    [(0.9999, "agrees", True), (0.9999, "missing", False), (0.99, "agrees", False)],
)
def test_it_links_automatically_only_when_certain_and_the_nhs_number_agrees(score, nhs, automatic):
    candidate = Candidate(1, score, [FieldComparison("nhs_number", nhs, "")])
    assert may_link_automatically(candidate) is automatic


def test_it_refuses_to_merge_into_a_record_that_was_itself_merged_away(make_person, social_worker):
    from lantern.people.matching.actions import merge_people

    a, b, c = (make_person("Ruby", "Hughes", dt.date(2019, 1, 1)) for _ in range(3))
    merge_people(a, b, acting_user=social_worker)
    with pytest.raises(ValueError, match="itself merged away"):
        merge_people(b, c, acting_user=social_worker)
