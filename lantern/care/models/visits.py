"""Which reg 28 visiting rule a placement is under, kept so each visit meets and starts the
right clock: it depends on facts about the day the placement began (or the order changed),
not only on the placement's type."""

from django.db import models

from lantern.care.models.placements import Placement


class VisitRegime(models.Model):
    class Rule(models.TextChoices):
        STANDARD = "standard", "Reg 28(2): within a week, then 6-weekly (3-monthly long term)"
        WEEKLY = "weekly", "Reg 28(4): weekly until the first review, then 4-weekly"
        CARE_ORDER_AT_HOME = (
            "care_order_home",
            "Reg 28(5): within a week of the order, then 6-weekly",
        )
        SHORT_BREAKS = "short_breaks", "Reg 48: short breaks, at least every 6 months"

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, related_name="visit_regime"
    )
    rule = models.CharField(max_length=16, choices=Rule.choices)
    since = models.DateField()
    # Reg 24: the connected person is approved temporarily until the fostering panel decides.
    temporary_approval = models.BooleanField(default=False)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return self.get_rule_display()
