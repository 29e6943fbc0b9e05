"""Finding the right person for an incoming record (a contact, a partner's file row).

Public interface, used by the front door and by ``lantern match``:

    find_candidates(incoming: IncomingPerson, *, limit=5) -> list[Candidate]

Every candidate carries a score in [0, 1] (the probability that it is the incoming
person's record) and an explanation, field by field, of what agreed and what did not.
Nothing here links or merges on its own: the officer decides (``actions``), and only
``actions.may_link_automatically`` says when a link needs no officer.

The engine under it (``memory``, ``comparisons``, ``model``) needs no database, so
``lantern match`` and the benchmark import it without Django's models being loaded:
``find_candidates`` is imported on first use.
"""

from lantern.people.matching.types import Candidate, FieldComparison, IncomingPerson

__all__ = ["Candidate", "FieldComparison", "IncomingPerson", "find_candidates"]


def __getattr__(name: str):
    if name == "find_candidates":
        from lantern.people.matching.engine import find_candidates

        return find_candidates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
