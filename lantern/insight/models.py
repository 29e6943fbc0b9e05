"""The targets the council sets for its figures: what counts as green and as amber.

A target belongs to the council, not to the DfE: it is set, with a reason, by the people
the council trusts with it, and every change is audited with the old and the new
thresholds. One row per figure (by its code, since figures are code, not data).
"""

from django.conf import settings
from django.db import models


class Target(models.Model):
    figure = models.CharField(max_length=80, unique=True)  # a Figure.code
    green = models.DecimalField(max_digits=12, decimal_places=2)
    amber = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.CharField(max_length=500)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()

    class Meta:
        permissions = [
            ("view_insight", "See the performance figures and their counts"),
            ("view_children_behind_figures", "See the children behind a performance figure"),
            ("set_targets", "Set the council's targets for the performance figures"),
        ]

    def __str__(self) -> str:
        return f"{self.figure}: green {self.green}, amber {self.amber}"
