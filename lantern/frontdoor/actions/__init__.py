"""Every write of the front door, each atomic and audited (STYLE.md §2).

- ``receive``: a contact arrives (web form, partner API, bulk file);
- ``matching``: the officer says who each person named in it is;
- ``triage``: RAG rating, partner checks and the MASH decision.
"""

from lantern.frontdoor.actions.matching import (
    add_as_new_person,
    confirm_match,
    refuse_contradicted_match,
    rule_out,
)
from lantern.frontdoor.actions.receive import (
    ContactDetails,
    IdempotencyConflict,
    SubjectDetails,
    receive_contact,
)
from lantern.frontdoor.actions.triage import rate, record_answer, record_decision, request_check

__all__ = [
    "ContactDetails",
    "IdempotencyConflict",
    "SubjectDetails",
    "add_as_new_person",
    "confirm_match",
    "rate",
    "receive_contact",
    "record_answer",
    "record_decision",
    "refuse_contradicted_match",
    "request_check",
    "rule_out",
]
