"""Care leavers to age 25 (Children (Leaving Care) Act 2000; Care Leavers (England)
Regulations 2010; Children and Social Work Act 2017).

Which duties apply (eligible, relevant, former relevant, qualifying) is worked out from the
periods of care (``care.queries.leaving_care.category``), never typed. What is recorded here
is the work: the needs assessment, the pathway plan and its reviews, the personal adviser,
the contacts that say where the young person lives and what they do (SSDA903 OC3), and
Staying Put with former foster carers after 18.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from lantern.care import codes
from lantern.care.models.placements import Carer
from lantern.casework.models.base import CaseRecord


class NeedsAssessment(CaseRecord):
    url_slug = "needs-assessment"

    completed_on = models.DateField("Date the needs assessment was completed")
    summary = models.TextField("Needs identified")

    class Meta(CaseRecord.Meta):
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return f"Needs assessment of {self.completed_on:%-d %b %Y}"


class PathwayPlan(CaseRecord):
    url_slug = "pathway-plan"

    made_on = models.DateField("Date the plan was made or reviewed")
    is_review = models.BooleanField("A review of the pathway plan", default=False)
    summary = models.TextField("The plan")

    class Meta(CaseRecord.Meta):
        ordering = ["-made_on", "-pk"]

    def __str__(self) -> str:
        what = "Pathway plan review" if self.is_review else "Pathway plan"
        return f"{what} of {self.made_on:%-d %b %Y}"


class PersonalAdviser(CaseRecord):
    url_slug = "personal-adviser"

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advised"
    )
    start_date = models.DateField("Personal adviser from")
    end_date = models.DateField("Personal adviser until", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(end_date__isnull=True), name="one_open_adviser"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="adviser_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        name = self.adviser.get_full_name() or self.adviser.get_username()
        return f"Personal adviser: {name}"


class CareLeaverContact(CaseRecord):
    """Being in touch with the young person, and what they said about home and activity:
    the contact nearest each 17th to 21st birthday is the OC3 row."""

    url_slug = "care-leaver-contact"

    contact_on = models.DateField("Date of contact")
    in_touch = models.CharField("In touch", max_length=4, choices=codes.IN_TOUCH.choices())
    activity = models.CharField(
        "Education, employment or training", max_length=2, choices=codes.ACTIV.choices()
    )
    accommodation = models.CharField(
        "Accommodation and whether it is suitable", max_length=2, choices=codes.ACCOM.choices()
    )

    class Meta(CaseRecord.Meta):
        ordering = ["-contact_on", "-pk"]
        indexes = [models.Index(fields=["person", "-contact_on"])]

    def __str__(self) -> str:
        return f"Contact on {self.contact_on:%-d %b %Y}"


class StayingPut(CaseRecord):
    """Living on with former foster carers after 18 (Children and Families Act 2014 s.98)."""

    url_slug = "staying-put"

    carer = models.ForeignKey(Carer, on_delete=models.PROTECT, related_name="staying_put")
    start_date = models.DateField("Staying Put from")
    end_date = models.DateField("Staying Put until", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="staying_put_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Staying Put with {self.carer}"
