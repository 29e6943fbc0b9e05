"""What every casework record shares: whose it is, who wrote and last changed it, and a
version number.

The version is the optimistic lock: a form carries the version it was read at and the save
is ``UPDATE … WHERE id = ? AND version = ?``. If someone else saved in between, no row
matches and the second worker is told to reload, instead of silently overwriting the first
worker's assessment (see ``casework.actions.base.save_versioned``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class CaseRecord(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        default_permissions = ()

    # Each kind of record names its own URL segment, so the model layer can link to its page
    # without importing the kinds table (which sits above the forms and actions).
    url_slug: str

    def get_absolute_url(self) -> str:
        return reverse("casework:record", args=[self.person_id, self.url_slug, self.pk])


# A placeholder id of 19 digits (the most the converter takes), to find where ids go in a URL.
_PROBE_ID = 9_087_654_321_987_654_321


class RecordLinks:
    """``links(record)``: ``record.get_absolute_url()`` for one child's records, with one
    ``reverse()`` for each kind instead of one for each row (a casework page links ~140).

    Each kind's URL is reversed once with a probe id and the row's id put in its place, so
    the URLconf stays the one source of the pattern and the script prefix is the request's.
    That holds while the id converter writes an id as its digits (``lantern.ids``); where the
    probe does not appear exactly once the row falls back to ``get_absolute_url``, and a
    test compares the two for every kind."""

    def __init__(self, person_id: int):
        self.person_id = person_id
        self._around: dict[str, tuple[str, str] | None] = {}

    def __call__(self, record: CaseRecord) -> str:
        slug = record.url_slug
        try:
            around = self._around[slug]
        except KeyError:
            around = self._around[slug] = self._split(slug)
        if around is None or record.person_id != self.person_id:
            return record.get_absolute_url()
        return f"{around[0]}{record.pk}{around[1]}"

    def _split(self, slug: str) -> tuple[str, str] | None:
        probe = str(_PROBE_ID)
        url = reverse("casework:record", args=[self.person_id, slug, _PROBE_ID])
        if url.count(probe) != 1:
            return None
        before, after = url.split(probe)
        return before, after
