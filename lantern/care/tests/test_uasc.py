"""UASC: the SSDA903 UASC table, age assessments and National Transfer Scheme referrals."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.care.actions.uasc import record_age_assessment, record_transfer_referral
from lantern.care.models import AgeAssessment, TransferReferral
from lantern.care.queries.uasc import uasc_records, uasc_rows
from lantern.care.tests.factories import start_care

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def yusuf(make_person, social_worker):
    person = make_person("Yusuf", "Ahmadi", D(2010, 1, 1), sex="M", uasc_since=D(2025, 6, 2))
    start_care(person, social_worker, D(2025, 6, 2))
    return person


def test_the_uasc_table_lists_children_looked_after_in_the_year(yusuf, child, in_care):
    # While the status continues, DUC is the day it will cease: the 18th birthday (205B).
    assert uasc_rows(D(2026, 3, 31)) == [
        {"CHILD": yusuf.council_id, "SEX": "M", "DOB": "01/01/2010", "DUC": "01/01/2028"}
    ]
    assert uasc_rows(D(2025, 3, 31)) == []  # not yet UASC nor looked after
    yusuf.uasc_ceased = D(2026, 9, 1)
    yusuf.save()
    assert uasc_rows(D(2027, 3, 31))[0]["DUC"] == "01/09/2026"
    assert uasc_rows(D(2026, 3, 31))[0]["DUC"] == "01/01/2028"
    # Ceased in 2026/27: no longer UASC in 2027/28, so not in that year's table (205A).
    assert uasc_rows(D(2028, 3, 31)) == []


def test_sex_is_1_or_2_up_to_2023_24(make_person, social_worker):
    person = make_person("Ali", "Rahimi", D(2008, 1, 1), sex="M", uasc_since=D(2023, 5, 1))
    start_care(person, social_worker, D(2023, 5, 1))
    assert uasc_rows(D(2024, 3, 31))[0]["SEX"] == "1"


def test_an_assessment_finding_an_adult_is_flagged_for_ending_care(yusuf, social_worker):
    record_age_assessment(
        yusuf, acting_user=social_worker, assessed_on=D(2026, 11, 2), outcome="assessed",
        date_of_birth=D(2007, 6, 1), merton_compliant=True, disputed=True,
    )  # fmt: skip
    found = uasc_records(yusuf)["adult_found"]
    assert found is not None and found.disputed


def test_bad_assessments_and_referrals_are_refused(yusuf, social_worker):
    with pytest.raises(ValidationError) as caught:
        record_age_assessment(
            yusuf, acting_user=social_worker, assessed_on=D(2026, 11, 2), outcome="assessed",
            date_of_birth=D(2026, 12, 1), merton_compliant=True,
        )  # fmt: skip
    assert "date_of_birth" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        record_transfer_referral(
            yusuf, acting_user=social_worker, referred_on=D(2025, 6, 3), outcome="transferred",
            decided_on=D(2025, 6, 20),
        )  # fmt: skip
    assert "receiving_council" in caught.value.message_dict
    assert not AgeAssessment.objects.exists() and not TransferReferral.objects.exists()


def test_a_transfer_is_recorded_with_the_receiving_council(yusuf, social_worker):
    record_transfer_referral(
        yusuf, acting_user=social_worker, referred_on=D(2025, 6, 3), outcome="transferred",
        receiving_council="Leeds City Council", decided_on=D(2025, 6, 20),
    )  # fmt: skip
    assert uasc_records(yusuf)["referrals"][0].receiving_council == "Leeds City Council"
