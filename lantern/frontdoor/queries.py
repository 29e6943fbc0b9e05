"""Reads for the front door. Contacts are handed out only by the ``access_*`` functions here,
with the same 404 for "absent" and "not yours" so a reference number says nothing; a refusal
of a contact that exists carries it, so the audit row names it (``access.refusals``)."""

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Value,
    When,
)
from django.utils import timezone

from lantern.access import policy
from lantern.access.refusals import NOT_ALLOWED, Refused
from lantern.access.roles import TRIAGE_CONTACT
from lantern.frontdoor.models import Check, Contact, ContactSubject, reference_of
from lantern.ids import parse_id
from lantern.people.matching import Candidate, IncomingPerson, find_candidates
from lantern.people.matching.types import fingerprint
from lantern.people.models import NotSamePerson, Person
from lantern.people.queries import people_by_id
from lantern.prepared import planned_afresh, prepared
from lantern.signals import queries as signal_queries
from lantern.signals.models import Signal

CANDIDATES_SHOWN = 5
# Below this score, or this far apart in age, a suggestion is shown only on asking ("show
# weaker candidates") and confirmed only through a second step: an adult father offered for
# a 2-year-old, or a 0 % namesake, is noise an officer could click by mistake.
STRONG_FROM = 0.5
IMPLAUSIBLE_AGE_GAP = dt.timedelta(days=round(5 * 365.25))
DUPLICATE_WINDOW = dt.timedelta(days=14)


def _get(queryset, contact_id) -> Contact:
    contact = queryset.filter(pk=parse_id(contact_id)).first()
    if contact is not None:
        return contact
    elsewhere = Contact.objects.filter(pk=parse_id(contact_id)).first()
    if elsewhere is None:
        raise Refused("No such contact")
    raise Refused("No such contact", why=NOT_ALLOWED, obj=elsewhere)


def access_contact_for_mash(user, contact_id) -> Contact:
    if not user.is_authenticated or not user.has_perm(TRIAGE_CONTACT):
        return _get(Contact.objects.none(), contact_id)
    found = parse_id(contact_id)
    contact = next(iter(_for_mash(found)), None) if found else None
    return contact or _get(Contact.objects.none(), contact_id)


# The MASH contact page's reads, each with SQL written once (``lantern.prepared``).
@prepared
def _for_mash(contact_id):
    return Contact.objects.filter(pk=contact_id).select_related("agency", "referrer_user")


@prepared
def subjects_of(contact_id):
    return ContactSubject.objects.filter(contact_id=contact_id).select_related("person")


@prepared
def checks_of(contact_id):
    return Check.objects.filter(contact_id=contact_id).select_related("agency", "requested_by")


def partner_contacts(user):
    """A partner's own referrals, newest first: those they wrote in Lantern, and those their
    agency's own system (the API or a bulk file) sent in their name, by their email address.
    ``written_here`` tells the two apart."""
    mine = Q(referrer_user=user)
    staff = getattr(user, "staff", None)
    email = (user.email or "").strip()
    if staff is not None and email:
        mine |= Q(
            referrer_user__isnull=True, agency_id=staff.agency_id, referrer_email__iexact=email
        )
    return (
        Contact.objects.filter(mine)
        .annotate(
            written_here=ExpressionWrapper(Q(referrer_user=user), output_field=BooleanField())
        )
        .select_related("agency", "decision")
        .prefetch_related("subjects")
        .order_by("-received_at", "-id")
    )


def access_contact_for_partner(user, contact_id) -> Contact:
    return _get(partner_contacts(user), contact_id)


def access_contact_for_agency(agency, contact_id) -> Contact:
    """For the partner API: only contacts the token's own agency sent."""
    return _get(Contact.objects.filter(agency=agency).select_related("decision"), contact_id)


def raised_conditions() -> list[Q]:
    """What lifts a contact to the top of the MASH queue, whatever its due time: a child it
    is about has a live safeguarding signal (the MASH must see the pattern before the
    fragment), the referrer said the child may be at risk of significant harm, or an officer
    rated it Red. One list, so every reason to see a contact first is stated (and tested) in
    one place. ``signalled`` is an alias ``queue`` gives its contacts."""
    return [
        Q(signalled=True),
        Q(urgency=Contact.Urgency.IMMEDIATE),
        Q(rag=Contact.Rag.RED),
    ]


# What the queue shows of a contact and of each person it is about, and what
# ``possible_duplicates`` compares: not the concern, the referrer and the rest of the form.
QUEUE_FIELDS = (
    *("agency", "channel", "received_at", "decision_due_at", "urgency", "rag", "status"),
    "agency__name",
)
QUEUE_SUBJECT_FIELDS = ("contact", "first_name", "last_name", "date_of_birth", "identity_key")


