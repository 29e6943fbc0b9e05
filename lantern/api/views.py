"""The partner API: thin operations over the front door's actions and queries.

``POST /api/v1/contacts`` makes a contact; ``GET /api/v1/contacts/{id}`` tells the partner its
status and outcome. A partner reads only its own agency's contacts: another partner's and a
missing one give the same 404. Every call that touches a contact is audited.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from ninja import Header, NinjaAPI, Status
from ninja.errors import ValidationError as RequestInvalid

from lantern.access import audit, refusals
from lantern.access.models import AuditEntry
from lantern.api.auth import PartnerTokenAuth, token_required
from lantern.api.schemas import ContactIn, ContactOut, Error, Invalid, contact_out, invalid
from lantern.frontdoor import actions, queries

api = NinjaAPI(
    title="Lantern partner API",
    version="1",
    description="Contacts from safeguarding partners to children's social care (the front "
    "door). Authenticate with `Authorization: Bearer <token>`; a token belongs to one partner "
    "organisation. Send an `Idempotency-Key` with every POST: a retry with the same key "
    "returns the first contact and never makes another.",
    auth=PartnerTokenAuth(),
    urls_namespace="api",
    docs_url=None,  # Swagger UI loads scripts from elsewhere; the CSP forbids that.
    docs_decorator=token_required,
)

# Every status an operation can answer, with its body, so the OpenAPI document is the truth:
# 400 an unreadable body, 401 no valid token (ninja's auth), 422 a refused field.
REFUSALS = {400: Error, 401: Error, 422: Invalid}
# No control characters: the key is stored, and PostgreSQL refuses NUL in text.
IDEMPOTENCY_KEY = r"^[^\x00-\x1f\x7f]+$"


@api.exception_handler(RequestInvalid)
def _refused(request, exc: RequestInvalid):
    return api.create_response(request, invalid(exc.errors), status=422)


def _digest(payload: ContactIn) -> str:
    # A plain contact digests as it did before ``kind`` existed, so a retry sent across the
    # upgrade is still recognised as the same request.
    body = payload.model_dump(mode="json", exclude={"kind"} if payload.kind == "contact" else None)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _details(payload: ContactIn, token, key: str) -> actions.ContactDetails:
    return actions.ContactDetails(
        agency=token.agency,
        channel="api",
        channel_detail=f"API token {token.prefix} ({token.name})",
        referrer_name=payload.referrer.name,
        referrer_role=payload.referrer.role,
        referrer_email=payload.referrer.email,
        referrer_phone=payload.referrer.phone,
        concern=payload.concern,
        consent=payload.consent,
        lawful_basis=payload.lawful_basis,
        urgency=payload.urgency,
        agency_reference=payload.agency_reference,
        occurred_at=payload.occurred_at,
        source=payload.source,
        kind=payload.kind,
        idempotency_key=key,
        request_digest=_digest(payload),
        subjects=[actions.SubjectDetails(**person.model_dump()) for person in payload.people],
    )


@api.post(
    "/v1/contacts",
    response={201: ContactOut, 409: Error, **REFUSALS},
    url_name="contact-create",
    summary="Make a contact (a referral to the front door)",
    tags=["contacts"],
)
def create_contact(
    request,
    response: HttpResponse,
    payload: ContactIn,
    idempotency_key: str = Header(
        ..., alias="Idempotency-Key", min_length=8, max_length=100, pattern=IDEMPOTENCY_KEY
    ),
):
    """Retrying with the same key returns the same contact (header `Idempotent-Replayed: true`);
    the same key with a different body is refused with 409."""
    token = request.auth
    try:
        contact, created = actions.receive_contact(
            _details(payload, token, idempotency_key), request=request
        )
    except actions.IdempotencyConflict:
        return Status(409, {"detail": "This Idempotency-Key was used for a different contact"})
    except ValidationError as problem:  # a rule the schema does not know; nothing was written
        problems = [{"loc": ["body", "payload"], "msg": m} for m in problem.messages]
        return Status(422, invalid(problems))
    if not created:
        response["Idempotent-Replayed"] = "true"
        audit.record(
            request,
            AuditEntry.Action.VIEW_RECORD,
            obj=contact,
            detail=f"{token.agency.name} retried contact {contact.reference} "
            f"(token {token.prefix})",
        )
    return Status(201, contact_out(contact))


@api.get(
    "/v1/contacts/{contact_id}",
    response={200: ContactOut, 404: Error, **REFUSALS},
    url_name="contact-detail",
    summary="A contact's status and outcome (your own contacts only)",
    tags=["contacts"],
)
def read_contact(request, contact_id: int):
    token = request.auth
    try:
        contact = queries.access_contact_for_agency(token.agency, contact_id)
    except Http404 as refused:
        why = getattr(refused, "why", refusals.NO_SUCH_RECORD)
        refusals.note(request, refused, why=f"token {token.prefix} of {token.agency.name}: {why}")
        return Status(404, {"detail": "Not found"})
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        obj=contact,
        detail=f"{token.agency.name} read the status of contact {contact.reference} "
        f"(token {token.prefix})",
    )
    return Status(200, contact_out(contact))
