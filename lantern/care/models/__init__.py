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
from lantern.care.models.placements import Carer, Placement
from lantern.care.models.uasc import AgeAssessment, TransferReferral

__all__ = [
    "AgeAssessment",
    "CareEpisode",
    "Carer",
    "Conviction",
    "CourtApplication",
    "CourtOrder",
    "DentalCheck",
    "EducationSetting",
    "HealthAssessment",
    "ImmunisationStatus",
    "LegalStatus",
    "MissingEpisode",
    "PeriodOfCare",
    "PersonalEducationPlan",
    "Placement",
    "PreProceedings",
    "PreProceedingsMeeting",
    "Section20Consent",
    "StrengthsAndDifficulties",
    "SubstanceMisuse",
    "TimetableExtension",
    "TransferReferral",
]
