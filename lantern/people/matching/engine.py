"""Interim engine: the staff search's ranking behind the matching interface.

To be replaced by the trained probabilistic model (front-door work); the interface in
``__init__`` stays.
"""

from lantern.people import names
from lantern.people.identifiers import normalise_nhs_number
from lantern.people.matching.types import Candidate, FieldComparison, IncomingPerson
from lantern.people.models import Identifier
from lantern.people.search import ParsedQuery, _candidates_by_name, _rank


def find_candidates(incoming: IncomingPerson, *, limit: int = 5) -> list[Candidate]:
    nhs = normalise_nhs_number(incoming.nhs_number)
    if nhs:
        owner = (
            Identifier.objects.filter(scheme=Identifier.Scheme.NHS, value=nhs)
            .values_list("person_id", flat=True)
            .first()
        )
        if owner:
            return [
                Candidate(
                    owner,
                    1.0,
                    [FieldComparison("nhs_number", "agrees", "NHS number matches", 10.0)],
                )
            ]
    tokens = names.tokens(incoming.first_name, incoming.last_name, *incoming.other_names)
    if not tokens:
        return []
    query = ParsedQuery(
        text="",
        name_tokens=tokens,
        dates=[incoming.date_of_birth] if incoming.date_of_birth else [],
    )
    matches = _rank(query, _candidates_by_name(tokens))[:limit]
    return [
        Candidate(
            m.person.pk,
            max(0.0, min(1.0, m.score / 1.5)),
            [FieldComparison("name", "agrees", r) for r in m.reasons],
        )
        for m in matches
    ]
