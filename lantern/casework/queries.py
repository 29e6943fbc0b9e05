"""Reads for casework pages. Children come only from ``people.queries.access_person``; these
functions take the child already handed out and never widen what the user may see."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef
from django.http import Http404

from lantern.access.roles import VIEW_CASE_NOTES
from lantern.casework import codes, models
from lantern.casework.caseload import members_of, teams_managed
from lantern.casework.chronology import referral_text
from lantern.casework.kinds import Kind
from lantern.casework.models.protection import KIND_OF_SLUG
from lantern.clocks.calendar import current_calendar
from lantern.clocks.lateness import LateReason
from lantern.clocks.models import Deadline
from lantern.clocks.queries import due_items, look_ahead_days, open_for_worker
from lantern.long_lists import given_as_values, one_of
from lantern.people.models import Person
from lantern.prepared import prepared
from lantern.workforce.models import Allocation, Team

CODE_LISTS = {
    "referral_source": codes.REFERRAL_SOURCE,
    "primary_need": codes.PRIMARY_NEED,
    "reason_for_closure": codes.REASON_FOR_CLOSURE,
}
CATEGORY_FIELDS = {"categories", "initial_categories", "latest_categories"}


def record_of(person, kind: Kind, record_id: int):
    """The record, if it is this child's and of this kind: the same 404 otherwise."""
    records = kind.model.objects.filter(person=person)
    if kind.model is models.Conference:
        records = records.filter(kind=KIND_OF_SLUG[kind.slug])
    record = records.filter(pk=record_id).first()
    if record is None:
        raise Http404("No such record")
    return record


@dataclass
class Row:
    label: str
    text: str = ""
    items: list | None = None


def describe(record, kind: Kind) -> list[Row]:
    """The record's fields for its page, codes shown with their meaning."""
    rows = []
    for name in kind.shown:
        label = str(record._meta.get_field(name).verbose_name)
        row = shown_value(record, name)
        row.label = label[:1].upper() + label[1:]
        rows.append(row)
    if isinstance(record, models.CINEpisode):
        # The same words as the chronology and every form's panel: one source.
        rows.insert(0, Row("Where the referral came from", referral_text(record)))
        contacts = [
            f"{r.contact.reference}, received {r.received_on:%d %b %Y}"
            for r in record.referrals.select_related("contact").order_by("id")
        ]
        if contacts:
            rows.insert(1, Row("Front door contacts", items=contacts))
    return rows


def shown_value(record, name: str) -> Row:
    """One field as the record's page shows it; the history of changes shows old and new
    values the same way."""
    field = record._meta.get_field(name)
    row = Row("")
    value = getattr(record, name)
    if field.many_to_many:
        row.items = [str(a) for a in value.all()] or ["None recorded"]
    elif name == "factors":
        row.items = record.factor_labels or ["Not yet recorded"]
    elif name in CATEGORY_FIELDS:
        row.items = [codes.CATEGORY_OF_ABUSE.label(c) for c in value] or ["—"]
    elif name in CODE_LISTS:
        row.text = f"{value}: {CODE_LISTS[name].label(value)}" if value else "—"
    elif field.choices:
        row.text = getattr(record, f"get_{name}_display")() or "—"
    elif isinstance(value, bool):
        row.text = "Yes" if value else "No"
    elif isinstance(value, dt.date):
        row.text = f"{value.day} {value:%B %Y}"
    elif hasattr(value, "get_full_name"):
        row.text = value.get_full_name() or value.get_username()
    else:
        row.text = "—" if value in (None, "") else str(value)
    return row


