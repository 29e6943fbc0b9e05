"""Trying one cell: the request, its outcome, and the audit row every refusal must leave."""

from django.db.models import Max
from django.test import Client
from django.urls import reverse

from lantern.access.models import AuditEntry
from tests.access_matrix.tables import ALLOW, DENIED, LET_IN, REASON, REDIRECT

REFUSED = {AuditEntry.Action.DENIED, AuditEntry.Action.REASON_ASKED}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def outcome_of(response, person_id=None, *, write: bool = False) -> str:
    status = response.status_code
    if status in (403, 404, 401):
        return str(status)
    reason_page = person_id and reverse("access:state-reason", args=[person_id])
    if status == 302 and response["Location"] == reason_page:
        return REASON
    if write:
        return LET_IN
    if status == 200:
        return ALLOW
    if status == 302:
        return REDIRECT
    return str(status)


def _last_id() -> int:
    return AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0


def attempt(call, *, user, person=None, person_id=None, write=False) -> str:
    """Make the request; if it was refused, check that exactly one refusal row names the user
    (and the person, where one exists); if it was let in, that none says "denied"."""
    before = _last_id()
    response = call()
    outcome = outcome_of(response, person_id, write=write)
    rows = list(AuditEntry.objects.filter(id__gt=before, action__in=REFUSED))
    if outcome in DENIED or outcome == "401":
        expected = AuditEntry.Action.REASON_ASKED if outcome == REASON else "denied"
        assert [(r.action, r.user_id, r.person_id) for r in rows] == [
            (expected, user.pk if user else None, person.pk if person else None)
        ], f"refusal {outcome} not audited once for {response.request['PATH_INFO']}"
    else:
        assert not [r for r in rows if r.action == "denied"], "let in, yet audited as denied"
    return outcome


def expected_cells(table: dict, url_name: str, persona: str) -> dict:
    """The hand-written row for ``persona``."""
    return dict(table[persona])
