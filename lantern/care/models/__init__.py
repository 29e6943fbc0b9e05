"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.periods import PeriodOfCare, LegalStatus, CareEpisode
from lantern.care.models.placements import Carer, Placement
from lantern.care.models.education import PersonalEducationPlan, EducationSetting
from lantern.care.models.health import HealthAssessment, DentalCheck, ImmunisationStatus, StrengthsAndDifficulties, SubstanceMisuse, Conviction
from lantern.care.models.leaving_care import NeedsAssessment, PathwayPlan, PersonalAdviser, CareLeaverContact, StayingPut
from lantern.care.models.legal import PreProceedings, PreProceedingsMeeting, CourtApplication, TimetableExtension, CourtOrder, Section20Consent
from lantern.care.models.missing import MissingEpisode
from lantern.care.models.permanence import PermanencePlan, AdoptionPlan, PreviousPermanence
from lantern.care.models.reviews import IROAllocation, LookedAfterReview, IROConcern
from lantern.care.models.uasc import AgeAssessment, TransferReferral
from lantern.care.models.visits import VisitRegime

__all__ = ["AdoptionPlan", "AgeAssessment", "CareEpisode", "CareLeaverContact", "Carer", "Conviction", "CourtApplication", "CourtOrder", "DentalCheck", "EducationSetting", "HealthAssessment", "IROAllocation", "IROConcern", "ImmunisationStatus", "LegalStatus", "LookedAfterReview", "MissingEpisode", "NeedsAssessment", "PathwayPlan", "PeriodOfCare", "PermanencePlan", "PersonalAdviser", "PersonalEducationPlan", "Placement", "PreProceedings", "PreProceedingsMeeting", "PreviousPermanence", "Section20Consent", "StayingPut", "StrengthsAndDifficulties", "SubstanceMisuse", "TimetableExtension", "TransferReferral", "VisitRegime"]
