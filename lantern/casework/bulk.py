"""Writing many children's casework at once: for the demo borough and for data migrations
from a council's old system, where calling the per-record actions (each audited, each
recomputing one child's clocks) for years of history would take hours.

Rows are built in memory pointing at each other as objects, then inserted table by table
in the order their foreign keys need. Each child's clock events are replayed through the
same rules the actions use (``clocks.engine.replay``), so the deadlines written are the
ones the live system would have computed. The caller is responsible for the story making
sense; nothing here checks the workflow rules.
"""

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from lantern.casework import models as cw
from lantern.chronology.describe import describe, describes, is_timed, occurred
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import WorkingDayCalendar
from lantern.clocks.engine import MET, replay
from lantern.clocks.lateness import LATE_CLOCKS
from lantern.clocks.models import Deadline
from lantern.clocks.queries import rules_in_force

LONDON = ZoneInfo("Europe/London")
# Reviews point at plans and plans at initial conferences, so conferences go in two parts.
ORDER = [
    cw.CINEpisode,
    cw.Assessment,
    cw.CINPlan,
    cw.CINPlanReview,
    cw.StrategyDiscussion,
    cw.Section47Enquiry,
    "initial conferences",
    cw.ChildProtectionPlan,
    "review conferences",
    cw.CoreGroupMeeting,
    cw.Visit,
    cw.CaseNote,
    cw.ManagementOversight,
]


# What the describers read besides the record's own columns, fetched once for all rows.
RELATED = {
    cw.CINEpisode: (("person",), ("referrals__contact__agency",)),
    cw.Assessment: (("person", "authorised_by"), ()),
    cw.StrategyDiscussion: (("person",), ("agencies",)),
    cw.Conference: (("person", "transfer_notice"), ()),
    cw.CoreGroupMeeting: (("person",), ("agencies",)),
}


