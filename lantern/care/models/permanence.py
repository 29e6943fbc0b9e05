"""Permanence: the plan for where the child will grow up, and the adoption milestones.

The care plan must contain a plan for permanence by the second looked-after review (Care
Planning Regs 2010 reg 5(a); statutory.md 2.7). Where the plan is adoption, the dates from
the decision that the child should be placed for adoption to the adoption order are what
the DfE adoption scorecard and the SSDA903 AD1 and PlacedAdoption tables are built from, so
they are recorded as dates on one record per period of care, never worked out later.
"""

from django.db import models
from django.db.models import Q

from lantern.care import codes
from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class PermanencePlan(CaseRecord):
    """The plan for permanence agreed for a period of care; a later plan replaces it."""

    url_slug = "permanence-plan"

    period = models.ForeignKey(
        PeriodOfCare, on_delete=models.PROTECT, related_name="permanence_plans"
    )
    plan = models.CharField(
        "Plan for permanence", max_length=12, choices=codes.PERMANENCE_PLAN.choices()
    )
    agreed_on = models.DateField("Date the plan was agreed")
    # Parallel (contingency) planning: the other plan pursued at the same time.
    contingency = models.CharField(
        "Parallel or contingency plan",
        max_length=12,
        choices=codes.PERMANENCE_PLAN.choices(),
        blank=True,
    )
    notes = models.TextField("About the plan", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-agreed_on", "-pk"]

    def __str__(self) -> str:
        return f"Permanence plan: {codes.PERMANENCE_PLAN.label(self.plan)}"


class AdoptionPlan(CaseRecord):
    """The adoption milestones of one period of care (SHOBPA to the adoption order), the AD1
    match details and, where the decision is reversed, when and why (PlacedAdoption)."""

    url_slug = "adoption"

    period = models.OneToOneField(PeriodOfCare, on_delete=models.PROTECT, related_name="adoption")
    decided_on = models.DateField("Decision that the child should be placed for adoption")
    placement_order_on = models.DateField("Placement order", null=True, blank=True)
    matched_on = models.DateField("Matched with adopters", null=True, blank=True)
    number_of_adopters = models.CharField(
        "Number of adopters", max_length=1, choices=codes.NB_ADOPTR.choices(), blank=True
    )
    sex_adopter = models.CharField(
        "Sex of adopter(s)", max_length=2, choices=codes.SEX_ADOPTR.choices(), blank=True
    )
    legal_status_adopter = models.CharField(
        "Legal status of adopter(s)", max_length=3, choices=codes.LS_ADOPTR.choices(), blank=True
    )
    foster_carers_adopting = models.CharField(
        "Adopted by current foster carer(s)",
        max_length=1,
        choices=codes.FOSTER_CARE.choices(),
        blank=True,
    )
    placed_on = models.DateField("Placed for adoption", null=True, blank=True)
    adoption_order_on = models.DateField("Adoption order", null=True, blank=True)
    reversed_on = models.DateField("Decision reversed", null=True, blank=True)
    reason_reversed = models.CharField(
        "Reason the decision was reversed",
        max_length=3,
        choices=codes.REASON_PLACED_CEASED.choices(),
        blank=True,
    )

    class Meta(CaseRecord.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(reversed_on__isnull=True) | ~Q(reason_reversed=""),
                name="adoption_reversal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Adoption plan from {self.decided_on:%-d %b %Y}"


class PreviousPermanence(CaseRecord):
    """SSDA903 PrevPerm: whether the child had left an earlier care episode for adoption,
    special guardianship or a child arrangements order. Asked when a child starts care."""

    url_slug = "previous-permanence"

    period = models.OneToOneField(
        PeriodOfCare, on_delete=models.PROTECT, related_name="previous_permanence"
    )
    option = models.CharField(
        "Previous permanence option", max_length=2, choices=codes.PREV_PERM.choices()
    )
    # LA_PERM: the council that made the arrangement (3-digit DfE code, or WAL/SCO/NUK/NIR).
    council = models.CharField("Council that arranged it", max_length=3, blank=True)
    # DATE_PERM allows ZZ for an unknown day or month, so it is kept as the 903 writes it.
    arranged_on = models.CharField("Date of the order (DD/MM/YYYY)", max_length=10, blank=True)

    def __str__(self) -> str:
        return f"Previous permanence: {codes.PREV_PERM.label(self.option)}"
