"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.periods import CareEpisode, LegalStatus, PeriodOfCare
from lantern.care.models.placements import Carer, Placement

__all__ = ["CareEpisode", "Carer", "LegalStatus", "PeriodOfCare", "Placement"]
from lantern.care.models.legal import (
    CourtApplication,
    CourtOrder,
    PreProceedings,
    PreProceedingsMeeting,
    Section20Consent,
    TimetableExtension,
)
from lantern.care.models.missing import MissingEpisode
from lantern.care.models.uasc import AgeAssessment, TransferReferral

__all__ += [
    "AgeAssessment",
    "CourtApplication",
    "CourtOrder",
    "MissingEpisode",
    "PreProceedings",
    "PreProceedingsMeeting",
    "Section20Consent",
    "TimetableExtension",
    "TransferReferral",
]
