"""Care personas: a looked-after child allocated to alice, her manager and an IRO.

``in_care`` starts a period of care the way a worker would (through the actions), so every
care test starts from a record the guards accepted.
"""

import datetime as dt

import pytest

from lantern.care.tests.factories import start_care


@pytest.fixture
def child(make_person, social_worker, allocate):
    amy = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(amy, social_worker, dt.date(2026, 1, 5))
    return amy


@pytest.fixture
def in_care(child, social_worker):
    """Amy looked after from Monday 5 October 2026 under an interim care order, with foster
    carers (U6, own provision)."""
    return start_care(child, social_worker, dt.date(2026, 10, 5))
