"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.leaving_care import (
    CareLeaverContact,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviser,
    StayingPut,
)
from lantern.care.models.periods import CareEpisode, LegalStatus, PeriodOfCare
from lantern.care.models.permanence import AdoptionPlan, PermanencePlan, PreviousPermanence
from lantern.care.models.placements import Carer, Placement

__all__ = [
    "AdoptionPlan",
    "CareEpisode",
    "CareLeaverContact",
    "Carer",
    "LegalStatus",
    "NeedsAssessment",
    "PathwayPlan",
    "PeriodOfCare",
    "PermanencePlan",
    "PersonalAdviser",
    "Placement",
    "PreviousPermanence",
    "StayingPut",
]
