"""Where a looked-after child lives, and with whom.

A ``Carer`` is a fostering household, a kinship (connected person) carer, a children's home
or a supported accommodation provider; the child's parents are a carer too when the child is
placed with them. A ``Placement`` is one stay with one carer, in one SSDA903 placement type.
The weekly cost is kept on the placement: it is the largest cost in children's services.
"""

from django.db import models
from django.db.models import F, Q

from lantern.care import codes
from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class Carer(models.Model):
    class Kind(models.TextChoices):
        FOSTERING_HOUSEHOLD = "foster", "Fostering household"
        KINSHIP = "kinship", "Kinship carer (connected person)"
        CHILDRENS_HOME = "home", "Children's home"
        SUPPORTED_ACCOMMODATION = "supported", "Supported accommodation"
        PARENTS = "parents", "Parent(s) or others with parental responsibility"
        ADOPTERS = "adopters", "Prospective adopters"
        OTHER = "other", "Other provision"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    provider = models.CharField(
        "Placement provider", max_length=3, choices=codes.PROVIDER.choices()
    )
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        default_permissions = ()

    def __str__(self) -> str:
        return self.name


class Placement(CaseRecord):
    url_slug = "placement"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="placements")
    carer = models.ForeignKey(Carer, on_delete=models.PROTECT, related_name="placements")
    placement_type = models.CharField("Placement type", max_length=3)
    provider = models.CharField(
        "Placement provider", max_length=3, choices=codes.PROVIDER.choices(), blank=True
    )
    postcode = models.CharField("Placement postcode", max_length=8, blank=True)
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    start_date = models.DateField("Placement started")
    end_date = models.DateField("Placement ended", null=True, blank=True)
    reason_changed = models.CharField(
        "Reason for the placement change",
        max_length=6,
        choices=codes.REASON_PLACE_CHANGE.choices(),
        blank=True,
    )
    emergency = models.BooleanField("An emergency placement", default=False)
    # Care Planning Regs reg 28(2)(c): a placement meant to last until the child is 18 is
    # visited 3-monthly after its first year.
    long_term = models.BooleanField("Intended to last until the child is 18", default=False)
    weekly_cost = models.DecimalField(
        "Weekly cost (£)", max_digits=8, decimal_places=2, null=True, blank=True
    )
    placement_plan = models.TextField("Placement plan", blank=True)
    # Care Planning Regs reg 13: an emergency placement is notified within 5 working days.
    notified_on = models.DateField("Placement notified", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["person", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="placement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.carer} from {self.start_date:%-d %b %Y}"
