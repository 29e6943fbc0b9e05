"""The casework personas the returns' scenarios walk children with: a manager to authorise
assessments, an IRO to chair conferences, and ``journey`` (``casework.tests.journey``); and
builds asked for on the Returns page done inline, before the request returns."""

import pytest

from lantern.casework.tests.journey import Journey


@pytest.fixture(autouse=True)
def _builds_inline(settings):
    """A build asked for in a test is done before the request returns (no process started)."""
    settings.LANTERN_RETURNS_RUNNER = "inline"


@pytest.fixture
def walk(make_person, social_worker, manager, iro, allocate):
    """``walk("Amy", born=...)``: a new child, allocated to alice, and a Journey for them."""

    def start(first: str = "Amy", **details) -> Journey:
        child = make_person(first, "Carter", **details)
        allocate(child, social_worker)
        return Journey(child, social_worker, manager, iro)

    return start
