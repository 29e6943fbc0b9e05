"""Issue 9 §1: what the CIN census needs and could not be recorded: UPN-unknown reasons
(UN1–UN7), a former UPN, UASC status, disability NONE, and an unborn child's birth."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.history.models import Revision
from lantern.people import actions, census
from lantern.people.identifiers import make_upn
from lantern.people.models import Identifier, Person, PersonName

D = dt.date
pytestmark = pytest.mark.django_db
UPN = make_upn("93812345678A")
OTHER_UPN = make_upn("93812345679B")


@pytest.fixture
def child(make_person, social_worker, allocate):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    allocate(amy, social_worker)
    return amy


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def _refused(field, call):
    with pytest.raises(ValidationError) as refused:
        call()
    return " ".join(refused.value.message_dict[field])


def _revisions(person):
    return list(
        Revision.objects.filter(object_id=person.pk, content_type__model="person").values_list(
            "changes", flat=True
        )
    )


# UPN unknown ---------------------------------------------------------------------------


def test_a_reason_the_upn_is_not_known_is_recorded_with_history_and_audit(child, social_worker):
    census.record_census_details(child, acting_user=social_worker, upn_unknown="UN2")
    assert Person.objects.get(pk=child.pk).upn_unknown == "UN2"
    assert {"upn_unknown": ["", "UN2"]} in _revisions(child)
    assert AuditEntry.objects.filter(person=child, detail__contains="census details").exists()


def test_a_reason_is_refused_beside_a_upn(child, social_worker):
    actions.add_identifier(child, acting_user=social_worker, scheme="upn", value=UPN)
    message = _refused(
        "upn_unknown",
        lambda: census.record_census_details(child, acting_user=social_worker, upn_unknown="UN3"),
    )
    assert "has a UPN recorded" in message
    assert Person.objects.get(pk=child.pk).upn_unknown == ""


def test_recording_the_upn_clears_the_reason_it_was_not_known(child, social_worker):
    census.record_census_details(child, acting_user=social_worker, upn_unknown="UN5")
    actions.add_identifier(child, acting_user=social_worker, scheme="upn", value=UPN)
    assert Person.objects.get(pk=child.pk).upn_unknown == ""
    assert {"upn_unknown": ["UN5", ""]} in _revisions(child)


def test_un1_is_only_for_a_child_not_yet_of_school_age(make_person, child, social_worker):
    # Amy was 10 on 31 August 2026: of school age.
    message = _refused(
        "upn_unknown",
        lambda: census.record_census_details(child, acting_user=social_worker, upn_unknown="UN1"),
    )
    assert "not yet of school age" in message
    toddler = make_person("Tom", "Small", D(2023, 2, 1))  # 3 on 31 August 2026
    census.record_census_details(toddler, acting_user=social_worker, upn_unknown="UN1")
    assert Person.objects.get(pk=toddler.pk).get_upn_unknown_display().startswith("Child is not")


def test_every_upn_unknown_code_is_on_the_list(child):
    assert [code for code, _ in Person._meta.get_field("upn_unknown").choices] == [
        f"UN{n}" for n in range(1, 8)
    ]


# Former UPN ----------------------------------------------------------------------------


def test_a_former_upn_is_checked_as_a_upn(child, social_worker):
    census.record_census_details(child, acting_user=social_worker, former_upn=OTHER_UPN)
    (former,) = child.identifiers.filter(scheme=Identifier.Scheme.FORMER_UPN)
    assert former.value == OTHER_UPN and former.get_scheme_display() == "Former UPN"
    wrong = "B" + OTHER_UPN[1:] if OTHER_UPN[0] != "B" else "C" + OTHER_UPN[1:]
    with pytest.raises(ValidationError, match="check letter does not match"):
        census.record_census_details(child, acting_user=social_worker, former_upn=wrong)


def test_a_former_upn_cannot_be_the_current_upn(child, social_worker):
    actions.add_identifier(child, acting_user=social_worker, scheme="upn", value=UPN)
    message = _refused(
        "value",
        lambda: census.record_census_details(child, acting_user=social_worker, former_upn=UPN),
    )
    assert "cannot be the same" in message


# UASC ----------------------------------------------------------------------------------


def test_uasc_status_is_recorded_with_its_dates(child, social_worker):
    census.record_census_details(
        child, acting_user=social_worker, uasc_since=D(2025, 6, 2), uasc_ceased=D(2026, 6, 1)
    )
    child.refresh_from_db()
    assert child.uasc_on(D(2025, 6, 2)) and child.uasc_on(D(2026, 6, 1))
    assert not child.uasc_on(D(2025, 6, 1)) and not child.uasc_on(D(2026, 6, 2))


@pytest.mark.parametrize(
    "since,ceased,field,message",
    [
        (None, D(2026, 1, 1), "uasc_since", "Enter the date"),
        (D(2026, 2, 1), D(2026, 1, 31), "uasc_ceased", "cannot be before it began"),
        (D(2016, 5, 3), None, "uasc_since", "before the child was born (4 May 2016)"),
        (D(2026, 11, 25), None, "uasc_since", "today or in the past"),
    ],
)
def test_wrong_uasc_dates_are_refused(child, social_worker, since, ceased, field, message):
    got = _refused(
        field,
        lambda: census.record_census_details(
            child, acting_user=social_worker, uasc_since=since, uasc_ceased=ceased
        ),
    )
    assert message in got
    assert Person.objects.get(pk=child.pk).uasc_since is None


def test_uasc_status_ceases_by_the_18th_birthday(make_person, social_worker):
    adult = make_person("Ali", "Hamid", D(2007, 3, 10))
    message = _refused(
        "uasc_ceased",
        lambda: census.record_census_details(
            adult, acting_user=social_worker, uasc_since=D(2023, 1, 9), uasc_ceased=D(2025, 3, 11)
        ),
    )
    assert "18th birthday (10 March 2025" in message


# Disability ----------------------------------------------------------------------------


def test_no_disability_is_recorded_on_its_own(child, social_worker):
    census.record_census_details(child, acting_user=social_worker, disabilities=["NONE"])
    assert list(child.disabilities.values_list("code", flat=True)) == ["NONE"]
    census.record_census_details(child, acting_user=social_worker, disabilities=["AUT", "COMM"])
    assert sorted(child.disabilities.values_list("code", flat=True)) == ["AUT", "COMM"]
    assert AuditEntry.objects.filter(person=child, detail="disabilities: NONE → AUT, COMM")


def test_no_disability_cannot_be_combined_with_a_disability(child, social_worker):
    message = _refused(
        "disabilities",
        lambda: census.record_census_details(
            child, acting_user=social_worker, disabilities=["NONE", "MOB"]
        ),
    )
    assert "‘No disability’ cannot be chosen with a disability" in message
    assert not child.disabilities.exists()


def test_the_census_page_refuses_none_with_a_disability_and_saves_nothing(alice, child):
    url = reverse("people:census", args=[child.pk])
    assert b"Census details" in alice.get(url).content
    response = alice.post(url, {"disabilities": ["NONE", "HEAR"], "upn_unknown": "UN2"})
    assert response.status_code == 200
    assert "cannot be chosen with a disability" in response.content.decode()
    assert Person.objects.get(pk=child.pk).upn_unknown == ""
    response = alice.post(url, {"disabilities": ["NONE"], "upn_unknown": "UN2"})
    assert response.status_code == 302
    page = alice.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "No disability" in page and "UN2: Child has never attended" in page


# Unborn children and the birth ---------------------------------------------------------


@pytest.fixture
def unborn(make_person, social_worker, allocate):
    baby = make_person("Baby", "Lowe", None, expected_date_of_birth=D(2027, 2, 10), sex="U")
    allocate(baby, social_worker)
    return baby


def test_an_unborn_child_has_no_sex_recorded(unborn, social_worker):
    message = _refused(
        "sex", lambda: actions.correct_details(unborn, acting_user=social_worker, sex="F")
    )
    assert "until the birth is recorded" in message


def test_the_expected_date_of_birth_is_set_on_the_correct_page(alice, child):
    from lantern.people.tests.test_history import form_data

    data = form_data(child, edd_day=1, edd_month=5, edd_year=2016)
    assert alice.post(reverse("people:correct", args=[child.pk]), data).status_code == 302
    assert Person.objects.get(pk=child.pk).expected_date_of_birth == D(2016, 5, 1)


@pytest.mark.time_machine(dt.datetime(2027, 2, 20, 10, tzinfo=dt.UTC))
def test_recording_the_birth_keeps_the_expected_date_and_the_casework(unborn, social_worker, alice):
    from lantern.casework import actions as casework

    episode = casework.open_episode(
        unborn,
        acting_user=social_worker,
        referral_date=D(2026, 9, 1),
        referral_source="3A",
        referral_reason="Midwife: mother's drug use",
    )
    assert b"Record the birth" in alice.get(reverse("people:record", args=[unborn.pk])).content
    url = reverse("people:birth", args=[unborn.pk])
    response = alice.post(
        url,
        {"dob_day": 14, "dob_month": 2, "dob_year": 2027, "sex": "F"}
        | {"first_name": "Rosa", "last_name": "Lowe"},
    )
    assert response.status_code == 302
    rosa = Person.objects.get(pk=unborn.pk)
    assert (rosa.full_name, rosa.date_of_birth, rosa.sex) == ("Rosa Lowe", D(2027, 2, 14), "F")
    assert rosa.expected_date_of_birth == D(2027, 2, 10)
    assert episode.__class__.objects.get(pk=episode.pk).person_id == rosa.pk
    kinds = dict(rosa.names.values_list("first_name", "kind"))
    assert kinds == {"Rosa": PersonName.Kind.LEGAL, "Baby": PersonName.Kind.PREVIOUS}
    (revision,) = [r for r in _revisions(rosa) if "date_of_birth" in r]
    assert revision["date_of_birth"] == [None, "2027-02-14"]
    assert AuditEntry.objects.filter(person=rosa, detail__startswith="recorded the birth")
    # Once born, the page says so and the action refuses a second birth.
    assert b"The birth is recorded" in alice.get(url).content
    with pytest.raises(ValidationError, match="already recorded"):
        census.record_birth(
            rosa,
            acting_user=social_worker,
            date_of_birth=D(2027, 2, 15),
            sex="F",
            first_name="Rosa",
            last_name="Lowe",
        )


@pytest.mark.time_machine(dt.datetime(2027, 2, 20, 10, tzinfo=dt.UTC))
def test_a_birth_long_before_the_expected_date_is_refused(unborn, social_worker):
    message = _refused(
        "date_of_birth",
        lambda: census.record_birth(
            unborn,
            acting_user=social_worker,
            date_of_birth=D(2026, 5, 1),
            sex="M",
            first_name="Leo",
            last_name="Lowe",
        ),
    )
    assert "9 months before the expected date (10 February 2027)" in message
    assert Person.objects.get(pk=unborn.pk).date_of_birth is None


def test_only_an_unborn_child_has_a_birth_recorded(child, social_worker):
    with pytest.raises(ValidationError, match="already recorded"):
        census.record_birth(
            child,
            acting_user=social_worker,
            date_of_birth=D(2016, 5, 4),
            sex="F",
            first_name="Amy",
            last_name="Carter",
        )


def test_a_detail_not_given_is_left_as_it_is(child, social_worker):
    census.record_census_details(
        child, acting_user=social_worker, upn_unknown="UN3", uasc_since=D(2025, 6, 2)
    )
    census.record_census_details(child, acting_user=social_worker, disabilities=["NONE"])
    census.record_census_details(child, acting_user=social_worker, uasc_ceased=D(2026, 6, 1))
    child.refresh_from_db()
    assert (child.upn_unknown, child.uasc_since) == ("UN3", D(2025, 6, 2))
    assert child.uasc_ceased == D(2026, 6, 1)
