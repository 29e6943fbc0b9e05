"""Entries written from a date carried an invented time: midday London (``record_entry``,
``describe.occurred``) or 09:00 UTC (someone moving into a household). Those that can be
told apart reliably become date-only, stored at their date's midnight UTC as new ones are:

- exactly 12:00:00.000000 London, from a casework, care or workforce record or a front door
  referral: every writer of those passed a date, never a time;
- exactly 09:00:00.000000 UTC, from a household membership (always a date).

Contacts, partner checks, MASH decisions and partner entries carry real times and are left
as they are, even at noon."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import migrations, models
from django.db.models import Q

LONDON = ZoneInfo("Europe/London")
DATED_SOURCES = (
    Q(source_type__startswith="casework.")
    | Q(source_type__startswith="care.")
    | Q(source_type__startswith="workforce.")
    | Q(source_type="frontdoor.Referral")
)


def _invented(at: dt.datetime, source_type: str) -> dt.date | None:
    if source_type == "people.HouseholdMembership":
        utc = at.astimezone(dt.UTC)
        return utc.date() if utc.time() == dt.time(9) else None
    local = at.astimezone(LONDON)
    return local.date() if local.time() == dt.time(12) else None


def mark_date_only(apps, schema_editor):
    Entry = apps.get_model("chronology", "ChronologyEntry")
    rows = Entry.objects.filter(
        DATED_SOURCES | Q(source_type="people.HouseholdMembership"), time_known=True
    ).values_list("pk", "occurred_at", "source_type")
    batch = []
    for pk, at, source_type in rows.iterator(chunk_size=5000):
        day = _invented(at, source_type)
        if day is not None:
            at = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)
            batch.append(Entry(pk=pk, occurred_at=at, time_known=False))
        if len(batch) >= 2000:
            Entry.objects.bulk_update(batch, ["occurred_at", "time_known"])
            batch = []
    Entry.objects.bulk_update(batch, ["occurred_at", "time_known"])


def back_to_invented_times(apps, schema_editor):
    Entry = apps.get_model("chronology", "ChronologyEntry")
    batch = []
    for entry in Entry.objects.filter(time_known=False).iterator(chunk_size=5000):
        day = entry.occurred_at.astimezone(dt.UTC).date()
        if entry.source_type == "people.HouseholdMembership":
            entry.occurred_at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
        else:
            entry.occurred_at = dt.datetime.combine(day, dt.time(12), tzinfo=LONDON)
        batch.append(entry)
    Entry.objects.bulk_update(batch, ["occurred_at"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("chronology", "0005_signal_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="chronologyentry",
            name="time_known",
            field=models.BooleanField(default=True),
        ),
        migrations.RunPython(mark_date_only, back_to_invented_times),
    ]
