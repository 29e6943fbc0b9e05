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
from lantern.care.models.periods import CareEpisode, LegalStatus, PeriodOfCare
from lantern.care.models.placements import Carer, Placement

__all__ = [
    "CareEpisode",
    "Carer",
    "Conviction",
    "DentalCheck",
    "EducationSetting",
    "HealthAssessment",
    "ImmunisationStatus",
    "LegalStatus",
    "PeriodOfCare",
    "PersonalEducationPlan",
    "Placement",
    "StrengthsAndDifficulties",
    "SubstanceMisuse",
]
