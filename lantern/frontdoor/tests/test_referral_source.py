"""The DfE referral source a contact gets from its agency when the referrer gives none
(shared/reference/codes.md §A4): by kind, and for health by where the agency works."""

import pytest
from django.db import IntegrityError

from lantern.agencies.models import Agency
from lantern.casework.codes import REFERRAL_SOURCE
from lantern.demo.partners import create_agencies
from lantern.frontdoor.codes import source_for_agency

pytestmark = pytest.mark.django_db
K, H = Agency.Kind, Agency.HealthSetting

OTHER_8 = "Other (children's centres, independent agency providers, voluntary organisations)"
# kind, health setting -> code and its DfE label, written out from the reference.
CHANGED = [
    (K.OTHER, "", "8", OTHER_8),
    (K.HEALTH, H.GP, "3A", "Health services – GP"),
    (K.HEALTH, H.HEALTH_VISITOR, "3B", "Health services – health visitor"),
    (K.HEALTH, H.SCHOOL_NURSE, "3C", "Health services – school nurse"),
    (K.HEALTH, H.OTHER_PRIMARY, "3D", "Health services – other primary health services"),
    (K.HEALTH, H.EMERGENCY, "3E", "Health services – A&E"),
]
KEPT = [
    (K.HEALTH, H.OTHER, "3F", "Health services – other (e.g. hospice)"),
    (K.HEALTH, "", "3F", "Health services – other (e.g. hospice)"),  # setting not recorded
    (K.POLICE, "", "6", "Police"),
    (K.EDUCATION, "", "2A", "Schools"),
    (K.HOUSING, "", "4", "Housing (LA housing or housing association)"),
    (K.PROBATION, "", "7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)"),
    (K.VOLUNTARY, "", "8", OTHER_8),
    (K.COUNCIL, "", "5B", "LA services – other internal (other LA departments, excluding housing)"),
]  # fmt: skip


@pytest.mark.parametrize("kind,setting,code,label", CHANGED + KEPT)
def test_a_contact_gets_the_source_of_its_agency(make_contact, kind, setting, code, label):
    agency = Agency.objects.create(code="a", name="An agency", kind=kind, health_setting=setting)
    contact = make_contact(agency)
    assert (contact.source, REFERRAL_SOURCE.label(contact.source)) == (code, label)


def test_the_referrer_can_still_give_the_source(make_contact):
    ward = Agency.objects.create(code="a", name="Ward", kind=K.HEALTH, health_setting=H.GP)
    assert make_contact(ward, source="3F").source == "3F"


def test_only_a_health_agency_has_a_health_setting():
    with pytest.raises(IntegrityError):
        Agency.objects.create(code="a", name="School", kind=K.EDUCATION, health_setting=H.GP)


def test_the_demo_partners_refer_from_their_setting():
    agencies = create_agencies()
    sources = {code: source_for_agency(agencies[code]) for code in agencies if code[:2] != "sc"}
    assert sources == {
        "csc": "5B",
        "police": "6",
        "nmuh": "3E",
        "whittington": "3F",
        "health-visiting": "3B",
        "gp-elm-tree": "3A",
        "gp-riverside": "3A",
        "housing": "4",
        "probation": "7",
    }
