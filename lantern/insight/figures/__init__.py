"""The performance figures of issue 14, one module per dashboard section, registered once
(``InsightConfig.ready``) so the pages, downloads and tests all find them by code."""

from lantern.insight.figures import (
    assessment,
    care_leavers,
    child_protection,
    children_in_care,
    front_door,
    visits_reviews,
)
from lantern.insight.measures import register

FIGURES = [
    *front_door.FIGURES,
    *assessment.FIGURES,
    *child_protection.FIGURES,
    *children_in_care.FIGURES,
    *visits_reviews.FIGURES,
    *care_leavers.FIGURES,
]


def register_all() -> None:
    register(FIGURES)
