"""A worker starts a period of care, moves a placement and records its notification from
the child's page; the panel shows status, placement, episodes and moves; carers are added
on their own page."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.care.models import Carer, PeriodOfCare, Placement
from lantern.care.tests.factories import foster_carers

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_a_worker_starts_care_from_the_child_s_page(alice, child):
    carers = foster_carers()
    page = alice.get(reverse("casework:overview", args=[child.pk]))
    assert b"Start a period of care" in page.content
    url = reverse("casework:new", args=[child.pk, "period-of-care"])
    form = alice.get(url)
    assert b"K3: Supported accommodation" in form.content
    assert b"Z1: Other placements" not in form.content  # not on the 2026/27 list
    response = alice.post(
        url,
        {
            "start_date": "2026-11-02",
            "legal_status": "C1",
            "category_of_need": "N1",
            "carer": carers.pk,
            "placement_type": "U6",
            "weekly_cost": "412.50",
        },
    )
    period = PeriodOfCare.objects.get(person=child)
    assert response.status_code == 302
    assert response["Location"] == period.get_absolute_url()
    page = alice.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "C1: Interim care order, since 2 Nov 2026" in page
    assert "The Okafor household" in page and "£412.50 a week" in page
    assert 'id="care-episodes"' in page


def test_supported_accommodation_for_a_10_year_old_is_shown_on_the_field(alice, child):
    home = Carer.objects.create(name="Ferry Lane", kind="supported", provider="PR4", urn="2755501")
    response = alice.post(
        reverse("casework:new", args=[child.pk, "period-of-care"]),
        {
            "start_date": "2026-11-02",
            "legal_status": "V2",
            "category_of_need": "N1",
            "carer": home.pk,
            "placement_type": "K3",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["placement_type"] == [
        "Supported accommodation is only for 16- and 17-year-olds"
    ]
    assert not PeriodOfCare.objects.exists()
    # The same carer under a foster code is refused on the carer field.
    response = alice.post(
        reverse("casework:new", args=[child.pk, "period-of-care"]),
        {
            "start_date": "2026-11-02",
            "legal_status": "V2",
            "category_of_need": "N1",
            "carer": home.pk,
            "placement_type": "U6",
        },
    )
    assert response.context["form"].errors["carer"] == [
        "Ferry Lane is supported accommodation, only for 16- and 17-year-olds"
    ]
    assert not PeriodOfCare.objects.exists()


def test_a_worker_moves_the_placement_and_records_the_notification(alice, in_care, child):
    new_home = foster_carers("The Begum household")
    url = reverse("casework:change", args=[child.pk, "period-of-care", in_care.pk, "move"])
    response = alice.post(
        url,
        {
            "on": "2026-11-16",
            "reason_changed": "CREQB",
            "carer": new_home.pk,
            "placement_type": "U6",
            "emergency": "on",
        },
    )
    placement = Placement.objects.get(carer=new_home)
    assert response["Location"] == placement.get_absolute_url()
    page = alice.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "The Begum household" in page
    assert '<dd class="govuk-summary-list__value" id="placement-moves">1</dd>' in page
    notify = reverse("casework:change", args=[child.pk, "placement", placement.pk, "notified"])
    alice.post(notify, {"on": "2026-11-18"})
    placement.refresh_from_db()
    assert placement.notified_on == dt.date(2026, 11, 18)


def test_the_placement_page_is_audited(alice, in_care, child):
    placement = in_care.placements.get()
    page = alice.get(placement.get_absolute_url())
    assert b"U6" in page.content
    assert AuditEntry.objects.filter(
        person=child, action=AuditEntry.Action.VIEW_RECORD, detail="placement"
    ).exists()


def test_a_carer_is_added_from_the_carers_page(alice):
    response = alice.post(
        reverse("care:new-carer"),
        {"name": "Oak House", "kind": "home", "provider": "PR4", "urn": "", "postcode": ""},
    )
    assert response.context["form"].errors["urn"]
    alice.post(
        reverse("care:new-carer"),
        {
            "name": "Oak House",
            "kind": "home",
            "provider": "PR4",
            "urn": "sc654321",
            "postcode": "n17 9ab",
        },
    )
    assert Carer.objects.get().urn == "SC654321"
    assert b"Oak House" in alice.get(reverse("care:carers")).content
