"""Finding the right person for an incoming record (a contact, a partner's file row).

Public interface, used by the front door and by ``lantern match``:

    find_candidates(incoming: IncomingPerson, *, limit=5) -> list[Candidate]

Every candidate carries a score in [0, 1] and an explanation, field by field, of what
agreed and what did not. Nothing here merges or links anything: the officer decides.
"""

from lantern.people.matching.engine import find_candidates
from lantern.people.matching.types import Candidate, FieldComparison, IncomingPerson

__all__ = ["Candidate", "FieldComparison", "IncomingPerson", "find_candidates"]
