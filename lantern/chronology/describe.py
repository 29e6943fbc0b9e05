"""One fact, one place: a council record's chronology entries are read from the record.

Each kind of council record (a CIN episode, a conference) has one function that says which
entries it puts in the child's story, ``describer(model) -> [Described]``. The same function
writes the entries when the record is made and rewrites them whenever it is saved
(``sync_entries``, called by the casework create and save paths), so the chronology can
never say "Plan to end" while the conference says "Plan to continue". Entries written this
way are marked ``from_record``: the system wrote them, not a person.

Domains register their describers (``lantern.casework.chronology``,
``lantern.frontdoor.chronology``) when their app is ready; this layer knows no domain.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from lantern.chronology import listeners
from lantern.chronology.kinds import BY_CODE
from lantern.chronology.models import ChronologyEntry


@dataclass(frozen=True)
class Described:
    person: object
    kind: str
    when: dt.date | dt.datetime
    summary: str
    agency: object = None
    signal_event: str = ""


_DESCRIBERS: dict[str, Callable[[object], list[Described]]] = {}


def describer(model_label: str):
    """Register the function describing records of ``model_label`` ("casework.CINEpisode")."""

    def register(func):
        _DESCRIBERS[model_label] = func
        return func

    return register


def describes(record) -> bool:
    return record._meta.label in _DESCRIBERS


def describe(record) -> list[Described]:
    return _DESCRIBERS[record._meta.label](record)


def occurred(when: dt.date | dt.datetime) -> dt.datetime:
    """The instant stored for ``when``. A bare date is stored at its midnight in UTC, with
    ``time_known`` false (see ``is_timed``): its date reads the same in UTC and in London,
    and newest first it sorts below the same day's timed entries, so a day read in order
    opens with what is known of it only by date. (Between midnight and 1 a.m. in British
    Summer Time an entry is still the day before in UTC, and sorts below the date-only
    ones.) It is never shown as a time."""
    if isinstance(when, dt.datetime):
        return when if timezone.is_aware(when) else timezone.make_aware(when)
    return dt.datetime.combine(when, dt.time(0), tzinfo=dt.UTC)


def is_timed(when: dt.date | dt.datetime) -> bool:
    """Whether ``when`` says the time of day as well as the date."""
    return isinstance(when, dt.datetime)


def sync_entries(record, *, acting_user=None) -> bool:
    """Make the record's chronology entries say what the record says now: rewrite those that
    changed, add those it now implies (a closure), remove those it no longer does. Entries
    are matched by person and kind; ``acting_user`` authors only new entries (an edit does
    not change who recorded the event). False when no describer is registered."""
    if not describes(record):
        return False
    from lantern.chronology.actions import council_agency

    source_type, source_ref = record._meta.label, str(record.pk)
    existing: dict[tuple[int, str], list[ChronologyEntry]] = {}
    for entry in ChronologyEntry.objects.filter(
        source_type=source_type, source_ref=source_ref
    ).order_by("id"):
        existing.setdefault((entry.person_id, entry.kind), []).append(entry)
    agency = None
    touched: set[tuple[int, str]] = set()
    for item in describe(record):
        if item.kind not in BY_CODE:
            raise ValueError(f"unknown chronology kind {item.kind!r}")
        when = occurred(item.when)
        entries = existing.get((item.person.pk, item.kind))
        if entries:
            entry = entries.pop(0)
            fields = {
                "occurred_at": when,
                "time_known": is_timed(item.when),
                "summary": item.summary,
                "from_record": True,
                "signal_event": item.signal_event,
            }
            if item.agency is not None:
                fields["agency"] = item.agency
            changed = [k for k, v in fields.items() if getattr(entry, k) != v]
            if changed:
                for name in changed:
                    setattr(entry, name, fields[name])
                entry.save(update_fields=changed)
                touched.add((entry.person_id, entry.kind))
            continue
        if item.agency is None and agency is None:
            agency = council_agency()
        author = (acting_user.get_full_name() or acting_user.get_username()) if acting_user else ""
        ChronologyEntry.objects.create(
            person=item.person,
            occurred_at=when,
            time_known=is_timed(item.when),
            agency=item.agency or agency,
            kind=item.kind,
            summary=item.summary,
            author=author,
            author_user=acting_user,
            source_type=source_type,
            source_ref=source_ref,
            from_record=True,
            signal_event=item.signal_event,
        )
        touched.add((item.person.pk, item.kind))
    stale = [e for entries in existing.values() for e in entries if e.from_record]
    if stale:
        ChronologyEntry.objects.filter(pk__in=[e.pk for e in stale]).delete()
        touched.update((e.person_id, e.kind) for e in stale)
    listeners.changed({p for p, _ in touched}, {k for _, k in touched})
    return True
