"""The independent reviewing officer and the looked-after review (IRO Handbook 2010).

Every looked-after child has an IRO (Children Act 1989 s25A), who chairs the child's reviews
(Care Planning Regs reg 33) and, where the council's plan or practice fails the child,
raises it formally under the council's dispute resolution process (IRO Handbook 2010
ch. 6). Changes of IRO are kept, not overwritten: a child with many IROs is as visible as
one with many social workers.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from lantern.care import codes
from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord
from lantern.casework.models.episodes import LateReasonFields


class IROAllocation(CaseRecord):
    url_slug = "iro-allocation"

    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Independent reviewing officer",
        on_delete=models.PROTECT,
        related_name="iro_allocations",
    )
    start_date = models.DateField("Allocated from")
    end_date = models.DateField("Allocated until", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-pk"]
        permissions = [
            ("view_iro_caseload", "See my IRO caseload: the reviews due on my children"),
        ]
        indexes = [models.Index(fields=["iro", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="iro_allocation_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(end_date__isnull=True), name="one_current_iro"
            ),
        ]

    def __str__(self) -> str:
        return f"IRO {self.iro.get_full_name() or self.iro.get_username()}"


class LookedAfterReview(LateReasonFields, CaseRecord):
    """A review of the child's care plan (reg 33), chaired by the IRO, and the IRO's record
    of it: the decisions and the date the IRO signed them off (Handbook 3.70: within 5
    working days the decisions go out; the full record within 20)."""

    url_slug = "looked-after-review"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField("Date of the review")
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Chair (IRO)",
        on_delete=models.PROTECT,
        related_name="+",
    )
    participation = models.CharField(
        "How the child took part", max_length=3, choices=codes.REVIEW_PARTICIPATION.choices()
    )
    child_views = models.TextField("The child's views", blank=True)
    decisions = models.TextField("Decisions and recommendations")
    care_plan_endorsed = models.BooleanField("The IRO endorsed the care plan", default=True)
    iro_report = models.TextField("The IRO's record of the review", blank=True)
    signed_off_on = models.DateField("Signed off by the IRO on", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["person", "-held_on"])]
        constraints = [
            models.UniqueConstraint(fields=["period", "held_on"], name="one_review_a_day"),
        ]

    def __str__(self) -> str:
        return f"Looked-after review {self.held_on:%-d %b %Y}"


class IROConcern(CaseRecord):
    """The IRO's formal concern about the child's plan or the council's practice, and how far
    it went through the dispute resolution process (IRO Handbook 2010 ch. 6; CAFCASS last,
    under s25B(3) of the 1989 Act)."""

    url_slug = "iro-concern"

    class Stage(models.TextChoices):
        INFORMAL = "informal", "Informal: raised with the social worker"
        TEAM_MANAGER = "team_manager", "Team manager"
        SERVICE_MANAGER = "service_manager", "Service manager"
        HEAD_OF_SERVICE = "head_of_service", "Head of service"
        DIRECTOR = "director", "Director of children's services"
        CAFCASS = "cafcass", "Referred to CAFCASS"

    review = models.ForeignKey(
        LookedAfterReview,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concerns",
        verbose_name="Review the concern arose from",
    )
    raised_on = models.DateField("Raised on")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Raised by",
        on_delete=models.PROTECT,
        related_name="+",
    )
    concern = models.TextField("The concern")
    stage = models.CharField("Stage reached", max_length=16, choices=Stage.choices)
    stage_reached_on = models.DateField("Stage reached on")
    resolved_on = models.DateField("Resolved on", null=True, blank=True)
    outcome = models.TextField("Outcome", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"IRO concern raised {self.raised_on:%-d %b %Y}"
