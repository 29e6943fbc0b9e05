"""MASH pages: the queue and a contact, with thin POST handlers over ``actions``.

Each handler redirects back to the contact on success (so a refresh never repeats it) and
shows the contact again with the problem on failure.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access import audit, refusals
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.access.roles import TRIAGE_CONTACT
from lantern.access.rules import requires
from lantern.frontdoor import actions, clock, queries
from lantern.frontdoor.forms import AnswerForm, CheckForm, DecisionForm, RateForm, first_error
from lantern.ids import parse_id
from lantern.people.models import Person
from lantern.people.queries import access_person
from lantern.web import pagination

# The queue a page at a time, most pressing first: a long queue is never cut short unseen,
# and a page costs the same however many contacts wait.
QUEUE_PAGE = 50


@requires(TRIAGE_CONTACT)
def queue(request):
    overdue_only = request.GET.get("show") == "overdue"
    page = Paginator(queries.queue(overdue_only=overdue_only), QUEUE_PAGE).get_page(
        request.GET.get("page")
    )
    contacts = list(page.object_list)
    subjects = queries.subjects_listed(contacts)
    duplicates = queries.possible_duplicates(contacts, subjects)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        detail=f"MASH queue (page {page.number}: {len(contacts)} of {page.paginator.count} "
        "contacts)",
    )
    audit.record_each(
        request,
        AuditEntry.Action.LISTED,
        queries.signalled_children(contacts),
        detail="listed in the MASH queue: a contact about a child with a live safeguarding signal",
    )
    return render(
        request,
        "frontdoor/queue.html",
        {
            "rows": [(c, subjects[c.pk], duplicates.get(c.pk, [])) for c in contacts],
            "overdue_only": overdue_only,
            "waiting": page.paginator.count,
            "first": page.start_index(),
            "last": page.end_index(),
            "pages": pagination.links(page),
            "now": timezone.now(),
            "urgent_hours": clock.urgent_decision_hours(),
        },
    )


def _page(request, contact, *, error: str = "", status: int = 200, **forms):
    subjects = queries.subjects_of(contact.pk)
    # Candidates are looked for (and the search audited) only while a decision is awaited:
    # the page shows them only then.
    awaiting = contact.is_awaiting
    matches = [
        queries.candidates_for(request.user, s)
        for s in subjects
        if awaiting and s.person_id is None
    ]
    for found in matches:
        audit.record(
            request,
            AuditEntry.Action.SEARCH,
            obj=found.subject,
            detail=f"match candidates for {found.subject.full_name} in {contact.reference}: "
            + ", ".join(c.person.council_id for c in found.candidates),
        )
        # As in person search: a restricted record that matched is recorded against itself.
        audit.record_each(
            request,
            AuditEntry.Action.SEARCH,
            [c.person for c in found.candidates if c.restricted],
            detail=f"a match candidate in contact {contact.reference} (shown as restricted only)",
        )
    headlines = queries.live_headlines_of(request.user, subjects)
    for subject in subjects:
        subject.live_signals = headlines.get(subject.person_id, [])
    audit.record(request, AuditEntry.Action.VIEW_RECORD, obj=contact, detail="MASH contact")
    for person in {s.person for s in subjects if s.person_id}:
        audit.record(
            request,
            AuditEntry.Action.VIEW_RECORD,
            person=person,
            obj=contact,
            detail=f"named in contact {contact.reference} (MASH)",
        )
    return render(
        request,
        "frontdoor/contact.html",
        {
            "contact": contact,
            "linked": [s for s in subjects if s.person_id],
            "matches": matches,
            "checks": queries.checks_of(contact.pk),
            "duplicates": queries.possible_duplicates([contact], {contact.pk: subjects}).get(
                contact.pk, []
            ),
            "decision": getattr(contact, "decision", None) if not contact.is_awaiting else None,
            "overdue": contact.is_awaiting and timezone.now() > contact.decision_due_at,
            "rate_form": forms.get("rate_form") or RateForm(initial={"rag": contact.rag}),
            "check_form": forms.get("check_form") or CheckForm(),
            "answer_form": AnswerForm(),
            "decision_form": forms.get("decision_form") or DecisionForm(),
            "error": error,
        },
        status=status,
    )


@requires(TRIAGE_CONTACT)
def contact(request, contact_id: int):
    return _page(request, queries.access_contact_for_mash(request.user, contact_id))


def _subject(contact, subject_id):
    subject = contact.subjects.filter(pk=parse_id(subject_id)).first()
    if subject is None:
        raise Http404("No such person in this contact")
    return subject


def _chosen_person(request) -> Person:
    """The person the officer picked: a suggested candidate, or one found by council ID."""
    council_id = request.POST.get("council_id", "").strip().upper()
    person_id = parse_id(request.POST.get("person_id"))
    if council_id:
        person_id = (
            Person.objects.filter(council_id=council_id).values_list("pk", flat=True).first()
        )
        if person_id is None:
            raise ValidationError(f"No one in the index has the council ID {council_id}")
    try:
        return access_person(request.user, person_id, for_write=True)
    except Http404 as refused:
        if getattr(refused, "person", None) is not None:  # answered on the form, but refused
            refusals.note(request, refused)
        if RestrictedRecord.objects.filter(person_id=person_id).exists():
            raise ValidationError(
                "That record is restricted: only the staff named on it can match to it"
            ) from None
        raise ValidationError("Choose a person from the index") from None


def _act(request, contact_id, do, done: str):
    """Run one action for a contact; back to the contact either way."""
    contact = queries.access_contact_for_mash(request.user, contact_id)
    if request.method != "POST":
        return redirect("frontdoor:contact", contact_id=contact.pk)
    try:
        do(contact)
    except ValidationError as problem:
        return _page(request, contact, error=first_error(problem), status=400)
    messages.success(request, done)
    return redirect("frontdoor:contact", contact_id=contact.pk)


class _CheckFirst(Exception):
    """A weak candidate chosen: the officer is asked to check, on a page of its own."""

    def __init__(self, subject, person, candidate, *, unticked: bool):
        super().__init__("check a weak match first")
        self.subject = subject
        self.person = person
        self.candidate = candidate
        self.unticked = unticked


CONFIRM_WEAK = "Tick to confirm you have checked that this is the same person"


def _weak_choice(request, subject, person):
    """The suggested candidate chosen, if it is a weak one (or not suggested at all). A match
    to a council ID the officer typed is their own find, not a suggestion, and is not asked
    again; the check is made here, on the server, whatever the page sent."""
    if request.POST.get("council_id", "").strip() or not subject.contact.is_awaiting:
        return None, False
    if subject.resolution != subject.Resolution.PENDING:
        return None, False  # the action says why
    found = queries.candidates_for(request.user, subject)
    candidate = found.candidate(person)
    weak = candidate is None or candidate.weak
    return candidate, weak


@requires(TRIAGE_CONTACT)
def same_person(request, contact_id: int, subject_id: int):
    def do(contact):
        subject = _subject(contact, subject_id)
        person = _chosen_person(request)
        candidate, weak = _weak_choice(request, subject, person)
        if weak and request.POST.get("checked") != "yes":
            actions.refuse_contradicted_match(subject, person)
            unticked = request.POST.get("step") == "check"
            raise _CheckFirst(subject, person, candidate, unticked=unticked)
        actions.confirm_match(subject, person, acting_user=request.user, request=request)

    try:
        return _act(request, contact_id, do, "Matched to the person in the index")
    except _CheckFirst as check:
        return _check_weak_match(request, check)


def _check_weak_match(request, check: _CheckFirst):
    """The second step of matching to a weak candidate: both records side by side, the
    score and its reasons, and a box to tick. Showing the person is audited as the look it is."""
    contact = check.subject.contact
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=check.person,
        obj=check.subject,
        detail=f"shown as a weak match to check, for {check.subject.full_name} in contact "
        f"{contact.reference} (MASH)",
    )
    return render(
        request,
        "frontdoor/check_match.html",
        {
            "contact": contact,
            "subject": check.subject,
            "person": check.person,
            "candidate": check.candidate,
            "error": CONFIRM_WEAK if check.unticked else "",
        },
        status=400 if check.unticked else 200,
    )


@requires(TRIAGE_CONTACT)
def not_same_person(request, contact_id: int, subject_id: int):
    def do(contact):
        subject = _subject(contact, subject_id)
        actions.rule_out(
            subject, _chosen_person(request), acting_user=request.user, request=request
        )

    return _act(
        request, contact_id, do, "Noted: not the same person. It will not be suggested again"
    )


@requires(TRIAGE_CONTACT, "people.add_person")
def new_person(request, contact_id: int, subject_id: int):
    def do(contact):
        subject = _subject(contact, subject_id)
        actions.add_as_new_person(subject, acting_user=request.user, request=request)

    return _act(request, contact_id, do, "Added to the person index")


@requires(TRIAGE_CONTACT)
def rate(request, contact_id: int):
    def do(contact):
        form = RateForm(request.POST)
        if not form.is_valid():
            raise ValidationError("Choose red, amber or green")
        actions.rate(contact, acting_user=request.user, request=request, **form.cleaned_data)

    return _act(request, contact_id, do, "RAG rating recorded")


@requires(TRIAGE_CONTACT)
def request_check(request, contact_id: int):
    def do(contact):
        form = CheckForm(request.POST)
        if not form.is_valid():
            raise ValidationError("Choose the partner and enter what you are asking them")
        actions.request_check(
            contact, acting_user=request.user, request=request, **form.cleaned_data
        )

    return _act(request, contact_id, do, "Check requested")


@requires(TRIAGE_CONTACT)
def record_answer(request, contact_id: int, check_id: int):
    def do(contact):
        form = AnswerForm(request.POST)
        if not form.is_valid():
            raise ValidationError("Enter the partner's answer")
        check = contact.checks.filter(pk=check_id).first()
        if check is None:
            raise Http404("No such check")
        actions.record_answer(check, acting_user=request.user, request=request, **form.cleaned_data)

    return _act(request, contact_id, do, "Answer recorded")


@requires(TRIAGE_CONTACT)
def decide(request, contact_id: int):
    contact = queries.access_contact_for_mash(request.user, contact_id)
    if request.method != "POST":
        return redirect("frontdoor:contact", contact_id=contact.pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, contact, decision_form=form, status=400)
    try:
        decision = actions.record_decision(
            contact, acting_user=request.user, request=request, **form.cleaned_data
        )
    except ValidationError as problem:
        return _page(request, contact, error=first_error(problem), decision_form=form, status=400)
    messages.success(request, f"Decision recorded: {decision.get_outcome_display()}")
    return redirect("frontdoor:contact", contact_id=contact.pk)
