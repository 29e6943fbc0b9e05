"""What the worker writes down: visits, case notes, management oversight, and drafts.

The visit keeps "child seen", "seen alone", "bedroom seen", "reason not seen" and "reason not
seen alone" as separate
facts (statutory.md 1.9), and the child's own words as the child said them: the reviews
after Victoria Climbié and Peter Connelly found the child's voice missing from the record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lantern.casework.models.base import CaseRecord
from lantern.casework.models.episodes import CINEpisode

OPENING_QUOTES, CLOSING_QUOTES = "\"'“‘„«", "\"'”’»"


def quoted(words: str, limit: int | None = None, *, max_words: int | None = None) -> str:
    """The child's words in quotation marks, once. They are stored as typed; a worker who
    typed them in quotation marks (as the form once asked) is shown their own marks, not a
    second pair. ``limit`` (characters) and ``max_words`` cut a long passage for a summary."""
    words = " ".join(words.split())
    opening, closing = "“", "”"
    if len(words) > 1 and words[0] in OPENING_QUOTES and words[-1] in CLOSING_QUOTES:
        opening, closing, words = words[0], words[-1], words[1:-1].strip()
    parts = words.split()
    if max_words is not None and len(parts) > max_words:
        words = " ".join(parts[:max_words]) + "…"
    if limit is not None and len(words) > limit:
        words = words[:limit] + "…"
    return f"{opening}{words}{closing}"


class Visit(CaseRecord):
    url_slug = "visit"

    class Kind(models.TextChoices):
        CHILD_PROTECTION = "cp", "Child protection statutory visit"
        CHILD_IN_NEED = "cin", "Child in need visit"
        ASSESSMENT = "assessment", "Assessment visit"
        LOOKED_AFTER = "cla", "Looked-after child visit"
        OTHER = "other", "Other visit"

    episode = models.ForeignKey(
        CINEpisode, null=True, blank=True, on_delete=models.PROTECT, related_name="visits"
    )
    visited_on = models.DateField("Date of visit")
    kind = models.CharField("Type of visit", max_length=12, choices=Kind.choices)
    child_seen = models.BooleanField("The child was seen", default=False)
    seen_alone = models.BooleanField("The child was seen alone", default=False)
    bedroom_seen = models.BooleanField("The child's bedroom was seen", default=False)
    # Before birth the child cannot be seen: a CP visit sees the expectant parent.
    expectant_parent_seen = models.BooleanField("The expectant parent was seen", default=False)
    reason_not_seen = models.TextField("Why the child was not seen", blank=True)
    reason_not_seen_alone = models.TextField("Why the child was not seen alone", blank=True)
    child_words = models.TextField("What the child said, in their own words", blank=True)
    observations = models.TextField("What you saw and what it means", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["person", "-visited_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(child_seen=True) | Q(seen_alone=False), name="seen_alone_means_seen"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.visited_on:%d %b %Y}"

    @property
    def child_words_shown(self) -> str:
        """The child's words for a list: quoted once, the first 25 words."""
        return quoted(self.child_words, max_words=25)


class CaseNote(CaseRecord):
    url_slug = "case-note"
    episode = models.ForeignKey(
        CINEpisode, null=True, blank=True, on_delete=models.PROTECT, related_name="case_notes"
    )
    noted_on = models.DateField("Date")
    subject = models.CharField(max_length=120)
    text = models.TextField("Note")

    class Meta(CaseRecord.Meta):
        ordering = ["-noted_on", "-id"]
        indexes = [models.Index(fields=["person", "-noted_on"])]

    def __str__(self) -> str:
        return f"Case note {self.noted_on:%d %b %Y}: {self.subject}"


class ManagementOversight(CaseRecord):
    """A manager's recorded direction on the case: Ofsted looks for it on every file."""

    url_slug = "oversight"
    episode = models.ForeignKey(
        CINEpisode, null=True, blank=True, on_delete=models.PROTECT, related_name="oversight"
    )
    recorded_on = models.DateField("Date")
    direction = models.TextField("Reflection and direction")
    review_by = models.DateField("Review the case again by", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-recorded_on", "-id"]
        verbose_name_plural = "management oversight"

    def __str__(self) -> str:
        return f"Management oversight {self.recorded_on:%d %b %Y}"


class Draft(models.Model):
    """What a worker has typed but not yet saved, kept as they type so a session timeout or
    a dropped connection never loses an assessment. Deleted when the record is saved."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    form_key = models.CharField(max_length=60)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["user", "person", "form_key"], name="one_draft_a_form")
        ]
