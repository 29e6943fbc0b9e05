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
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import WorkingDayCalendar
from lantern.clocks.engine import replay
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


class Batch:
    def __init__(self, calendar: WorkingDayCalendar | None = None):
        self.calendar = calendar or WorkingDayCalendar()
        self.rows: dict[type, list] = defaultdict(list)
        self.links: list[tuple] = []
        self.events: dict[int, list] = defaultdict(list)
        self.entries: list[tuple] = []

    def add(self, model, person_id: int, user_id: int, **fields):
        row = model(person_id=person_id, created_by_id=user_id, updated_by_id=user_id, **fields)
        self.rows[model].append(row)
        return row

    def attend(self, meeting, agency_ids) -> None:
        self.links.append((meeting, list(agency_ids)))

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
        conferences = self.rows[cw.Conference]
        for step in ORDER:
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
        counts["deadlines"] = self._deadlines()
        return counts

    def _attendance(self) -> None:
        by_table = defaultdict(list)
        for meeting, agencies in self.links:
            through = type(meeting).agencies.through
            column = f"{type(meeting).__name__.lower()}_id"
            by_table[through] += [through(**{column: meeting.pk, "agency_id": a}) for a in agencies]
        for through, rows in by_table.items():
            through.objects.bulk_create(rows, batch_size=5000)

    def _entries(self) -> int:
        rows = [
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

    def _deadlines(self) -> int:
        rules, rows = rules_in_force(), []
        for person_id, events in self.events.items():
            history = [
                (day, name, (r._meta.label, str(r.pk)) if r is not None else ("", ""))
                for day, name, r in events
            ]
            rows += [
                Deadline(
                    person_id=person_id,
                    rule=clock.rule,
                    started_on=clock.started_on,
                    due_on=clock.due_on,
                    state=clock.state,
                    closed_on=clock.closed_on,
                    started_by=clock.started_by,
                    closed_by=clock.closed_by,
                    source_type=clock.source[0],
                    source_ref=clock.source[1],
                    calendar_version=self.calendar.version,
                )
                for clock in replay(history, rules, self.calendar)
            ]
        Deadline.objects.bulk_create(rows, batch_size=5000)
        return len(rows)
