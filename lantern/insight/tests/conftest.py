import pytest

from lantern.frontdoor.tests.fixtures import make_contact, mash_officer
from lantern.insight.measures import REGISTRY

__all__ = ["make_contact", "mash_officer"]


@pytest.fixture
def registry():
    """An empty REGISTRY for the test to fill; what it held before is put back after."""
    before = dict(REGISTRY)
    REGISTRY.clear()
    yield REGISTRY
    REGISTRY.clear()
    REGISTRY.update(before)


@pytest.fixture
def director(make_staff):
    from lantern.access import roles
    from lantern.workforce.models import Team

    return make_staff("dee", roles.DIRECTOR, Team.Kind.PERFORMANCE)
