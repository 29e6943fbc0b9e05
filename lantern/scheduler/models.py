"""What the scheduler remembers of each periodic job: the last moment it ran for, and who
holds it now.

The row is the lock. A scheduler takes a job by one conditional UPDATE (no one holds it, or
the holder's lease ran out; and this moment has not been run), which only one process can
win on either database, so two schedulers never run the same job at once; a process that
dies mid-job loses its lease when it runs out. Nothing here names a child or a member of
staff: ``last_outcome`` is counts, ``last_error`` an exception's class.
"""

from django.db import models


class JobState(models.Model):
    job = models.CharField(max_length=60, primary_key=True)
    # The scheduled moment (UTC) last run for: a run for it or an earlier one is not repeated.
    last_slot = models.DateTimeField(null=True, blank=True)
    holder = models.CharField(max_length=80, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=200, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    runs = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["job"]

    def __str__(self) -> str:
        return self.job
