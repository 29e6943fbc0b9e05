"""Writing many records at once (``casework.bulk``): another app's rows go through the same
batch, saved after casework's in the order the app gives, and a row with no place in that
order is refused rather than silently lost."""

import pytest

from lantern.care.models import Carer
from lantern.casework.bulk import Batch

pytestmark = pytest.mark.django_db


def carer() -> Carer:
    return Carer(name="The Okafor household", kind="foster", provider="PR1", urn="SC123456")


def test_another_apps_rows_are_saved_in_the_order_it_gives():
    batch = Batch(order=[Carer])
    batch.put(carer())
    counts = batch.save()
    assert Carer.objects.filter(name="The Okafor household").exists()
    assert counts[str(Carer._meta.verbose_name_plural)] == 1


def test_a_row_with_no_place_in_the_order_is_refused_and_nothing_is_lost_quietly():
    batch = Batch()
    batch.put(carer())
    with pytest.raises(ValueError, match="no place in the batch's order"):
        batch.save()
    assert not Carer.objects.exists()
