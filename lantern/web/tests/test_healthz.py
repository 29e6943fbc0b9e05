"""The health check a load balancer and the container's HEALTHCHECK ask: "ok" only while
the database answers, so a server cut off from it is taken out of service."""

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


@pytest.mark.django_db
def test_it_answers_ok_without_signing_in_when_the_database_answers(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("healthz"))
    assert (response.status_code, response.content) == (200, b"ok")
    assert response["Content-Type"].startswith("text/plain")
    assert [q["sql"] for q in queries.captured_queries] == ["SELECT 1"]


@pytest.mark.django_db
def test_it_answers_503_when_the_database_does_not(client, monkeypatch):
    def refuse(self, sql, params=None):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get(reverse("healthz"))
    assert (response.status_code, response.content) == (503, b"database unavailable")
    assert response["Content-Type"].startswith("text/plain")
