"""Bad input is refused with a message naming the field, and nothing is saved: the DfE's
rules (codes.md Part C) at the moment of entry."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.care.actions.carers import record_carer
from lantern.care.actions.periods import change_legal_status, end_care, start_care
from lantern.care.actions.placements import move_placement
from lantern.care.models import CareEpisode, Carer, LegalStatus, PeriodOfCare, Placement
from lantern.care.rules import duration_warnings
from lantern.care.tests.factories import foster_carers
from lantern.care.tests.factories import start_care as take_into_care
from lantern.chronology.models import ChronologyEntry

pytestmark = pytest.mark.django_db
D = dt.date


def counts():
    return (
        PeriodOfCare.objects.count(),
        LegalStatus.objects.count(),
        Placement.objects.count(),
        CareEpisode.objects.count(),
        ChronologyEntry.objects.filter(kind__in=["looked_after", "placement"]).count(),
    )


def refused(field, call, *args, **kwargs) -> str:
    before = counts()
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert counts() == before
    assert list(caught.value.message_dict) == [field]
    return caught.value.message_dict[field][0]


def start(child, worker, **overrides):
    fields = {
        "acting_user": worker,
        "start_date": D(2026, 11, 2),
        "legal_status": "V2",
        "carer": None,
        "placement_type": "U6",
        "category_of_need": "N1",
        **overrides,
    }
    fields["carer"] = fields["carer"] or foster_carers()
    return start_care(child, **fields)


def test_a_period_overlapping_another_is_refused(in_care, child, social_worker):
    message = refused("start_date", start, child, social_worker)
    assert "overlaps the child's period of care from 5 October 2026" in message


def test_a_period_starting_inside_an_ended_one_is_refused(in_care, child, social_worker):
    end_care(in_care, acting_user=social_worker, on=D(2026, 10, 30), reason_ceased="E13")
    refused("start_date", start, child, social_worker, start_date=D(2026, 10, 20))
    assert start(child, social_worker, start_date=D(2026, 11, 2)).start_date == D(2026, 11, 2)


def test_care_ending_before_it_started_is_refused(in_care, social_worker):
    message = refused(
        "on",
        end_care,
        in_care,
        acting_user=social_worker,
        on=D(2026, 10, 1),
        reason_ceased="E13",
    )
    assert "before the child became looked after" in message


def test_a_placement_ending_before_it_starts_is_refused(in_care, social_worker):
    move_placement(
        in_care,
        acting_user=social_worker,
        on=D(2026, 11, 2),
        carer=foster_carers("B"),
        placement_type="U6",
        reason_changed="CHILD",
    )
    message = refused(
        "on",
        move_placement,
        in_care,
        acting_user=social_worker,
        on=D(2026, 10, 20),
        carer=foster_carers("C"),
        placement_type="U6",
        reason_changed="CHILD",
    )
    assert "after the current placement started (2 November 2026)" in message


def test_a_status_or_move_in_the_future_is_refused(in_care, social_worker):
    refused(
        "on", change_legal_status, in_care, acting_user=social_worker, on=D(2026, 12, 1), code="C2"
    )


def test_supported_accommodation_for_a_15_year_old_is_refused(make_person, social_worker):
    jo = make_person("Jo", "Kay", D(2011, 6, 1))
    supported = record_carer(
        acting_user=social_worker,
        name="Ferry Lane supported flats",
        kind=Carer.Kind.SUPPORTED_ACCOMMODATION,
        provider="PR4",
        urn="2755501",
    )
    message = refused(
        "placement_type", start, jo, social_worker, carer=supported, placement_type="K3"
    )
    assert message == "Supported accommodation is only for 16- and 17-year-olds"
    # At 16 the same placement is accepted.
    kit = make_person("Kit", "Kay", D(2010, 6, 1))
    assert start(kit, social_worker, carer=supported, placement_type="K3").pk


def test_a_15_year_old_placed_in_supported_accommodation_under_another_code_is_refused(
    make_person, social_worker, in_care
):
    """The setting is what the 2023 Regulations ban for under-16s, not only the K3 code."""
    supported = record_carer(
        acting_user=social_worker,
        name="Ferry Lane supported flats",
        kind=Carer.Kind.SUPPORTED_ACCOMMODATION,
        provider="PR4",
        urn="2755501",
    )
    jo = make_person("Jo", "Kay", D(2011, 6, 1))
    message = refused("carer", start, jo, social_worker, carer=supported, placement_type="U6")
    assert message == (
        "Ferry Lane supported flats is supported accommodation, only for 16- and 17-year-olds"
    )
    # Amy, 10, already in care: a move there is refused the same way.
    refused(
        "carer",
        move_placement,
        in_care,
        acting_user=social_worker,
        on=D(2026, 11, 2),
        carer=supported,
        placement_type="U6",
        reason_changed="CHILD",
    )
    assert not Placement.objects.filter(carer=supported).exists()


@pytest.mark.parametrize(
    ("code", "on", "year"),
    [
        ("Z1", D(2026, 11, 2), "2026/27"),  # replaced by Z11–Z14 from 2025/26
        ("H5", D(2026, 11, 2), "2026/27"),  # gone from 2025/26
        ("P2", D(2025, 4, 1), "2025/26"),
        ("K3", D(2024, 3, 28), "2023/24"),  # only from 2024/25
        ("Z11", D(2025, 3, 31), "2024/25"),  # only from 2025/26
    ],
)
def test_a_placement_type_not_on_the_dfe_list_for_the_year_is_refused(
    make_person, social_worker, code, on, year
):
    kit = make_person("Kit", "Kay", D(2006, 6, 1))
    message = refused(
        "placement_type",
        start,
        kit,
        social_worker,
        placement_type=code,
        start_date=on,
        provider="",
        urn="",
    )
    assert message == f"Placement type {code} is not on the DfE list for {year}"


def test_a_code_not_on_any_list_is_refused(child, social_worker):
    refused("placement_type", start, child, social_worker, placement_type="Q9")
    refused("legal_status", start, child, social_worker, legal_status="C9")
    refused("category_of_need", start, child, social_worker, category_of_need="N9")


@pytest.mark.parametrize(
    ("overrides", "field", "rule"),
    [
        ({"placement_type": "A5", "legal_status": "C2"}, "legal_status", "408"),
        ({"placement_type": "P1", "provider": "PR0", "urn": ""}, "legal_status", "378"),
        ({"placement_type": "U4", "legal_status": "V3"}, "legal_status", "384"),
        ({"provider": "PR0"}, "provider", "550"),
        ({"placement_type": "K2", "provider": "PR3"}, "provider", "531"),
        ({"placement_type": "T1", "provider": "PR1", "urn": ""}, "provider", "178"),
        ({"provider": ""}, "provider", "526"),
        ({"urn": ""}, "urn", "218"),
        ({"placement_type": "R1", "provider": "PR4", "urn": "SC123456"}, "urn", "242"),
        ({"placement_type": "K2", "urn": "XXXXXXX"}, "urn", "243"),
        ({"legal_status": "J1"}, "legal_status", "371"),
        ({"placement_type": "R5", "provider": "PR3", "urn": ""}, "placement_type", "373"),
        ({"placement_type": "P3", "provider": "PR4", "urn": ""}, "placement_type", "374"),
    ],
)
def test_the_dfe_cross_field_rules_are_refused_at_entry(
    make_person, social_worker, overrides, field, rule
):
    """Each case breaks one rule for a child of 8 (rule numbers: codes.md Part C)."""
    ella = make_person("Ella", "Hart", D(2018, 1, 10))
    refused(field, start, ella, social_worker, **overrides)


def test_a_reason_for_leaving_care_the_child_is_too_young_for_is_refused(in_care, social_worker):
    for reason in ("E5", "E7", "E17", "E11", "E45x"):
        refused(
            "reason_ceased",
            end_care,
            in_care,
            acting_user=social_worker,
            on=D(2026, 11, 20),
            reason_ceased=reason,
        )


def test_a_children_s_home_needs_its_ofsted_urn(social_worker):
    with pytest.raises(ValidationError) as caught:
        record_carer(
            acting_user=social_worker,
            name="Oak House",
            kind=Carer.Kind.CHILDRENS_HOME,
            provider="PR4",
        )
    assert "urn" in caught.value.message_dict
    assert not Carer.objects.exists()


def test_an_emergency_status_past_its_limit_is_a_warning(make_person, social_worker):
    lee = make_person("Lee", "Ray", D(2013, 2, 2))
    period = take_into_care(lee, social_worker, D(2026, 11, 16), legal_status="L1")
    change_legal_status(period, acting_user=social_worker, on=D(2026, 11, 23), code="C1")
    assert duration_warnings(period.statuses.all(), period.placements.all(), D(2026, 11, 24)) == [
        "L1 from 16 November 2026 has lasted 7 days: the DfE limit is 3 days. Record what followed."
    ]
