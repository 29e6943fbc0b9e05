"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.education import EducationSetting, PersonalEducationPlan
from lantern.care.models.health import (
    Conviction,
    DentalCheck,
    HealthAssessment,
    ImmunisationStatus,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.care.models.leaving_care import (
    CareLeaverContact,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviser,
    StayingPut,
)
from lantern.care.models.legal import (
    CourtApplication,
    CourtOrder,
    PreProceedings,
    PreProceedingsMeeting,
    Section20Consent,
    TimetableExtension,
)
from lantern.care.models.missing import MissingEpisode
from lantern.care.models.periods import CareEpisode, LegalStatus, PeriodOfCare
from lantern.care.models.permanence import AdoptionPlan, PermanencePlan, PreviousPermanence
from lantern.care.models.placements import Carer, Placement
from lantern.care.models.reviews import IROAllocation, IROConcern, LookedAfterReview
from lantern.care.models.uasc import AgeAssessment, TransferReferral
from lantern.care.models.visits import VisitRegime

__all__ = [
    "AdoptionPlan",
    "AgeAssessment",
    "CareEpisode",
    "CareLeaverContact",
    "Carer",
    "Conviction",
    "CourtApplication",
    "CourtOrder",
    "DentalCheck",
    "EducationSetting",
    "HealthAssessment",
    "IROAllocation",
    "IROConcern",
    "ImmunisationStatus",
    "LegalStatus",
    "LookedAfterReview",
    "MissingEpisode",
    "NeedsAssessment",
    "PathwayPlan",
    "PeriodOfCare",
    "PermanencePlan",
    "PersonalAdviser",
    "PersonalEducationPlan",
    "Placement",
    "PreProceedings",
    "PreProceedingsMeeting",
    "PreviousPermanence",
    "Section20Consent",
    "StayingPut",
    "StrengthsAndDifficulties",
    "SubstanceMisuse",
    "TimetableExtension",
    "TransferReferral",
    "VisitRegime",
]
