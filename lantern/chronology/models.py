"""One ordered stream per person of everything known, from every agency.

Entries are written by domain actions (a visit, a referral) and by partner intake, each
with its source agency. The stream is read newest first, one indexed query per page:
the composite indexes below start with the person so a child's page never scans others.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from lantern.chronology.kinds import BY_CODE, CHOICES


class ChronologyEntry(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="chronology")
    occurred_at = models.DateTimeField()
    # False when only the date is known (a conference held on a day): ``occurred_at`` is then
    # that date's midnight UTC (``describe.occurred``) and no time is ever shown for it.
    time_known = models.BooleanField(default=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40, choices=CHOICES)
    # Partner authors are not Lantern users, so the author is text; staff entries also link.
    author = models.CharField(max_length=150, blank=True)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField()
    # Where the entry came from (a casework record, a partner's reference), for drill-through.
    source_type = models.CharField(max_length=64, blank=True)
    source_ref = models.CharField(max_length=64, blank=True)
    # Written by the system from the council record it describes (``describe.sync_entries``)
    # and rewritten when that record changes; False for what a person or partner wrote.
    from_record = models.BooleanField(default=False)
    # What the entry tells the safeguarding signals where its kind alone does not say: a
    # "plan" entry is a plan_started or plan_ended, a "household_change" an adult_joined.
    signal_event = models.CharField(max_length=20, blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "chronology entries"
        indexes = [
            models.Index(fields=["person", "-occurred_at", "-id"], name="chron_person_time"),
            models.Index(
                fields=["person", "agency", "-occurred_at", "-id"], name="chron_person_agency_time"
            ),
            models.Index(
                fields=["person", "kind", "-occurred_at", "-id"], name="chron_person_kind_time"
            ),
            # The entries a record wrote, found again each time the record is saved
            # (``describe.sync``): without it every save read the whole chronology.
            models.Index(fields=["source_type", "source_ref"], name="chron_source"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on:%Y-%m-%d} {self.kind}"

    @property
    def occurred_on(self) -> dt.date:
        """The day it happened, as the council reads it (London)."""
        if not self.time_known:
            return self.occurred_at.astimezone(dt.UTC).date()
        return timezone.localtime(self.occurred_at).date()

    @property
    def is_key(self) -> bool:
        kind = BY_CODE.get(self.kind)
        return kind is not None and kind.key

    def when_iso(self) -> str:
        """The date alone when no time is known (ISO 8601), else the instant."""
        if not self.time_known:
            return self.occurred_on.isoformat()
        return self.occurred_at.isoformat()
