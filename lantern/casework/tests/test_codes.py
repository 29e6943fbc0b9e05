"""The DfE assessment factors for physical and sexual abuse: the right meaning on each code,
the undivided codes refused for anything written now, and stored data moved with the fix."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from lantern.casework import actions, codes
from lantern.casework.models import Assessment, Draft

pytestmark = pytest.mark.django_db
swap = importlib.import_module("lantern.casework.migrations.0003_swap_abuse_factor_codes")

# shared/reference/codes.md §A7: 18B and 19B child on child, 18C and 19C adult on child.
EXPECTED = {
    "18A": "Abuse or neglect – physical abuse",
    "18B": "Abuse or neglect – physical abuse, child on child",
    "18C": "Abuse or neglect – physical abuse, adult on child",
    "19A": "Abuse or neglect – sexual abuse",
    "19B": "Abuse or neglect – sexual abuse, child on child",
    "19C": "Abuse or neglect – sexual abuse, adult on child",
}


@pytest.mark.parametrize("code,label", EXPECTED.items())
def test_each_abuse_factor_carries_the_dfe_meaning(code, label):
    assert codes.ASSESSMENT_FACTORS.label(code) == label


def test_the_assessment_form_offers_the_divided_codes_only():
    offered = dict(codes.ASSESSMENT_FACTORS.choices())
    assert offered["18C"] == "18C: Abuse or neglect – physical abuse, adult on child"
    assert offered["19B"] == "19B: Abuse or neglect – sexual abuse, child on child"
    assert "18A" not in offered and "19A" not in offered


@pytest.mark.parametrize("retired,instead", [("18A", "18C (adult on child)"), ("19A", "19B")])
def test_a_new_assessment_refuses_the_undivided_codes(journey, retired, instead):
    journey.refer()
    with pytest.raises(
        ValidationError, match=rf"{retired}: from 2024/25 use .*{re.escape(instead)}"
    ):
        journey.assess(factors=("16A", retired))
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("retired", ["18A", "19A"])
def test_an_edit_refuses_the_undivided_codes(journey, retired):
    journey.refer()
    assessment = journey.assess(factors=("16A",))
    with pytest.raises(ValidationError, match=f"No longer on the DfE list.*{retired}"):
        actions.update_assessment(
            assessment, acting_user=journey.worker, expected_version=1, factors=["16A", retired]
        )
    assert Assessment.objects.get(pk=assessment.pk).factors == ["16A"]


def test_old_records_with_an_undivided_code_still_read(journey):
    journey.refer()
    assessment = journey.assess(factors=("16A",))
    Assessment.objects.filter(pk=assessment.pk).update(factors=["18A"])
    assert Assessment.objects.get(pk=assessment.pk).factor_labels == [
        "18A: Abuse or neglect – physical abuse"
    ]


def test_the_migration_swaps_each_pair_and_reverses(journey):
    """A factor ticked as "18B: adult on child" under the old labels becomes 18C, and a
    stored 18C (ticked as child on child) becomes 18B: a swap, not a merge."""
    journey.refer()
    assessment = journey.assess(factors=("18B", "18C", "19B", "16A"))
    draft = Draft.objects.create(
        user=journey.worker, person=journey.child, form_key="assessment-new",
        data={"factors": ["19C", "3B"], "analysis": "x"},
    )  # fmt: skip

    swap.swap_factors(apps, None)
    assessment.refresh_from_db()
    draft.refresh_from_db()
    assert assessment.factors == ["18C", "18B", "19C", "16A"]
    assert assessment.version == 1  # the codes moved; nobody edited the record
    assert draft.data == {"factors": ["19B", "3B"], "analysis": "x"}

    swap.swap_factors(apps, None)  # the reverse migration
    assessment.refresh_from_db()
    assert assessment.factors == ["18B", "18C", "19B", "16A"]
