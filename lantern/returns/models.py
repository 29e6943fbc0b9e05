"""A build of one statutory return, asked for on the Returns page, and the files it made.

A build takes seconds to minutes (the DfE's validators run over every child), so it is never
done inside a web request: the page records a ``ReturnRun`` and a separate process builds it
(``lantern.returns.runner``), writing its progress here for the page to show. The files are
kept as built, so a download later is byte-identical to what was validated, and the
validation report is kept as JSON so the page shows it again without running anything.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReturnRun(models.Model):
    class Kind(models.TextChoices):
        CIN = "cin", "CIN census"
        SSDA903 = "903", "SSDA903"
        ANNEX_A = "annexa", "Ofsted Annex A"
        SSD = "ssd", "Standard Safeguarding Dataset"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    # The collection year by the year it ends (CIN, SSDA903); Annex A takes a period instead;
    # the SSD has neither (it is everything held).
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # Progress as the builder and the validators report it: "Running the CIN rules", 3 of 7.
    step = models.CharField(max_length=200, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # Written with every progress report: a run whose process died stops moving.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(blank=True)  # why it failed, in words for the analyst
    children = models.PositiveIntegerField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)  # lantern.returns.findings shape
    # The report's counts, kept apart so the list of runs need not read whole reports.
    errors = models.PositiveIntegerField(null=True, blank=True)
    warnings = models.PositiveIntegerField(null=True, blank=True)
    queries = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        permissions = [
            ("build_returns", "Build, validate and download the statutory returns"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} run {self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ReturnFile(models.Model):
    """One file a run built, byte for byte as it was validated."""

    run = models.ForeignKey(ReturnRun, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=120)
    data = models.BinaryField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "name"], name="returns_file_once_per_run")
        ]

    def __str__(self) -> str:
        return self.name