def queue(*, overdue_only: bool = False):
    """Contacts awaiting a decision: the raised ones (``raised_conditions``) first, then the
    rest, each group the one due soonest first, as a paginator reads them (how many, and a
    page's slice). A fixed number of queries, each reading only what the queue shows
    (``QUEUE_FIELDS``); a page's people come from ``subjects_listed``. The whole queue,
    the view the MASH keeps open, is read by SQL written once per process and page
    (``WaitingQueue``); the overdue ones, asked against the time now, the ordinary way."""
    if overdue_only:
        return _waiting().filter(decision_due_at__lt=timezone.now())
    return WaitingQueue()


def _waiting():
    raised = Case(
        When(reduce(or_, raised_conditions()), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return (
        Contact.objects.filter(status=Contact.Status.AWAITING)
        # An alias, not an annotation: selected as well, PostgreSQL asked it twice for every
        # contact waiting (1,311 at demo scale 10), once for itself and once inside
        # ``raised``. The page's own contacts are marked by ``signalled_children``.
        .alias(signalled=Exists(_children_with_live_signals().filter(contact=OuterRef("pk"))))
        .annotate(raised=raised)
        .select_related("agency")
        .only(*QUEUE_FIELDS)
        .order_by("-raised", "decision_due_at", "id")
    )


class WaitingQueue:
    """Every contact awaiting a decision, in the queue's order, for ``Paginator``."""

    ordered = True  # the paginator warns of an unordered list

    def count(self) -> int:
        counted = _waiting_count()
        return counted[0] if counted else 0

    def __getitem__(self, page: slice) -> list[Contact]:
        start = page.start or 0
        return _page_read(start, page.stop - start)() if page.stop > start else []


@prepared
def _waiting_count():
    waiting = Contact.objects.filter(status=Contact.Status.AWAITING).values("status")
    return waiting.annotate(n=Count("*")).values_list("n", flat=True)


@functools.lru_cache(maxsize=64)
def _page_read(offset: int, size: int):
    """A read per page of the queue: an offset and a limit are not values in the SQL."""

    @prepared
    def waiting_page():
        return _waiting()[offset : offset + size]

    return waiting_page


def subjects_listed(contacts: list[Contact]) -> dict[int, list[ContactSubject]]:
    """The people each listed contact is about, as the queue shows them."""
    out: dict[int, list[ContactSubject]] = {contact.pk: [] for contact in contacts}
    for subject in _subjects_of_contacts(frozenset(out)):
        out[subject.contact_id].append(subject)
    return out


@prepared
def _subjects_of_contacts(contact_ids):
    return (
        ContactSubject.objects.filter(contact_id__any=contact_ids)
        .only(*QUEUE_SUBJECT_FIELDS)
        .order_by("contact", "id")
    )


def _children_with_live_signals():
    """The contacts' children who have a live signal, asked person by person: joining
    subjects to people to signals made PostgreSQL hash every live signal in the borough on
    each view of the queue (31 ms at demo scale 10; 11 ms this way, with
    ``signal_live_person``). The queue narrows it to one contact, ``signalled_children`` to
    a page's."""
    live = Signal.objects.filter(person_id=OuterRef("person_id"), status=Signal.Status.LIVE)
    return ContactSubject.objects.filter(Exists(live), role=ContactSubject.Role.CHILD)


def signalled_children(contacts: list[Contact]) -> list[Person]:
    """The children these contacts are about who have a live safeguarding signal, each
    contact marked ``signalled`` if it is about one (the queue's tag). Asked for a page's
    contacts only: the queue's order needs only whether a contact is raised. The tag says
    something of these children's records, so the caller audits each as listed."""
    raised = {c.pk for c in contacts if getattr(c, "raised", True)}  # signalled is raised
    subjects = []
    if raised:  # no query for a page with none
        subjects = _signalled_among(frozenset(raised))
    marked = {s.contact_id for s in subjects}
    for contact in contacts:
        contact.signalled = contact.pk in marked
    return list({s.person_id: s.person for s in subjects}.values())


@prepared
def _signalled_among(contact_ids):
    found = _children_with_live_signals().filter(contact_id__any=contact_ids)
    return found.select_related("person")


def live_headlines_of(user, subjects: list[ContactSubject]) -> dict[int, list[str]]:
    """The live signals of the linked children the officer may open now (a restricted
    record the officer is not named on shows none, as the record itself would not)."""
    people = {s.person_id for s in subjects if s.person_id and s.is_child}
    return signal_queries.live_headlines(people - policy.closed_restricted(user, people))


@dataclass(frozen=True)
class PossibleDuplicate:
    """Another contact about someone described identically: what the pages say of it. Not a
    ``Contact``: building one (and its agency) cost 117 µs, and a queue page lists dozens."""

    pk: int
    received_at: dt.datetime
    agency_name: str

    @property
    def reference(self) -> str:
        return reference_of(self.pk)


def possible_duplicates(
    contacts: list[Contact], subjects: dict[int, list] | None = None
) -> dict[int, list[PossibleDuplicate]]:
    """Other contacts about someone described identically, received within two weeks either
    side: the same concern sent twice, or by two agencies, is handled once. ``subjects``:
    each contact's people where the caller has read them already."""
    keys: dict[int, set[str]] = defaultdict(set)
    for contact in contacts:
        known = (subjects or {}).get(contact.pk)
        for subject in contact.subjects.all() if known is None else known:
            if not subject.identity_key.endswith("|?"):
                keys[contact.pk].add(subject.identity_key)
    if not keys:
        return {}
    wanted = set().union(*keys.values())
    earliest = min(c.received_at for c in contacts) - DUPLICATE_WINDOW
    latest = max(c.received_at for c in contacts) + DUPLICATE_WINDOW
    # Rows, not instances: most are the listed contacts' own subjects, not duplicates. What
    # the contact page says of a duplicate: its reference (the pk), agency and when it came.
    rows = (
        ContactSubject.objects.filter(
            identity_key__any=wanted,
            contact__received_at__gte=earliest,
            contact__received_at__lte=latest,
        )
        .order_by("contact__received_at")
        .values_list(
            "identity_key",
            "contact_id",
            "contact__received_at",
            "contact__agency__name",
        )
    )
    by_key: dict[str, list[tuple]] = defaultdict(list)
    # Planned for its values: a generic plan cannot tell that a few keys find far fewer
    # rows than weeks of contacts, and walked every contact in the window (2.7 ms at demo
    # scale 1, growing with the front door's history) where the keys' index took 0.25.
    with planned_afresh():
        for key, *row in rows:
            by_key[key].append(row)
    out: dict[int, list[PossibleDuplicate]] = {}
    for contact in contacts:
        others = {
            pk: PossibleDuplicate(pk, at, agency)
            for key in keys.get(contact.pk, ())
            for pk, at, agency in by_key[key]
            if pk != contact.pk and abs(at - contact.received_at) <= DUPLICATE_WINDOW
        }
        if others:
            out[contact.pk] = list(others.values())
    return out


@dataclass
class CandidateView:
    person: Person
    score: float
    comparisons: list = field(default_factory=list)
    # A restricted record the officer may not open: shown only as "a restricted record
    # matches", with no name, council ID, status or field-by-field comparison.
    restricted: bool = False
    weak: bool = False

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass
class SubjectMatches:
    subject: ContactSubject
    candidates: list[CandidateView] = field(default_factory=list)
    ruled_out: list[NotSamePerson] = field(default_factory=list)

    @property
    def strong(self) -> list[CandidateView]:
        return [c for c in self.candidates if not c.weak]

    @property
    def weaker(self) -> list[CandidateView]:
        return [c for c in self.candidates if c.weak]

    def candidate(self, person: Person) -> CandidateView | None:
        return next((c for c in self.candidates if c.person.pk == person.pk), None)


def is_weak(subject: ContactSubject, person: Person, score: float) -> bool:
    """A low score, or dates of birth too far apart for one person (whatever the names say)."""
    born, theirs = subject.date_of_birth, person.date_of_birth
    far_apart = born is not None and theirs is not None and abs(born - theirs) > IMPLAUSIBLE_AGE_GAP
    return score < STRONG_FROM or far_apart


def ruled_out_for(subject: ContactSubject) -> list[NotSamePerson]:
    """Every "not the same person" said about anyone described as this subject is (the same
    first and last names and date of birth), in this contact or an earlier one."""
    return _ruled_out(frozenset({fingerprint(incoming(subject))}))


@prepared
def _ruled_out(fingerprints):
    return (
        NotSamePerson.objects.filter(incoming_fingerprint__any=fingerprints)
        .select_related("person", "recorded_by")
        .order_by("recorded_at")
    )


def incoming(subject: ContactSubject) -> IncomingPerson:
    return IncomingPerson(
        first_name=subject.first_name,
        last_name=subject.last_name,
        other_names=subject.other_names.split() if subject.other_names else [],
        date_of_birth=subject.date_of_birth,
        sex=subject.sex if subject.sex in ("M", "F") else "",
        postcode=subject.postcode,
        nhs_number=subject.nhs_number,
    )


def candidates_for(user, subject: ContactSubject) -> SubjectMatches:
    """The matching engine's suggestions (it leaves out people ruled out), and the decisions
    that ruled people out, to show the officer. The access policy applies as in search: a
    restricted record ``user`` may not open is marked, and left out of the ruled-out names."""
    ruled = ruled_out_for(subject)
    found: list[Candidate] = find_candidates(incoming(subject), limit=CANDIDATES_SHOWN)
    people = people_by_id(c.person_id for c in found)
    closed = policy.closed_restricted(user, set(people) | {r.person_id for r in ruled})
    views = [
        CandidateView(
            people[c.person_id],
            c.score,
            [] if c.person_id in closed else list(c.comparisons),
            restricted=c.person_id in closed,
            weak=is_weak(subject, people[c.person_id], c.score),
        )
        for c in found
        if c.person_id in people
    ]
    return SubjectMatches(subject, views, [r for r in ruled if r.person_id not in closed])
