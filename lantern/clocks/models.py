"""Clock rules, council closure days and the deadlines running on each child.

``ClockRule`` holds the timescales table (``lantern.clocks.table``) in the database, so a
council can set its own policy (the CP visit interval, the strategy discussion interval)
without a release; rules are retired, never deleted. ``Deadline`` is one running clock on
one child: started by an event, due on a computed date, then met or cancelled by a later
event. Met and cancelled deadlines are kept: they are the timeliness history inspectors
and the returns ask for.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lantern.clocks import table


class ClockRule(models.Model):
    code = models.SlugField(max_length=48, unique=True)
    label = models.CharField(max_length=120)
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=16, choices=list(table.UNITS.items()))
    starts_on = models.JSONField(default=list)
    met_by = models.JSONField(default=list)
    cancelled_by = models.JSONField(default=list)
    applies_to = models.CharField(max_length=200)
    source = models.CharField(max_length=200)
    action = models.CharField(max_length=120)
    local_policy = models.BooleanField(default=False)
    for_worker = models.BooleanField(default=True)
    counts_from_first = models.BooleanField(default=False)
    per_source = models.BooleanField(default=False)
    retired = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        permissions = [("manage_clocks", "Set local timescales and declare closure days")]

    def __str__(self) -> str:
        return self.code

    @property
    def interval(self) -> str:
        unit = table.UNITS[self.unit]
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"

    @property
    def cited_source(self) -> str:
        """The source as the timescales page shows it (``clocks.citations``)."""
        from lantern.clocks.citations import for_reader

        return for_reader(self.source)


class ClosureDay(models.Model):
    """A weekday the council is closed (e.g. 24 December): not a working day for any clock."""

    day = models.DateField(unique=True)
    reason = models.CharField(max_length=120)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d %b %Y}: {self.reason}"


class LookAhead(models.Model):
    """How many working days ahead My work shows what is due: a council's choice. Counted in
    working days, not to the end of the week, so a worker reading it on a Friday or a Sunday
    still sees Monday's deadlines. One row; none means the default."""

    DEFAULT = 5
    MAXIMUM = 20  # four working weeks: beyond that My work stops being a list of what is next

    working_days = models.PositiveSmallIntegerField(default=DEFAULT)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(working_days__gte=1, working_days__lte=20),
                name="look_ahead_one_to_twenty_working_days",
            )
        ]

    def __str__(self) -> str:
        return f"My work looks {self.working_days} working day(s) ahead"


class Deadline(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        MET = "met", "Met"
        CANCELLED = "cancelled", "No longer applies"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="deadlines")
    rule = models.ForeignKey(ClockRule, on_delete=models.PROTECT, related_name="deadlines")
    started_on = models.DateField()
    due_on = models.DateField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    started_by = models.CharField(max_length=40)
    closed_by = models.CharField(max_length=40, blank=True)
    # The record whose event started the clock (an ICPC, a visit), for drill-through.
    source_type = models.CharField(max_length=64, blank=True)
    source_ref = models.CharField(max_length=64, blank=True)
    # Days the due date was put back by a lawful extension (the court extending the 26
    # weeks, s32(5)): kept apart from the rule so a recomputation keeps it.
    extended_days = models.PositiveIntegerField(default=0)
    # Which calendar computed ``due_on`` (statutory.md Table 6: keep it for audit).
    calendar_version = models.CharField(max_length=60, blank=True)
    # The due date the allocated worker was told had passed (``overdue.tell_workers``): told
    # once per due date, and again if an extension moves it and that date passes too.
    overdue_told_for = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["person", "state", "due_on"], name="deadline_person_state"),
            # The open clocks of many children at once (a team view, a caseload, my work):
            # 3 % of the rows. Through the index above, PostgreSQL read every clock of the
            # team's 537 children, closed ones included (13,900 rows for 257 open ones).
            models.Index(
                fields=["person", "due_on"], name="deadline_open_person", condition=Q(state="open")
            ),
            # The clocks met late, for the team view's work completed late: 13 % of the rows.
            # Without it the same 13,900 were read to find 62 (with it, 1,173).
            models.Index(
                fields=["person", "closed_on"],
                name="deadline_met_late",
                condition=Q(state="met", closed_on__gt=models.F("due_on")),
            ),
            # An event reads one child's clocks of a few rules: without this SQLite walks
            # every deadline of the rule (a third of the table for CP visits).
            models.Index(fields=["person", "rule"], name="deadline_person_rule"),
            models.Index(fields=["state", "due_on"], name="deadline_state_due"),
            models.Index(fields=["rule", "state", "started_on"], name="deadline_rule_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("started_on")), name="deadline_due_after_start"
            ),
            models.CheckConstraint(
                condition=Q(state="open", closed_on__isnull=True)
                | (~Q(state="open") & Q(closed_on__isnull=False)),
                name="deadline_closed_iff_not_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule.code} due {self.due_on}"

    def late_if_done_on(self, day) -> bool:
        """The one definition of late: done after the due date (the due date itself is on
        time). The reason-for-lateness guard and the timeliness figures both ask here."""
        return day > self.due_on

    @property
    def met_late(self) -> bool:
        return self.state == self.State.MET and self.late_if_done_on(self.closed_on)
