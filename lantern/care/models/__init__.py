"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.periods import PeriodOfCare, LegalStatus, CareEpisode
from lantern.care.models.placements import Carer, Placement
from lantern.care.models.education import PersonalEducationPlan, EducationSetting
from lantern.care.models.health import HealthAssessment, DentalCheck, ImmunisationStatus, StrengthsAndDifficulties, SubstanceMisuse, Conviction
from lantern.care.models.legal import PreProceedings, PreProceedingsMeeting, CourtApplication, TimetableExtension, CourtOrder, Section20Consent
from lantern.care.models.missing import MissingEpisode
from lantern.care.models.reviews import IROAllocation, LookedAfterReview, IROConcern
from lantern.care.models.uasc import AgeAssessment, TransferReferral
from lantern.care.models.visits import VisitRegime

__all__ = ["AgeAssessment", "CareEpisode", "Carer", "Conviction", "CourtApplication", "CourtOrder", "DentalCheck", "EducationSetting", "HealthAssessment", "IROAllocation", "IROConcern", "ImmunisationStatus", "LegalStatus", "LookedAfterReview", "MissingEpisode", "PeriodOfCare", "PersonalEducationPlan", "Placement", "PreProceedings", "PreProceedingsMeeting", "Section20Consent", "StrengthsAndDifficulties", "SubstanceMisuse", "TimetableExtension", "TransferReferral", "VisitRegime"]
