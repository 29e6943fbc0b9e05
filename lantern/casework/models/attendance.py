"""Who was at a child protection conference, and how the child was heard.

Working Together 2023 expects parents and the child to take part (with an advocate where
needed), the agencies invited to be the ones that know the child, and reports shared with
parents beforehand; reviews of child deaths keep finding a conference that never heard
the child or went ahead without the agencies that knew most."""

from django.db import models


class ConferenceAttendance(models.Model):
    class Parents(models.TextChoices):
        ALL = "all", "Parents attended"
        SOME = "some", "One parent attended, the other did not"
        NONE = "none", "Parents did not attend"

    class Child(models.TextChoices):
        ATTENDED = "attended", "The child attended"
        VIEWS = "views", "The child's views were shared another way"
        TOO_YOUNG = "too_young", "Too young to take part"

    parents_attendance = models.CharField(
        "Parents' attendance", max_length=8, choices=Parents.choices, blank=True
    )
    parents_absence_reason = models.TextField("Why a parent did not attend", blank=True)
    child_participation = models.CharField(
        "The child's part in the conference", max_length=12, choices=Child.choices, blank=True
    )
    child_wishes = models.TextField(
        "The child's wishes and feelings (in their words, or how they were gathered)", blank=True
    )
    advocate = models.CharField("Advocate (name and organisation)", max_length=200, blank=True)
    agencies_invited = models.ManyToManyField(
        "agencies.Agency", related_name="+", blank=True, verbose_name="agencies invited"
    )
    # Yes or no, both stated; the date is when parents had the reports.
    reports_shared = models.BooleanField(
        "Reports shared with parents before the conference", null=True, blank=True
    )
    reports_shared_on = models.DateField("Date reports shared with parents", null=True, blank=True)

    class Meta:
        abstract = True
