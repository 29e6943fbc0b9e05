"""The audit log: one append-only row for every look at, and every change to, personal data.

Rows can be added and read through the application, never changed or removed: the model
and its queryset refuse updates and deletes. A request inserts its row without a sequence
number or hash, so no request waits on another's; the sealer (``lantern.access.sealing``)
then gives committed rows their sequence number and the SHA-256 of their content chained to
the previous row's hash, so an alteration or deletion made behind the application's back
(directly in the database) is detected by ``lantern audit verify``, which names the first
bad entry.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditLogIsAppendOnly(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("audit entries cannot be changed")

    def delete(self):
        raise AuditLogIsAppendOnly("audit entries cannot be deleted")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEW_RECORD = "view_record", "Viewed record"
        # A name (and what a list says of the child) shown among others on a list page: not
        # the record opened. "Who has seen" counts the two apart.
        LISTED = "listed", "Name shown in a list"
        VIEW_CHRONOLOGY = "view_chronology", "Viewed chronology"
        SEARCH = "search", "Searched the person index"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"
        DENIED = "denied", "Access denied"
        REASON_ASKED = "reason_asked", "Asked to state a reason"
        BREAK_GLASS = "break_glass", "Stated a reason to open a record"
        EXPORT = "export", "Exported"
        VIEW_ACCESS_LOG = "view_access_log", "Viewed who has seen a record"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No database constraint and no index of their own on ``user`` and ``person``: a
    # constraint made every entry lock its person's and user's row at commit (a team view's
    # 340 entries took 17 ms of PostgreSQL's time, 6 without), and the ``(person, -at)``
    # and ``(user, -at)`` indexes below already serve any look-up by either. Django still
    # refuses to delete an account or a person the log names (``PROTECT``), and the ids
    # are only ever those of records the request has just read.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    # Kept as text too: the log must still say who it was if an account is renamed.
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    detail = models.TextField(blank=True)
    purpose = models.CharField(max_length=200, blank=True)
    source_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True)
    # Set once, by the sealer: empty ("unsealed") from the insert until it runs.
    seq = models.BigIntegerField(unique=True, null=True, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, blank=True)
    sealed_at = models.DateTimeField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["person", "-at"]),
            models.Index(fields=["user", "-at"]),
            # The sealer's queue: only the few rows not yet sealed, found by flag, not by
            # "id above the last sealed" (a lower id can commit after a higher one).
            models.Index(
                fields=["id"], condition=models.Q(seq__isnull=True), name="audit_unsealed"
            ),
        ]
        permissions = [
            ("view_audit", "Search the whole audit log"),
            ("view_record_access", "See who has seen a child's record"),
            ("restrict_record", "Restrict a record to a named list"),
            ("export_subject_access", "Export everything held about a person (SAR)"),
            ("view_retention", "See records due for retention review"),
            ("decide_retention", "Record retention review decisions (keep, extend, destroy)"),
        ]
        default_permissions = ()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit entries cannot be deleted")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"


class AuditChainHead(models.Model):
    """The last link of the chain: one row, locked only by the sealer (and a checkpoint
    signed on demand), never by a request; it makes a deleted tail detectable too."""

    seq = models.BigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="0" * 64)
    # When the last signed checkpoint was written: read with the row already locked for the
    # seal, so "at least hourly" costs no extra query (lantern.access.checkpoints).
    checkpoint_at = models.DateTimeField(null=True, blank=True)


class AuditCheckpoint(models.Model):
    """A signed statement "the chain's entry ``seq`` had hash ``entry_hash`` at ``at``".

    Re-hashing the chain after deleting a row changes the hash at every later entry; the
    signature over the old hash cannot be remade without the private key, which is kept out
    of the database. Insert-only, like the log itself; the DPO keeps exported copies too.
    """

    seq = models.BigIntegerField(db_index=True)
    entry_hash = models.CharField(max_length=64)
    at = models.DateTimeField()
    key_id = models.CharField(max_length=16)
    signature = models.CharField(max_length=100)

    objects = AuditQuerySet.as_manager()

    class Meta:
        default_permissions = ()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit checkpoints cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit checkpoints cannot be deleted")

    def __str__(self) -> str:
        return f"checkpoint at entry {self.seq}"


class RestrictedRecord(models.Model):
    """A record only a named list may open: a staff member's child, a high-profile case, an
    adoption. Anyone else with access sees that it exists and must state a reason to open it
    ("break the glass"); the owner is told."""

    class Why(models.TextChoices):
        STAFF_CHILD = "staff_child", "Child of a member of staff"
        HIGH_PROFILE = "high_profile", "High-profile case"
        ADOPTION = "adoption", "Adoption record"
        OTHER = "other", "Other"

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="restriction"
    )
    why = models.CharField(max_length=16, choices=Why.choices)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    named_users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Restricted: {self.get_why_display()}"


class BreakGlass(models.Model):
    """A stated reason to open a record outside one's own work, valid for a working day."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "person", "-expires_at"])]


class EnrolmentCode(models.Model):
    """A one-time code an administrator issues so a member of staff can set up an
    authenticator. Without it, anyone holding only a password could enrol their own phone
    on an account that has none. Only a hash is kept; the code is shown once, expires,
    is used once, and a newer code or too many wrong tries cancels it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["user", "-issued_at"])]

    def __str__(self) -> str:
        return f"Enrolment code for {self.user} issued {self.issued_at:%Y-%m-%d %H:%M}"


class RetentionDecision(models.Model):
    """The DPO's decision on a record whose retention period has ended or is about to: keep
    it, keep it to a later date, or approve its destruction. Destruction itself is a separate
    step; approving it only records the decision. Decisions are added, never changed: the
    latest one for a person is the one in force, and the earlier ones stay as its history."""

    class Outcome(models.TextChoices):
        KEEP = "keep", "Keep"
        EXTEND = "extend", "Extend"
        DESTROY = "destroy", "Destruction approved"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    keep_until = models.DateField(null=True, blank=True)  # the new date, when extended
    # What the rule said when the decision was made, so a later reader sees what it answered.
    rule = models.CharField(max_length=24)
    period_ends = models.DateField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["person", "-decided_at"])]
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="extend", keep_until__isnull=False)
                | (~models.Q(outcome="extend") & models.Q(keep_until__isnull=True)),
                name="retention_extension_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.decided_at:%Y-%m-%d})"
