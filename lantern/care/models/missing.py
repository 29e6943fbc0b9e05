"""Episodes of a child missing or away from placement without authorisation (SSDA903 Missing
table), and the return home interview each return calls for.

Statutory guidance on children who run away or go missing from home or care (2014) asks
for an independent return home interview within 72 hours of the child's return, whether or
not the child is looked after; so an episode belongs to the child, and to a period of care
only when the child was looked after when it started (only those go in the return).
"""

from django.db import models
from django.db.models import F, Q

from lantern.care import codes
from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class MissingEpisode(CaseRecord):
    url_slug = "missing-episode"

    class Interview(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    kind = models.CharField("Missing or away", max_length=1, choices=codes.MISSING.choices())
    start_date = models.DateField("Went missing (MIS_START)")
    end_date = models.DateField("Returned (MIS_END)", null=True, blank=True)
    # The period of care the child was in when the episode began; empty when the child was
    # not looked after (recorded, but not part of the SSDA903 return).
    period = models.ForeignKey(
        PeriodOfCare, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    circumstances = models.TextField("Where the child was found and how", blank=True)
    rhi_offered_on = models.DateField("Return home interview offered", null=True, blank=True)
    rhi_response = models.CharField(
        "The child's answer", max_length=10, choices=Interview.choices, blank=True
    )
    rhi_done_on = models.DateField("Return home interview held", null=True, blank=True)
    rhi_by = models.CharField("Interview by (name and agency)", max_length=200, blank=True)
    child_said = models.TextField("What the child said", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["person", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="missing_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        what = "Missing" if self.kind == "M" else "Away from placement"
        return f"{what} from {self.start_date:%-d %b %Y}"

    @property
    def looked_after(self) -> bool:
        return self.period_id is not None
