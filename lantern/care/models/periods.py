"""A period of care and what it is made of, in the SSDA903 shape.

A child is looked after from the day a period of care starts until it ends. Within it the
child has a legal status (``LegalStatus``, one at a time) and a placement (``Placement``, one
at a time); the SSDA903 episode (``CareEpisode``) is the span over which neither changes, so
a new episode starts on every change of legal status, placement or carer. Legal statuses and
placements are what workers record; episodes are derived from them by ``care.episodes`` and
never typed, so the return cannot disagree with the record.
"""

from django.db import models
from django.db.models import F, Q

from lantern.care import codes
from lantern.casework.models.base import CaseRecord


class PeriodOfCare(CaseRecord):
    url_slug = "period-of-care"

    # The CIN episode the child was looked after from, where there is one.
    cin_episode = models.ForeignKey(
        "casework.CINEpisode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField("Date the child became looked after")
    end_date = models.DateField("Date the child ceased to be looked after", null=True, blank=True)
    category_of_need = models.CharField(
        "Category of need", max_length=2, choices=codes.CATEGORY_OF_NEED.choices()
    )
    # The child's home postcode when the period started (SSDA903 HOME_POST).
    home_postcode = models.CharField("Home postcode", max_length=8, blank=True)
    reason_ceased = models.CharField(
        "Reason the child ceased to be looked after",
        max_length=3,
        choices=codes.REASON_EPISODE_CEASED.choices(),
        blank=True,
    )
    # Care Planning Regs reg 4(2): the care plan is made within 10 working days of the
    # first placement where it could not be made before.
    care_plan_date = models.DateField("Care plan made", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["person", "-start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="period_of_care_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(end_date__isnull=True), name="one_open_period"
            ),
        ]

    def __str__(self) -> str:
        return f"Looked after from {self.start_date:%-d %b %Y}"


class LegalStatus(CaseRecord):
    """The legal basis on which the child is looked after, from ``start_date`` until the next
    status starts or the period ends (``end_date``)."""

    url_slug = "legal-status"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="statuses")
    code = models.CharField("Legal status", max_length=2, choices=codes.LEGAL_STATUS.choices())
    start_date = models.DateField("Legal status from")
    end_date = models.DateField("Legal status until", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["start_date", "pk"]

    def __str__(self) -> str:
        return f"{self.code}: {codes.LEGAL_STATUS.label(self.code)}"


class CareEpisode(models.Model):
    """One SSDA903 episode: derived, rebuilt by ``care.episodes`` whenever a legal status or
    placement in its period changes. Never edited by hand."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.CASCADE, related_name="episodes")
    start_date = models.DateField("DECOM")
    reason_new = models.CharField("RNE", max_length=1, choices=codes.REASON_NEW_EPISODE.choices())
    legal_status = models.CharField("LS", max_length=2, choices=codes.LEGAL_STATUS.choices())
    placement = models.ForeignKey(
        "care.Placement", null=True, on_delete=models.PROTECT, related_name="episodes"
    )
    end_date = models.DateField("DEC", null=True, blank=True)
    reason_ceased = models.CharField(
        "REC", max_length=3, choices=codes.REASON_EPISODE_CEASED.choices(), blank=True
    )
    reason_place_change = models.CharField(
        "REASON_PLACE_CHANGE",
        max_length=6,
        choices=codes.REASON_PLACE_CHANGE.choices(),
        blank=True,
    )

    class Meta:
        default_permissions = ()
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["person", "start_date"])]