class Batch:
    def __init__(
        self,
        calendar: WorkingDayCalendar | None = None,
        late_reason=None,
        order=(),
        related=None,
    ):
        """``late_reason(record, deadline) -> (code, detail)``: why a record met its clock
        late (``clocks.lateness``); without it late records are saved without a reason.
        ``order``: another app's models, inserted after casework's in the order given (their
        foreign keys point at casework's rows and at each other), so an app above casework
        can write through the same batch without casework knowing it (and, in
        ``related``, what its describers read, as ``RELATED`` says for casework's)."""
        self.calendar = calendar or WorkingDayCalendar()
        self.late_reason = late_reason
        self.order = [*ORDER, *order]
        self.related = {**RELATED, **(related or {})}
        self.rows: dict[type, list] = defaultdict(list)
        self.links: list[tuple] = []
        self.events: dict[int, list] = defaultdict(list)
        self.entries: list[tuple] = []

    def add(self, model, person_id: int, user_id: int, **fields):
        row = model(person_id=person_id, created_by_id=user_id, updated_by_id=user_id, **fields)
        self.rows[model].append(row)
        return row

    def put(self, row):
        """A row of a model in ``order`` that no child owns (a carer) or no one authors (a
        derived row): saved in its turn, as it is."""
        self.rows[type(row)].append(row)
        return row

    def attend(self, meeting, agency_ids, field: str = "agencies") -> None:
        """Agencies that took part (or, with ``field="agencies_invited"``, were invited)."""
        self.links.append((meeting, field, list(agency_ids)))

    def event(self, person_id: int, day: dt.date, name: str, record=None) -> None:
        self.events[person_id].append((day, name, record))

    def chronicle(
        self,
        record,
        day: dt.date,
        hour: int,
        kind: str,
        summary: str,
        *,
        author: str,
        user_id: int,
        agency_id: int,
    ) -> None:
        self.entries.append((record, day, hour, kind, summary, author, user_id, agency_id))

    def save(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        clocks = self._replay()
        conferences = self.rows[cw.Conference]
        unordered = {m for m, rows in self.rows.items() if rows} - {cw.Conference, *self.order}
        if unordered:  # rows no step saves would be lost without a word
            raise ValueError(f"no place in the batch's order for {sorted(map(str, unordered))}")
        for step in self.order:
            if isinstance(step, str):
                wanted = "initial" if step.startswith("initial") else "review"
                rows, model = [r for r in conferences if r.kind == wanted], cw.Conference
            else:
                rows, model = self.rows[step], step
            model.objects.bulk_create(rows, batch_size=2000)
            counts[step if isinstance(step, str) else str(model._meta.verbose_name_plural)] = len(
                rows
            )
        self._attendance()
        counts["casework chronology entries"] = self._entries()
        counts["deadlines"] = self._deadlines(clocks)
        return counts

    def _attendance(self) -> None:
        by_table = defaultdict(list)
        for meeting, field, agencies in self.links:
            through = getattr(type(meeting), field).through
            column = f"{type(meeting).__name__.lower()}_id"
            by_table[through] += [through(**{column: meeting.pk, "agency_id": a}) for a in agencies]
        for through, rows in by_table.items():
            through.objects.bulk_create(rows, batch_size=5000)

    def _entries(self) -> int:
        rows = self._described()
        rows += [
            ChronologyEntry(
                person_id=record.person_id,
                occurred_at=dt.datetime.combine(day, dt.time(hour), LONDON),
                agency_id=agency_id,
                kind=kind,
                summary=summary,
                author=author,
                author_user_id=user_id,
                source_type=record._meta.label,
                source_ref=str(record.pk),
            )
            for record, day, hour, kind, summary, author, user_id, agency_id in self.entries
        ]
        ChronologyEntry.objects.bulk_create(rows, batch_size=5000)
        return len(rows)

    def _described(self) -> list[ChronologyEntry]:
        rows = []
        for model, saved in self.rows.items():
            if saved and describes(saved[0]):
                rows += described(model, [r.pk for r in saved], self.related.get(model))
        return rows

    def _replay(self) -> dict[int, list]:
        """Every child's clocks, before anything is written: a record meeting its clock
        late gets its reason while it can still be saved with it."""
        rules, out = rules_in_force(), {}
        for person_id, events in self.events.items():
            out[person_id] = clocks = replay(events, rules, self.calendar)
            if self.late_reason is None:
                continue
            met = {(day, name): record for day, name, record in events if record is not None}
            for clock in clocks:
                record = met.get((clock.closed_on, clock.closed_by))
                late = clock.state == MET and clock.rule.code in LATE_CLOCKS.get(
                    clock.closed_by, ()
                )
                if record is not None and late:
                    deadline = Deadline(due_on=clock.due_on, started_on=clock.started_on)
                    if deadline.late_if_done_on(clock.closed_on):
                        record.late_reason, record.late_reason_detail = self.late_reason(
                            record, deadline
                        )
        return out

    def _deadlines(self, clocks: dict[int, list]) -> int:
        rows = [
            Deadline(
                person_id=person_id,
                rule=clock.rule,
                started_on=clock.started_on,
                due_on=clock.due_on,
                state=clock.state,
                closed_on=clock.closed_on,
                started_by=clock.started_by,
                closed_by=clock.closed_by,
                source_type=clock.source._meta.label if clock.source else "",
                source_ref=str(clock.source.pk) if clock.source else "",
                calendar_version=self.calendar.version,
            )
            for person_id, theirs in clocks.items()
            for clock in theirs
        ]
        Deadline.objects.bulk_create(rows, batch_size=5000)
        return len(rows)


def described(model, ids: list[int], related=None) -> list[ChronologyEntry]:
    """The records' entries, exactly as ``sync_entries`` would write them: the describer's
    kind, date (``occurred``) and text, authored by whoever made the record. ``related``:
    (joins, prefetches) the describer reads, for a model ``RELATED`` does not know."""
    from lantern.chronology.actions import council_agency

    agency, rows = council_agency(), []
    joins, many = related or RELATED.get(model, (("person",), ()))
    for record in _fetched(model, ids, (*joins, "created_by"), many):
        author = record.created_by
        name = (author.get_full_name() or author.get_username()) if author else ""
        rows += [
            ChronologyEntry(
                person_id=item.person.pk,
                occurred_at=occurred(item.when),
                time_known=is_timed(item.when),
                agency=item.agency or agency,
                kind=item.kind,
                summary=item.summary,
                author=name,
                author_user=author,
                source_type=model._meta.label,
                source_ref=str(record.pk),
                from_record=True,
                signal_event=item.signal_event,
            )
            for item in describe(record)
        ]
    return rows


def redescribe(model, ids: list[int]) -> int:
    """Rewrite the records' entries after a bulk change the describer reads (the demo's
    front door linking its referrals to episodes): ``sync_entries`` for many at once."""
    refs = [str(pk) for pk in ids]
    for i in range(0, len(refs), 5000):
        ChronologyEntry.objects.filter(
            source_type=model._meta.label, source_ref__in=refs[i : i + 5000], from_record=True
        ).delete()
    rows = described(model, ids)
    ChronologyEntry.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _fetched(model, ids: list[int], joins, many, chunk: int = 5000):
    """Saved rows again, with what their describers read, a few thousand at a time."""
    for i in range(0, len(ids), chunk):
        rows = model.objects.filter(pk__in=ids[i : i + chunk]).order_by("pk")
        yield from rows.select_related(*joins).prefetch_related(*many)
