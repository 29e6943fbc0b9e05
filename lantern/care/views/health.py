"""The health and education section of a looked-after child's casework page."""

from lantern.access.roles import RECORD_CASEWORK
from lantern.care.queries.education import education_summary
from lantern.care.queries.health import health_summary
from lantern.care.queries.placements import periods_of

OFFERS = (
    ("health-assessment", "Record a health assessment"),
    ("dental-check", "Record a dental check"),
    ("immunisations", "Record immunisations"),
    ("sdq", "Record an SDQ"),
    ("pep", "Record a PEP meeting"),
    ("education-setting", "Record a school, nursery or college"),
    ("substance-misuse", "Record substance misuse"),
    ("conviction", "Record a conviction, warning or reprimand"),
)


def panel(person, user, today) -> dict | None:
    """Shown for a child who is or has been looked after; the page has already passed the
    access gate and audited the read."""
    if not periods_of(person):
        return None
    return {
        "person": person,
        "health": health_summary(person),
        "education": education_summary(person, today),
        "can_record": user.has_perm(RECORD_CASEWORK),
        "offers": OFFERS,
    }
