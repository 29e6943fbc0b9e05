"""Who is in a year's CIN census and what it says about them, as the records stood on the
reference date (31 March).

A child is in the census when a CIN episode of theirs was open at any time in the year:
referred on or before 31 March and not closed before 1 April, referrals that led to no
further action included. Inside each episode go the assessments, CIN plans and child
protection plans open at any time in the year, the section 47 enquiries that started in
the year or whose initial conference was held in it, and the review conferences held in
it. Whatever happened after 31 March is left out, so last year's return built today says
what it would have said on the day: a plan ended in May is still open in it, and a child
born in April is still unborn.

Each kind of record is read in one query for the whole year (never one per child), so the
census of a large council builds in seconds.
"""

from collections import defaultdict

from django.db.models import Q

from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    Section47Enquiry,
)
from lantern.clocks.models import Deadline
from lantern.clocks.queries import due_date
from lantern.people.models import Disability, Identifier, Person
from lantern.returns.cin import records
from lantern.returns.years import CollectionYear

MULTIPLE = "MUL"  # the census's code for more than one category of abuse

# Only the fields the census reads are loaded: a record's other columns (its text, who
# changed it when) would cost most of the build's time for nothing.
PERSON_FIELDS = (
    "council_id", "upn_unknown", "date_of_birth", "expected_date_of_birth", "sex",
    "date_of_death", "ethnicity",
)  # fmt: skip
EPISODE_FIELDS = (
    "person_id", "referral_date", "referral_source", "primary_need", "close_date",
    "reason_for_closure",
)  # fmt: skip


def episodes_in(year: CollectionYear):
    """The CIN episodes open at any time in ``year``."""
    return CINEpisode.objects.filter(referral_date__lte=year.end).filter(
        Q(close_date__isnull=True) | Q(close_date__gte=year.start)
    )


def children(year: CollectionYear) -> list[records.Child]:
    """Every child in need at any point in ``year``, by LA child id."""
    episodes = episodes_in(year)
    people = Person.objects.filter(pk__in=episodes.values("person")).only(*PERSON_FIELDS)
    found = _Found(year, episodes, people)
    by_person = defaultdict(list)
    for episode in episodes.only(*EPISODE_FIELDS).order_by("referral_date", "id"):
        by_person[episode.person_id].append(found.details(episode))
    entries = [found.child(person, by_person[person.pk]) for person in people]
    return sorted(entries, key=lambda child: child.la_child_id)


def _grouped(rows, key: str) -> dict[int, list]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _category(codes: list[str]) -> str:
    return codes[0] if len(codes) == 1 else (MULTIPLE if codes else "")


