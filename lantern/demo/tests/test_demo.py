"""The demo borough: deterministic, signable-into, and full of the mess partners make.

What a borough holds is read from the suite's shared one (``demo_borough``, conftest.py);
the tests that build their own are those about building: the same seed twice, and refusals.
"""

import datetime as dt
import hashlib
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from lantern.chronology.models import ChronologyEntry
from lantern.demo.staff import DEMO_USERNAMES
from lantern.people.identifiers import validate_nhs_number
from lantern.people.models import (
    HouseholdMembership,
    Identifier,
    NameKey,
    Person,
    PersonName,
    Relationship,
)
from lantern.workforce.models import Allocation

TODAY = dt.date(2026, 11, 23)
SCALE = 0.01


def build(seed: int = 7, **options) -> str:
    out = io.StringIO()
    call_command("demo", seed=seed, scale=SCALE, today=TODAY.isoformat(), stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict:
    chronology = hashlib.sha256()
    for row in ChronologyEntry.objects.order_by(
        "person__council_id", "occurred_at", "kind", "summary"
    ).values_list("person__council_id", "occurred_at", "kind", "agency__code", "summary"):
        chronology.update(repr(row).encode())
    return {
        "people": list(
            Person.objects.order_by("council_id").values_list(
                "council_id", "first_name", "last_name", "date_of_birth", "care_status", "sex"
            )
        ),
        "names": sorted(
            PersonName.objects.values_list("person__council_id", "kind", "first_name", "last_name")
        ),
        "identifiers": sorted(
            Identifier.objects.values_list("person__council_id", "scheme", "value")
        ),
        "keys": NameKey.objects.count(),
        "relationships": Relationship.objects.count(),
        "allocations": list(
            Allocation.objects.order_by(
                "child__council_id", "start", "worker__username"
            ).values_list("child__council_id", "worker__username", "start", "end")
        ),
        "chronology": chronology.hexdigest(),
    }


@pytest.mark.django_db
def test_it_builds_the_same_borough_from_the_same_seed():
    build()
    first = snapshot()
    build(reset=True)
    assert snapshot() == first
    assert len(first["people"]) > 200


def test_every_demo_login_signs_in_with_the_printed_password(client, demo_borough):
    output = demo_borough.output
    table = output[output.index("username") :].splitlines()[1:]
    printed = {line.split()[0]: line.split()[-1] for line in table if line.strip()}
    assert sorted(printed) == sorted(DEMO_USERNAMES)
    for username, password in printed.items():
        assert client.login(username=username, password=password), username
        client.logout()
    generated = User.objects.exclude(username__in=DEMO_USERNAMES)
    assert generated.exists()
    assert not any(user.has_usable_password() for user in generated)


def test_demo_logins_hold_the_printed_roles_granted_through_a_second_administrator(
    demo_borough,
):
    from lantern.workforce.models import Notification, RoleChangeRequest

    output = demo_borough.output
    table = output[output.index("username") :].splitlines()[1:]
    for line in filter(str.strip, table):
        username, role = line.split()[0], " ".join(line.split()[1:-1])
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role], username
    worker = User.objects.get(username="social.worker")
    grant = RoleChangeRequest.objects.get(subject=worker)
    assert grant.status == "approved" and grant.decided_by != grant.requested_by
    dpo = User.objects.get(username="dpo")
    assert Notification.objects.filter(recipient=dpo, subject__startswith="Role changed").exists()


def test_it_prints_counts_but_no_personal_data(demo_borough):
    output = demo_borough.output
    assert "people" in output and "chronology entries" in output
    for person in Person.objects.exclude(first_name="Unborn")[:200]:
        assert f"{person.first_name} {person.last_name}" not in output


def test_the_social_worker_holds_a_child_on_a_plan_where_a_man_moved_in(demo_borough):
    worker = User.objects.get(username="social.worker")
    children = [a.child for a in Allocation.objects.filter(worker=worker, end__isnull=True)]
    assert 15 <= len(children) <= 20

    def moved_in_later(child: Person) -> bool:
        mine = HouseholdMembership.objects.filter(person=child).first()
        if mine is None:
            return False
        later = HouseholdMembership.objects.filter(household=mine.household, start__gt=mine.start)
        adults = [m for m in later.select_related("person") if (m.person.age_on(TODAY) or 0) >= 18]
        told = ChronologyEntry.objects.filter(person=child, kind="household_change").exists()
        return bool(adults) and told

    def agencies(child: Person) -> int:
        return ChronologyEntry.objects.filter(person=child).values("agency").distinct().count()

    showcase = [
        c
        for c in children
        if c.care_status == "child_protection"
        and moved_in_later(c)
        and ChronologyEntry.objects.filter(person=c).count() >= 100
        and agencies(c) >= 4
    ]
    assert showcase


def test_identifiers_are_valid_and_variant_names_come_from_partners(demo_borough):
    numbers = list(Identifier.objects.filter(scheme="nhs").values_list("value", flat=True))
    assert len(numbers) > 0.9 * Person.objects.exclude(date_of_birth=None).count()
    assert all(validate_nhs_number(n) == n for n in numbers)
    variants = PersonName.objects.filter(kind="variant")
    assert variants.exists()
    assert not variants.filter(agency__code="csc").exists()
    assert not variants.filter(agency=None).exists()
    assert PersonName.objects.filter(kind="legal").count() == Person.objects.count()


@pytest.mark.django_db
def test_it_refuses_to_mix_with_existing_people(make_person):
    make_person("Amy", "Carter")
    with pytest.raises(CommandError, match="--reset"):
        build()
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_a_reset_starts_a_fresh_audit_chain_that_verifies(make_person):
    make_person("Amy", "Carter")  # writes an audit entry
    build(reset=True)
    from lantern.access import audit, sealing
    from lantern.access.models import AuditEntry

    audit.record(None, "search", detail="after reset")
    sealing.seal()
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    # The new chain starts with the demo's own staff set-up (roles granted and approved).
    first = AuditEntry.objects.order_by("seq").first()
    assert first.seq == 1 and first.detail.startswith("system bootstrap")
    assert f"Audit log intact: {AuditEntry.objects.count()} entries verified." in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("reset", [False, True])
def test_it_refuses_outside_development_and_the_audit_log_stays(settings, make_person, reset):
    settings.DEVELOPMENT = False
    make_person("Amy", "Carter")  # writes an audit entry
    from lantern.access.models import AuditEntry

    kept = AuditEntry.objects.count()
    with pytest.raises(CommandError, match="LANTERN_ENV=development"):
        build(reset=reset)
    assert (Person.objects.count(), AuditEntry.objects.count()) == (1, kept)


@pytest.mark.django_db
def test_the_reset_itself_refuses_outside_development(settings, make_person):
    from lantern.demo.reset import reset

    settings.DEVELOPMENT = False
    make_person("Amy", "Carter")
    with pytest.raises(RuntimeError, match="development only"):
        reset()
    assert Person.objects.count() == 1
