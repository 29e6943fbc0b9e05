"""Care leavers aged 19 to 21: in education, employment or training and in suitable
accommodation, read from the SSDA903 OC3 rows the care app builds."""

import pytest

from lantern.care.actions.leaving_care import record_care_leaver_contact
from lantern.care.models import PeriodOfCare
from lantern.care.tests.factories import start_care
from lantern.insight.figures import care_leavers
from lantern.insight.tests.builders import YEAR_2025, D

pytestmark = pytest.mark.django_db


def _left_at_18(make_person, worker, first, born):
    person = make_person(first, "Okoro", born)
    period = start_care(person, worker, D(2021, 1, 4))  # in care from before 16
    PeriodOfCare.objects.filter(pk=period.pk).update(
        end_date=D(born.year + 18, born.month, born.day), reason_ceased="E17"
    )
    return person


def _contact(person, worker, on, activity, accommodation):
    record_care_leaver_contact(
        person, acting_user=worker, contact_on=on, in_touch="YES", activity=activity,
        accommodation=accommodation,
    )  # fmt: skip


def test_care_leavers_19_to_21_in_eet_and_suitable_accommodation(make_person, social_worker):
    w = social_worker
    ada = _left_at_18(make_person, w, "Ada", D(2006, 6, 15))  # 19 on 15 Jun 2025
    bea = _left_at_18(make_person, w, "Bea", D(2005, 9, 20))  # 20 on 20 Sep 2025
    cat = _left_at_18(make_person, w, "Cat", D(2004, 11, 1))  # 21 on 1 Nov 2025: no contact
    dot = _left_at_18(make_person, w, "Dot", D(2007, 5, 5))  # 18 in the year: not counted
    _contact(ada, w, D(2025, 6, 2), "F5", "U1")  # working, living independently: suitable
    _contact(bea, w, D(2025, 9, 1), "G5", "B2")  # NEET, with relatives: unsuitable
    _contact(dot, w, D(2025, 5, 1), "F2", "Z1")
    eet = care_leavers.care_leavers_in_eet(YEAR_2025)
    # 19-21 birthdays in 2025-26: Ada (19), Bea (20), Cat (21, not in touch); in EET: Ada.
    # 1 / 3 = 33.3 %
    assert (eet.numerator, eet.denominator) == (1, 3)
    assert round(eet.value, 1) == 33.3
    assert eet.children == {bea.pk, cat.pk}
    housed = care_leavers.care_leavers_in_suitable_accommodation(YEAR_2025)
    # suitable: Ada only (Bea's is unsuitable, Cat's not known): 1 / 3 = 33.3 %
    assert (housed.numerator, housed.denominator) == (1, 3)