class _Found:
    """The year's records, read once and grouped by episode or person."""

    def __init__(self, year: CollectionYear, episodes, people):
        self.year = year
        end = year.end
        self.assessments = _grouped(
            Assessment.objects.filter(episode__in=episodes)
            .only("episode_id", "start_date", "authorised_date", "factors")
            .order_by("start_date", "id"),
            "episode_id",
        )
        self.cin_plans = _grouped(
            CINPlan.objects.filter(episode__in=episodes)
            .only("episode_id", "start_date", "end_date")
            .order_by("start_date", "id"),
            "episode_id",
        )
        self.enquiries = _grouped(
            Section47Enquiry.objects.filter(episode__in=episodes)
            .select_related("strategy_discussion")
            .only(
                "episode_id",
                "person_id",
                "start_date",
                "end_date",
                "icpc_required",
                "strategy_discussion__held_on",
            )
            .order_by("start_date", "id"),
            "episode_id",
        )
        self.conferences = _grouped(
            Conference.objects.filter(episode__in=episodes, held_on__lte=end)
            .only(
                "episode_id", "held_on", "kind", "section47_id", "plan_id", "decision", "categories"
            )
            .order_by("held_on", "id"),
            "episode_id",
        )
        # Every plan the children ever had: NumberOfPreviousCPP counts the earlier ones.
        self.plans_of_person = _grouped(
            ChildProtectionPlan.objects.filter(person__in=people)
            .only("person_id", "episode_id", "start_date", "end_date", "initial_categories")
            .order_by("start_date", "id"),
            "person_id",
        )
        self.identifiers = _grouped(
            Identifier.objects.filter(
                person__in=people, scheme__in=[Identifier.Scheme.UPN, Identifier.Scheme.FORMER_UPN]
            )
            .only("person_id", "scheme", "value")
            .order_by("id"),
            "person_id",
        )
        self.disabilities = defaultdict(list)
        for person_id, code in (
            Disability.objects.filter(person__in=people)
            .order_by("code")
            .values_list("person_id", "code")
        ):
            self.disabilities[person_id].append(code)
        # The ICPC target is the icpc clock's due date: 15 working days from the strategy
        # discussion that started the enquiry (the first, where there were more).
        self.icpc_clocks = _grouped(
            Deadline.objects.filter(rule__code="icpc", person__in=people)
            .only("person_id", "started_on", "due_on")
            .order_by("started_on", "id"),
            "person_id",
        )

    def _by_date(self, day):
        """``day`` if it had happened by the reference date, else None."""
        return day if day is not None and day <= self.year.end else None

    def _open_in_year(self, start, end) -> bool:
        return start <= self.year.end and (end is None or end >= self.year.start)

    def child(self, person: Person, episodes: list[records.CINDetails]) -> records.Child:
        ids = self.identifiers[person.pk]
        upn = next((i.value for i in ids if i.scheme == Identifier.Scheme.UPN), "")
        born = self._by_date(person.date_of_birth)
        return records.Child(
            la_child_id=person.council_id,
            upn=upn,
            former_upn=next((i.value for i in ids if i.scheme == Identifier.Scheme.FORMER_UPN), ""),
            upn_unknown="" if upn else person.upn_unknown,
            birth_date=born,
            # Unborn on 31 March: the expected date alone (rule 8525Q: never both).
            expected_birth_date=None if born else person.expected_date_of_birth,
            sex=person.sex if born else "U",
            death_date=self._by_date(person.date_of_death),
            ethnicity=person.ethnicity,
            disabilities=self.disabilities[person.pk],
            episodes=episodes,
        )

    def details(self, episode: CINEpisode) -> records.CINDetails:
        closed = self._by_date(episode.close_date)
        assessments = self.assessments[episode.pk]
        enquiries = self.enquiries[episode.pk]
        conferences = self.conferences[episode.pk]
        cin_plans = self.cin_plans[episode.pk]
        cp_plans = [
            p for p in self.plans_of_person[episode.person_id] if p.episode_id == episode.pk
        ]
        initial = {c.section47_id: c for c in conferences if c.kind == Conference.Kind.INITIAL}
        reported = [e for e in enquiries if self._reported(e, initial.get(e.pk))]
        # A conference no reported enquiry led to (a transfer-in conference) is recorded on
        # the episode itself; rules 2883 and 2885 count it with the enquiries' conferences.
        transfer = [
            c.held_on
            for c in conferences
            if c.kind == Conference.Kind.TRANSFER_IN and c.held_on >= self.year.start
        ]
        return records.CINDetails(
            referral_date=episode.referral_date,
            referral_source=episode.referral_source,
            primary_need=episode.primary_need,
            closure_date=closed,
            reason_for_closure=episode.reason_for_closure if closed else "",
            icpc=transfer[0] if transfer else None,
            # CINEpisode.referral_nfa, as on 31 March: closed by then, and nothing done.
            referral_nfa=bool(
                closed and not (assessments or enquiries or conferences or cin_plans or cp_plans)
            ),
            assessments=[
                self._assessment(a)
                for a in assessments
                if self._open_in_year(a.start_date, a.authorised_date)
            ],
            cin_plans=[
                records.CINPlanDates(p.start_date, self._by_date(p.end_date))
                for p in cin_plans
                if self._open_in_year(p.start_date, p.end_date)
            ],
            enquiries=[self._section47(e, initial.get(e.pk)) for e in reported],
            cp_plans=[
                self._plan(p, conferences)
                for p in cp_plans
                if self._open_in_year(p.start_date, p.end_date)
            ],
        )

    def _assessment(self, assessment: Assessment) -> records.Assessment:
        authorised = self._by_date(assessment.authorised_date)
        return records.Assessment(
            start=assessment.start_date,
            authorised=authorised,
            factors=list(assessment.factors) if authorised else [],
        )

    def _reported(self, enquiry: Section47Enquiry, icpc: Conference | None) -> bool:
        """Started in the year, or started before it with its conference held in it."""
        if enquiry.start_date > self.year.end:
            return False
        return enquiry.start_date >= self.year.start or (
            icpc is not None and icpc.held_on >= self.year.start
        )

    def _section47(self, enquiry: Section47Enquiry, icpc: Conference | None) -> records.Section47:
        decided = self._by_date(enquiry.end_date) is not None
        return records.Section47(
            start=enquiry.start_date,
            icpc_target=self._icpc_target(enquiry),
            icpc=icpc.held_on if icpc else None,
            icpc_not_required=decided and enquiry.icpc_required is False,
        )

    def _icpc_target(self, enquiry: Section47Enquiry):
        talk = enquiry.strategy_discussion.held_on
        started = [d for d in self.icpc_clocks[enquiry.person_id] if d.started_on <= talk]
        return started[-1].due_on if started else due_date("icpc", talk)

    def _plan(self, plan: ChildProtectionPlan, conferences) -> records.ProtectionPlan:
        reviews = [
            c for c in conferences if c.kind == Conference.Kind.REVIEW and c.plan_id == plan.pk
        ]
        continued = [c for c in reviews if c.decision == Conference.Decision.CONTINUE]
        latest = continued[-1].categories if continued else plan.initial_categories
        earlier = [
            p for p in self.plans_of_person[plan.person_id] if p.start_date < plan.start_date
        ]
        return records.ProtectionPlan(
            start=plan.start_date,
            end=self._by_date(plan.end_date),
            initial_category=_category(plan.initial_categories),
            latest_category=_category(latest),
            previous_plans=len(earlier),
            reviews=[c.held_on for c in reviews if c.held_on >= self.year.start],
        )
