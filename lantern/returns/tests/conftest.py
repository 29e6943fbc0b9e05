"""The casework personas the returns' scenarios walk children with: a manager to authorise
assessments, an IRO to chair conferences, and ``journey`` (``casework.tests.journey``); and
builds asked for on the Returns page done inline, before the request returns."""

import pytest

from lantern.access import roles
from lantern.casework.tests.journey import Journey
from lantern.workforce.models import Team


@pytest.fixture(autouse=True)
def _builds_inline(settings):
    """A build asked for in a test is done before the request returns (no process started)."""
    settings.LANTERN_RETURNS_RUNNER = "inline"


@pytest.fixture
def manager(make_staff, social_worker):
    boss = make_staff("mo", roles.TEAM_MANAGER)
    team = social_worker.staff.team
    team.manager = boss
    team.save(update_fields=["manager"])
    return boss


@pytest.fixture
def iro(make_staff):
    return make_staff("irene", roles.IRO, Team.Kind.IRO)


@pytest.fixture
def walk(make_person, social_worker, manager, iro, allocate):
    """``walk("Amy", born=...)``: a new child, allocated to alice, and a Journey for them."""

    def start(first: str = "Amy", **details) -> Journey:
        child = make_person(first, "Carter", **details)
        allocate(child, social_worker)
        return Journey(child, social_worker, manager, iro)

    return start