@dataclass
class Casework:
    """Everything recorded for one child, for the casework page: one query per list."""

    episodes: list
    assessments: list
    strategy_discussions: list
    enquiries: list
    transfer_notices: list
    conferences: list
    cp_plans: list
    core_groups: list
    cin_plans: list
    visits: list
    case_notes: list | None
    oversight: list
    allocations: list
    cin_plan_reviews: list = field(default_factory=list)

    @property
    def timeline(self) -> list[tuple]:
        """Assessments, discussions, enquiries, conferences, core groups and CIN plan
        reviews, newest first."""
        dated = [(a.start_date, "Assessment", a) for a in self.assessments]
        dated += [(s.held_on, "Strategy discussion", s) for s in self.strategy_discussions]
        dated += [(e.start_date, "Section 47 enquiry", e) for e in self.enquiries]
        dated += [(n.notified_on, "Notice of a move here", n) for n in self.transfer_notices]
        dated += [(c.held_on, c.get_kind_display(), c) for c in self.conferences]
        dated += [(g.held_on, "Core group meeting", g) for g in self.core_groups]
        dated += [(r.held_on, "Child in need plan review", r) for r in self.cin_plan_reviews]
        return sorted(dated, key=lambda d: d[0], reverse=True)

    @property
    def open_episode(self):
        return next((e for e in self.episodes if e.close_date is None), None)

    @property
    def open_cp_plan(self):
        return next((p for p in self.cp_plans if p.end_date is None), None)

    @property
    def open_cin_plan(self):
        return next((p for p in self.cin_plans if p.end_date is None), None)


def _of_child(model, *related: str, limit: int | None = None):
    """A prepared read (SQL written once: ``lantern.prepared``) of one kind of record of a
    child, in the model's own order."""

    def build(person_id):
        rows = model.objects.filter(person_id=person_id)
        rows = rows.select_related(*related) if related else rows
        return rows[:limit] if limit else rows

    build.__qualname__ = f"{model.__name__} of a child"
    return prepared(build)


_READS = {
    "episodes": _of_child(models.CINEpisode),
    "assessments": _of_child(models.Assessment),
    "strategy_discussions": _of_child(models.StrategyDiscussion),
    "enquiries": _of_child(models.Section47Enquiry),
    "transfer_notices": _of_child(models.TransferInNotice),
    "conferences": _of_child(models.Conference),
    "cp_plans": _of_child(models.ChildProtectionPlan),
    "core_groups": _of_child(models.CoreGroupMeeting),
    "cin_plans": _of_child(models.CINPlan),
    "visits": _of_child(models.Visit, "created_by", limit=50),
    "oversight": _of_child(models.ManagementOversight, "created_by"),
    "cin_plan_reviews": _of_child(models.CINPlanReview),
}
_CASE_NOTES = _of_child(models.CaseNote, "created_by")


def casework_for(person, user) -> Casework:
    """Only what the page and ``what_next`` read: the authors of visits, notes and oversight
    come with them; no other person or agency is read (a query or join each, for nothing)."""
    return Casework(
        **{name: read(person.pk) for name, read in _READS.items()},
        case_notes=_CASE_NOTES(person.pk) if user.has_perm(VIEW_CASE_NOTES) else None,
        allocations=allocation_history(person),
    )


def allocation_history(person) -> list[Allocation]:
    """Every worker the child has had: changes of worker are something managers must see."""
    return _allocations(person.pk)


@prepared
def _allocations(child_id):
    return (
        Allocation.objects.filter(child_id=child_id)
        .select_related("worker", "team")
        .order_by("-start", "-id")
    )


def window_after(today: dt.date, working_days: int | None = None) -> list[dt.date]:
    """The working days My work looks ahead (the council's ``LookAhead``), after today:
    on a Friday or a Sunday the next week's deadlines are still in sight."""
    days = look_ahead_days() if working_days is None else working_days
    return current_calendar().working_days_after(today, days)


def my_work(user, today: dt.date, window: list[dt.date] | None = None):
    """Everything overdue, and what is due from today to the end of the window, across all
    the worker's children, most overdue first. The window ends on the eve of the next working
    day after it: a review due on the Saturday after it must be held by its last day."""
    window = window_after(today) if window is None else window
    last = max([today, *window])
    due_by = current_calendar().add_working_days(last, 1) - dt.timedelta(days=1)
    return due_items(_due_for_worker(user.pk, due_by), today)


