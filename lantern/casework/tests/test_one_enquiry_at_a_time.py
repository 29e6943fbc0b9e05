"""A section 47 enquiry runs until it concludes no conference is needed, or until its
initial conference: a second one cannot start in the episode meanwhile (CIN census 8890)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework import actions
from lantern.casework.models import Section47Enquiry

D = dt.date


def test_a_second_enquiry_waits_for_the_first_conference(journey):
    journey.refer(on=D(2026, 3, 2))
    journey.strategy(on=D(2026, 3, 3))
    journey.s47(on=D(2026, 3, 4))
    journey.strategy(on=D(2026, 3, 9))

    with pytest.raises(ValidationError, match="still running"):
        journey.s47(on=D(2026, 3, 10))
    assert Section47Enquiry.objects.filter(person=journey.child).count() == 1

    journey.icpc(on=D(2026, 3, 20))
    journey.s47(on=D(2026, 3, 23))  # after the first one's conference
    assert Section47Enquiry.objects.filter(person=journey.child).count() == 2


def test_an_enquiry_that_needed_no_conference_no_longer_runs(journey):
    journey.refer(on=D(2026, 3, 2))
    journey.strategy(on=D(2026, 3, 3))
    first = journey.s47(on=D(2026, 3, 4))
    actions.conclude_section47(
        first,
        acting_user=journey.worker,
        outcome=Section47Enquiry.Outcome.NOT_SUBSTANTIATED,
        end_date=D(2026, 3, 6),
        icpc_required=False,
        expected_version=first.version,
    )
    journey.strategy(on=D(2026, 3, 9))

    journey.s47(on=D(2026, 3, 10))

    assert Section47Enquiry.objects.filter(person=journey.child).count() == 2
