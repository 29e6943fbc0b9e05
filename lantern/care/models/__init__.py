"""Care records, one module per part of a looked-after child's life (DESIGN.md §2)."""

from lantern.care.models.periods import CareEpisode, LegalStatus, PeriodOfCare
from lantern.care.models.placements import Carer, Placement
from lantern.care.models.reviews import IROAllocation, IROConcern, LookedAfterReview
from lantern.care.models.visits import VisitRegime

__all__ = ["CareEpisode", "Carer", "LegalStatus", "PeriodOfCare", "Placement"]
__all__ += ["IROAllocation", "IROConcern", "LookedAfterReview", "VisitRegime"]