@prepared
def _due_for_worker(worker_id, due_by):
    children = Allocation.objects.filter(worker_id=worker_id, end__isnull=True).values("child_id")
    return listed(open_for_worker(children, due_by=due_by))


# What a list of clocks shows of each (``casework/due_table.html``, the late table): the
# clock, its rule's words and the child's name. Not the whole child and rule rows: their
# dates and JSON lists were parsed on every row for nothing. ``people.Person.full_name``
# reads the two names; the audit of the listed children, the pk.
LISTED_FIELDS = (
    *("person_id", "rule_id", "started_on", "due_on", "state", "closed_on"),
    *("person__first_name", "person__last_name"),
    *("rule__code", "rule__label", "rule__amount", "rule__unit", "rule__action"),
)


def listed(deadlines):
    """``deadlines`` (with their child and rule) read for a list: ``LISTED_FIELDS`` only."""
    return deadlines.only(*LISTED_FIELDS)


@dataclass
class DueDay:
    day: dt.date
    items: list
    working: bool = True  # a month-based clock may fall due on a weekend


def by_day(items, today: dt.date, window: list[dt.date]) -> list[DueDay]:
    """What is not overdue, under the day it is due: today if it is a working day, each
    working day of the window (listed even when nothing is due, so a quiet Monday is seen
    as quiet, not missing), and any other day something falls due (a month-based clock is
    not moved off a weekend)."""
    calendar = current_calendar()
    due = {}
    for item in items:
        if not item.overdue:
            due.setdefault(item.deadline.due_on, []).append(item)
    days = set(window) | set(due)
    if calendar.is_working_day(today):
        days.add(today)
    return [DueDay(d, due.get(d, []), calendar.is_working_day(d)) for d in sorted(days)]


@dataclass
class WorkerLoad:
    worker: object
    caseload: int
    overdue: list


# What the team page shows of a worker: the name, linked by pk (``get_full_name``).
NAMED = ("username", "first_name", "last_name")


@dataclass
class TeamWork:
    teams: list[Team]
    workers: list[WorkerLoad]  # the worker with most overdue first
    children: list[int]  # the children allocated in the teams now, by id


def team_work(manager, today: dt.date) -> TeamWork:
    """For the teams the user manages: each worker's caseload and overdue items, the worker
    with most overdue first, so a slipping caseload is seen by the manager, not found later
    by an inspector. The teams' allocations are read once: who has which child, and how
    many, and the children the rest of the team page looks at."""
    teams = teams_managed(manager.pk)
    allocations = Allocation.objects.filter(team__in=teams, end__isnull=True)
    pairs = list(allocations.values_list("child_id", "worker_id"))
    worker_of = dict(pairs)
    counts = Counter(worker_id for _, worker_id in pairs)
    overdue = due_items(_due_among(frozenset(worker_of), today - dt.timedelta(days=1)), today)
    loads = {
        u.pk: WorkerLoad(u, counts.get(u.pk, 0), [])
        for u in members_of(teams).only(*NAMED).order_by("last_name", "first_name")
    }
    for item in overdue:
        wid = worker_of.get(item.deadline.person_id)
        if wid in loads:
            loads[wid].overdue.append(item)
    ranked = sorted(loads.values(), key=lambda w: (-len(w.overdue), -w.caseload))
    return TeamWork(teams, ranked, list(worker_of))


@prepared
def _due_among(children, due_by):
    return listed(open_for_worker(children, due_by=due_by))


# The worker clocks a late reason is recorded for, and the conference kind meeting each.
LATE_RULES = {"assessment": None, "icpc": "initial", "first_rcpc": "review", "rcpc": "review"}


@dataclass
class LateItem:
    """An assessment or conference done after its due date, with the reason recorded."""

    deadline: Deadline
    working_days_late: int
    record: object | None  # the assessment or conference that met the clock late

    @property
    def reason(self) -> str:
        code = getattr(self.record, "late_reason", "")
        return LateReason(code).label if code else "No reason recorded"

    @property
    def detail(self) -> str:
        return getattr(self.record, "late_reason_detail", "")


