"""Signals as they are raised on children's records, and a council's own thresholds.

A signal keeps the chronology entries that formed it (``Evidence``), so the record can say
"3 A&E attendances in 10 months: 2 Mar, 14 Jun, 30 Dec" and link each date to its entry.
It stays live until a manager records what was decided, or until it no longer holds (an
entry corrected, a threshold raised): then it lapses, and says why, rather than vanishing.
"""

from django.conf import settings
from django.db import models

from lantern.signals.rules import CHOICES


class RuleSetting(models.Model):
    """A council's thresholds for one rule; a rule with no row runs on its defaults."""

    rule = models.CharField(max_length=40, choices=CHOICES, unique=True)
    thresholds = models.JSONField(default=dict)
    enabled = models.BooleanField(default=True)
    reason = models.CharField(max_length=500)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        permissions = [("manage_signal_rules", "Change the safeguarding signals' thresholds")]

    def __str__(self) -> str:
        return self.rule


class Signal(models.Model):
    class Status(models.TextChoices):
        LIVE = "live", "Live"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        ACTIONED = "actioned", "Action taken"
        LAPSED = "lapsed", "No longer holds"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="signals")
    rule = models.CharField(max_length=40, choices=CHOICES)
    # The first day the pattern held: the date of the event that completed it.
    fired_on = models.DateField()
    headline = models.CharField(max_length=300)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.LIVE)
    raised_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    # Where the action taken is recorded: a path within Lantern (a strategy discussion).
    action_link = models.CharField(max_length=300, blank=True)
    lapsed_at = models.DateTimeField(null=True, blank=True)
    evidence = models.ManyToManyField(
        "chronology.ChronologyEntry", through="Evidence", related_name="signals"
    )

    class Meta:
        ordering = ["-fired_on", "-id"]
        permissions = [("decide_signal", "Record what was decided about a safeguarding signal")]
        indexes = [
            models.Index(fields=["person", "status"], name="signal_person_status"),
            models.Index(fields=["status", "-fired_on"], name="signal_status_fired"),
            # "Has this person a live signal?", asked for every child in the MASH queue.
            models.Index(
                fields=["person"], condition=models.Q(status="live"), name="signal_live_person"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "rule", "fired_on"], name="one_signal_per_rule_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.fired_on}"

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE


class Evidence(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="links")
    entry = models.ForeignKey(
        "chronology.ChronologyEntry", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["signal", "entry"], name="evidence_once_per_signal")
        ]
