"""A bounded schemathesis run over the partner API, in process through its WSGI interface.

Every check schemathesis has (no server error, status codes and bodies as the OpenAPI
document declares them, invalid input refused, auth not ignored, methods not offered
refused with an Allow header …) runs on every operation. It is deterministic (derandomised,
no example database) and the clock is pinned, so generated dates give the same answers on
any day.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import schemathesis
import time_machine
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from lantern.api.actions import issue_token
from lantern.api.views import api

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Europe/London"))
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "generation": {"deterministic": True, "database": "none", "max-examples": 40},
        # The front door's own rules (NHS number modulus 11, a child among the people, a
        # lawful basis without consent) cannot be said in JSON Schema: a body the schema allows
        # may still be refused, with the declared 422 naming the field.
        "checks": {"positive_data_acceptance": {"expected-statuses": [200, 201, 404, 409, 422]}},
    }
)
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"), config=CONFIG)
schema.app = get_wsgi_application()


@pytest.fixture
def token(police):
    return issue_token(police, name="Fuzzing")[1]


@pytest.fixture(autouse=True)
def _pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _one_connection_for_the_test():
    """The real WSGI handler closes the database connection after each request, which would
    end the test's transaction on PostgreSQL; Django's test client does the same as this."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db(transaction=False)
def test_the_api_does_what_its_openapi_document_says(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