def late_work(start: dt.date, end: dt.date, *, person_ids=None) -> list[LateItem]:
    """Assessments, ICPCs and review conferences completed late between ``start`` and
    ``end`` (inclusive), oldest first, each with its reason. Late means the clock was met
    after its due date (``Deadline``), the same calculation the action asked the reason on.
    ``person_ids`` (a list or subquery) limits it to the children the reader may see."""
    if given_as_values(person_ids):
        rows = _late_among(frozenset(person_ids), start, end)
    else:
        rows = list(_late(start, end, person_ids))
    people = frozenset(d.person_id for d in rows)
    assessed = {(a.person_id, a.authorised_date): a for a in _assessed(people, start, end)}
    held = {(c.person_id, c.kind, c.held_on): c for c in _held(people, start, end)}
    calendar = current_calendar()

    def record(d):
        kind = LATE_RULES[d.rule.code]
        if kind is None:
            return assessed.get((d.person_id, d.closed_on))
        return held.get((d.person_id, kind, d.closed_on))

    return [
        LateItem(d, calendar.working_days_between(d.due_on, d.closed_on), record(d)) for d in rows
    ]


def _late(start, end, person_ids):
    rows = Deadline.objects.filter(
        rule__code__in=list(LATE_RULES),
        state=Deadline.State.MET,
        closed_on__range=(start, end),
        closed_on__gt=F("due_on"),
    )
    if person_ids is not None:
        rows = rows.filter(one_of("person_id", person_ids))
    return listed(rows.select_related("rule", "person")).order_by("closed_on", "id")


@prepared
def _late_among(person_ids, start, end):
    return _late(start, end, person_ids)


# Only what the late list shows of a record (its reason, and its link:
# ``get_absolute_url``), not the assessment's analysis and the conference's attendees.
LATE_REASON = ("person_id", "late_reason", "late_reason_detail")


@prepared
def _assessed(person_ids, start, end):
    return models.Assessment.objects.filter(
        person_id__any=person_ids, authorised_date__range=(start, end)
    ).only(*LATE_REASON, "authorised_date")


@prepared
def _held(person_ids, start, end):
    return models.Conference.objects.filter(
        person_id__any=person_ids, held_on__range=(start, end)
    ).only(*LATE_REASON, "kind", "held_on")


def reporting_year_start(day: dt.date) -> dt.date:
    """1 April: the year the CIN census and the performance figures count."""
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def awaiting_allocation(teams, today: dt.date) -> list:
    """The running clocks of children the front door sent to these teams and no worker has
    yet: the manager allocates them, and sees what is already due (the 45-day assessment
    from the day of referral) before choosing whom."""
    # Asked child by child (NOT EXISTS): "not among every open allocation" read all of the
    # borough's open allocations on each view of the team page (24 ms at demo scale 10).
    # Not prepared: PostgreSQL's generic plan for "team = ANY($1)" (a column with few
    # values) read every open allocation: 9.5 ms a call in the load test at demo scale 10,
    # where with the teams' ids written in no read by team was among the slowest. The
    # same holds for the team page's other reads by team.
    allocated = Allocation.objects.filter(child_id=OuterRef("pk"), end__isnull=True)
    waiting = Person.objects.filter(~Exists(allocated), awaiting_team__in=teams)
    return due_items(listed(open_for_worker(waiting.values("pk"))), today)


def draft_for(user, person, form_key: str):
    # A word reaches a prepared read as a set (``lantern.prepared``).
    return next(iter(_draft(user.pk, person.pk, frozenset({form_key}))), None)


@prepared
def _draft(user_id, person_id, form_keys):
    drafts = models.Draft.objects.filter(user_id=user_id, person_id=person_id)
    return drafts.filter(form_key__any=form_keys).order_by("pk")[:1]
