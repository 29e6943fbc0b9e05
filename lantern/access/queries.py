"""Reading the audit log: who has seen a child, and the DPO's search."""

import datetime as dt
from dataclasses import dataclass, field

from lantern.access import policy
from lantern.access.models import AuditEntry
from lantern.access.refusals import NOT_ALLOWED, Refused
from lantern.ids import parse_id

PAGE = 100


@dataclass
class Viewer:
    username: str
    name: str
    team: str
    looks: int = 0
    listed: int = 0
    changes: int = 0
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    refused: int = 0
    reasons: list[str] = field(default_factory=list)


LOOKS = {AuditEntry.Action.VIEW_RECORD, AuditEntry.Action.VIEW_CHRONOLOGY, AuditEntry.Action.EXPORT}
CHANGES = {AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE}
# Looks and writes the access rules refused, the first look before a stated reason included.
REFUSALS = {AuditEntry.Action.DENIED, AuditEntry.Action.REASON_ASKED}
ANY_REFUSAL = "refused"  # the audit search's choice for both


def who_has_seen(person) -> list[Viewer]:
    """Everyone who opened, saw the name of (in a list), changed or was refused the record,
    most recent first, with stated reasons."""
    viewers: dict[str, Viewer] = {}
    rows = (
        AuditEntry.objects.filter(person=person)
        .select_related("user", "user__staff__team")
        .order_by("at", "id")  # in time order, sealed or not yet
    )
    for entry in rows.iterator(chunk_size=2000):
        key = entry.username or "(system)"
        viewer = viewers.get(key)
        if viewer is None:
            user = entry.user
            staff = getattr(user, "staff", None) if user else None
            viewer = viewers[key] = Viewer(
                key,
                user.get_full_name() if user else "System",
                staff.team.name if staff and staff.team else "",
            )
        if entry.action in LOOKS:
            viewer.looks += 1
        elif entry.action == AuditEntry.Action.LISTED:
            viewer.listed += 1
        elif entry.action in CHANGES:
            viewer.changes += 1
        elif entry.action in REFUSALS:
            viewer.refused += 1
        elif entry.action == AuditEntry.Action.BREAK_GLASS:
            viewer.reasons.append(f"{entry.at:%d %b %Y %H:%M}: {entry.purpose}")
        viewer.first = viewer.first or entry.at
        viewer.last = entry.at
    return sorted(viewers.values(), key=lambda v: v.last, reverse=True)


def search_audit(
    *,
    username: str = "",
    council_id: str = "",
    action: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    before_id: int | None = None,
):
    """Newest first, by id: entries not yet sealed have no sequence number, and must show
    (the sealer runs every few seconds, the DPO may be looking for the last minute)."""
    entries = AuditEntry.objects.select_related("person").order_by("-id")
    if username:
        entries = entries.filter(username__iexact=username.strip())
    if council_id:
        entries = entries.filter(person__council_id__iexact=council_id.strip())
    if action == ANY_REFUSAL:
        entries = entries.filter(action__in=REFUSALS)
    elif action:
        entries = entries.filter(action=action)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    if before_id:
        entries = entries.filter(id__lt=before_id)
    rows = list(entries[: PAGE + 1])
    return rows[:PAGE], (rows[PAGE - 1].pk if len(rows) > PAGE else None)


def access_person_log(user, person_id, *, check=policy.may_see_who_viewed):
    """The person whose access log (or restriction) ``user`` may manage; 404 otherwise."""
    from lantern.people.models import Person

    person = Person.objects.filter(pk=parse_id(person_id)).first()
    if person is None:
        raise Refused("No such person")
    if not check(user, person):
        raise Refused("No such person", why=NOT_ALLOWED, person=person)
    return person
