"""The care sections of the child's casework page (``casework.panels``)."""

import datetime as dt

from lantern.care.models import PermanencePlan, PersonalAdviser
from lantern.care.queries import leaving_care, permanence, stability
from lantern.care.queries.placements import periods_of


def stability_panel(person, user, today: dt.date) -> dict | None:
    """Permanence, stability and leaving care, for a child who has ever been looked after."""
    if not periods_of(person):
        return None
    row = stability.stability_of([person], today)[0]
    return {
        "stability": row,
        "plan": PermanencePlan.objects.filter(person=person).first(),
        "category": leaving_care.category_of(person, today),
        "outcome": permanence.outcome_of(periods_of(person)[0]),
        "adviser": PersonalAdviser.objects.filter(person=person, end_date__isnull=True)
        .select_related("adviser")
        .first(),
    }
