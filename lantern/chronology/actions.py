"""Writing to a person's chronology. Every domain action that the worker should see in the
child's story calls ``record_entry`` inside its own transaction."""

import datetime as dt

from lantern.agencies.models import Agency
from lantern.chronology import listeners
from lantern.chronology.describe import is_timed, occurred
from lantern.chronology.kinds import BY_CODE
from lantern.chronology.models import ChronologyEntry

COUNCIL_AGENCY_CODE = "csc"


def council_agency() -> Agency:
    agency, _ = Agency.objects.get_or_create(
        code=COUNCIL_AGENCY_CODE,
        defaults={"name": "Children's social care", "kind": Agency.Kind.COUNCIL},
    )
    return agency


def record_entry(
    person,
    *,
    kind: str,
    summary: str,
    when: dt.date | dt.datetime,
    acting_user=None,
    agency: Agency | None = None,
    author: str = "",
    source=None,
    from_record: bool = False,
    signal_event: str = "",
) -> ChronologyEntry:
    """``source`` is the model instance the entry describes, kept for drill-through;
    ``from_record`` marks an entry the system wrote from it (see ``describe``);
    ``signal_event`` says what the entry is to the safeguarding signals where its kind does
    not (see ``ChronologyEntry.signal_event``). A ``when`` that is a date makes a date-only
    entry (``describe.occurred``): no time is invented."""
    if kind not in BY_CODE:
        raise ValueError(f"unknown chronology kind {kind!r}")
    if not author and acting_user is not None:
        author = acting_user.get_full_name() or acting_user.get_username()
    entry = ChronologyEntry.objects.create(
        person=person,
        occurred_at=occurred(when),
        time_known=is_timed(when),
        agency=agency or council_agency(),
        kind=kind,
        summary=summary,
        author=author,
        author_user=acting_user,
        source_type=source._meta.label if source is not None else "",
        source_ref=str(source.pk) if source is not None else "",
        from_record=from_record,
        signal_event=signal_event,
    )
    listeners.changed({entry.person_id}, {kind})
    return entry
