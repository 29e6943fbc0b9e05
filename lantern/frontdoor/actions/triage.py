"""MASH triage: rating a contact, asking partners what they know, and the decision.

A decision is the end of the front door for a contact: it makes the CIN referral for each
child when the contact is accepted (opening the CIN episode, or recording it in the open
one), writes the decision into every chronology it touches, tells the allocated worker
of a child already open, and tells the referrer the outcome.
Messages go out only after the decision is committed.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.casework import codes as casework_codes
from lantern.casework.actions.base import long_date
from lantern.casework.actions.episodes import open_episode, update_episode
from lantern.casework.models import CINEpisode
from lantern.chronology.actions import record_entry
from lantern.chronology.describe import sync_entries
from lantern.clocks.actions import apply_event
from lantern.frontdoor import clock, codes
from lantern.frontdoor.models import Check, Contact, Decision, Referral
from lantern.people.models import Person
from lantern.workforce.actions import notify
from lantern.workforce.models import Allocation, Team

# Care statuses a referral moves on to "being assessed"; open cases keep their status.
NOT_OPEN = {Person.CareStatus.NOT_OPEN, Person.CareStatus.CONTACT, Person.CareStatus.CLOSED}


def _locked(contact: Contact) -> Contact:
    contact = (
        Contact.objects.select_for_update(of=("self",)).select_related("agency").get(pk=contact.pk)
    )
    if not contact.is_awaiting:
        raise ValidationError("A decision has been made on this contact; it can no longer change")
    return contact


@transaction.atomic
def rate(contact: Contact, *, acting_user, rag: str, reason: str = "", request=None) -> Contact:
    if rag not in {c for c, _ in Contact.Rag.choices if c}:
        raise ValidationError("Choose red, amber or green")
    contact = _locked(contact)
    old = contact.get_rag_display()
    contact.rag, contact.rag_reason = rag, reason.strip()[:500]
    contact.save(update_fields=["rag", "rag_reason"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=contact,
        detail=f"RAG rating {old} -> {contact.get_rag_display()}",
    )
    return contact


@transaction.atomic
def request_check(contact: Contact, *, acting_user, agency, question: str, request=None) -> Check:
    if not question.strip():
        raise ValidationError("Enter what you are asking the partner")
    contact = _locked(contact)
    check = Check.objects.create(
        contact=contact, agency=agency, question=question.strip(), requested_by=acting_user
    )
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=check,
        detail=f"asked {agency.name} for a check on contact {contact.reference}",
    )
    return check


@transaction.atomic
def record_answer(
    check: Check, *, acting_user, answer: str, answered_by_name: str = "", request=None
) -> Check:
    """A partner's answer is part of the child's story: it enters each linked chronology."""
    if not answer.strip():
        raise ValidationError("Enter the partner's answer")
    check = (
        Check.objects.select_for_update(of=("self",))
        .select_related("agency", "contact")
        .get(pk=check.pk)
    )
    if check.answered_at is not None:
        raise ValidationError("This check has already been answered")
    check.answer = answer.strip()
    check.answered_by_name = answered_by_name.strip()[:150]
    check.answered_at = timezone.now()
    check.recorded_by = acting_user
    check.save(update_fields=["answer", "answered_by_name", "answered_at", "recorded_by"])
    for subject in check.contact.subjects.filter(person__isnull=False).select_related("person"):
        record_entry(
            subject.person,
            kind="mash_check",
            when=check.answered_at,
            agency=check.agency,
            author=check.answered_by_name,
            summary=f"MASH check ({check.contact.reference}). Asked: {check.question} "
            f"Answer: {check.answer}",
            source=check,
        )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=check,
        detail=f"recorded {check.agency.name}'s answer on contact {check.contact.reference}",
    )
    return check


def _linked_people(contact: Contact) -> tuple[list[Person], list[Person]]:
    subjects = list(contact.subjects.select_related("person"))
    waiting = [s.full_name for s in subjects if s.is_child and s.person_id is None]
    if waiting:
        raise ValidationError(
            f"Find or add {', '.join(waiting)} in the person index before deciding"
        )
    children, adults, seen = [], [], set()
    for s in subjects:
        if s.person_id and s.person_id not in seen:
            seen.add(s.person_id)
            (children if s.is_child else adults).append(s.person)
    return children, adults


@transaction.atomic
def record_decision(
    contact: Contact,
    *,
    acting_user,
    outcome: str,
    reasons: str,
    message_to_referrer: str = "",
    team=None,
    primary_need: str = "",
    request=None,
) -> Decision:
    """Decide a contact. A referral goes to ``team`` (by default the council's one assessment
    team), recorded on each child's referral: its manager allocates the child. Accepting it
    opens each child's CIN episode through casework's own action (its guards apply), or
    records it in the one already open; a refusal for any child refuses the whole decision.
    An accepted referral names the children's primary need (the DfE's N0-N9; the CIN census
    needs one on every referral not closed as no further action): it goes on the episode
    it opens, or on the open one that has none yet; the assessment may revise it.
    """
    if outcome not in {c for c, _ in codes.OUTCOMES}:
        raise ValidationError("Choose a decision")
    if not reasons.strip():
        raise ValidationError("Enter the reasons for the decision")
    accepted = outcome in codes.REFERRAL_OUTCOMES
    primary_need = primary_need if accepted else ""
    if accepted and primary_need not in casework_codes.PRIMARY_NEED:
        raise ValidationError("Choose the primary need of the children referred")
    contact = _locked(contact)
    children, adults = _linked_people(contact)
    now = timezone.now()
    decision = Decision.objects.create(
        contact=contact,
        outcome=outcome,
        reasons=reasons.strip(),
        decided_by=acting_user,
        decided_at=now,
        on_time=now <= contact.decision_due_at,
    )
    contact.status = Contact.Status.DECIDED
    contact.outcome_message = "\n\n".join(
        p for p in (codes.OUTCOME_FOR_REFERRER[outcome], message_to_referrer.strip()) if p
    )
    contact.save(update_fields=["status", "outcome_message"])
    team = (team or _assessment_team()) if accepted else None
    label = decision.get_outcome_display()
    for person in children:
        # The front door's 1-working-day clock on this child is met (lantern.clocks).
        apply_event(person, "referral_decided", timezone.localdate(now), source=decision)
    for person in children + adults:
        referral = None
        if accepted and person in children:
            referral = _refer(person, contact, decision, team, acting_user, request, primary_need)
        record_entry(
            person,
            kind="mash_decision",
            when=now,
            acting_user=acting_user,
            summary=f"MASH decision on contact {contact.reference} from {contact.agency.name}: "
            f"{label}. {decision.reasons}",
            source=decision,
            from_record=True,
        )
        audit.record(
            request,
            AuditEntry.Action.CREATE,
            user=acting_user,
            person=person,
            obj=referral or decision,
            detail=f"MASH decision: {label} (contact {contact.reference})",
        )
    _tell_after_commit(contact, children, label, acting_user)
    return decision


def _refer(person, contact, decision, team, acting_user, request, primary_need) -> Referral:
    """The child's CIN referral: a new episode from the day the contact was received, with
    its source, the concern as the reason and the primary need (the assessment clock starts,
    and the strategy discussion clock when that was the decision); or, while an episode is
    open, the referral is recorded in it (with the primary need, if it has none yet) and no
    second episode is made."""
    received = clock.received_on(contact.received_at)
    harm = decision.outcome == "strategy_discussion"
    episode = CINEpisode.objects.filter(person=person, close_date__isnull=True).first()
    opened = episode is None
    if opened:
        try:
            episode = open_episode(
                person,
                acting_user=acting_user,
                referral_date=received,
                referral_source=contact.source,
                referral_reason=contact.concern,
                harm_suspected=harm,
                primary_need=primary_need,
                request=request,
            )
        except ValidationError as refused:
            reasons = "; ".join(refused.messages)
            raise ValidationError(
                f"The referral cannot be accepted for {person.full_name}: {reasons}. "
                "Nothing has been recorded."
            ) from None
    else:
        if not episode.primary_need:
            update_episode(
                episode,
                acting_user=acting_user,
                expected_version=episode.version,
                request=request,
                primary_need=primary_need,
            )
        if harm:
            # A new concern of significant harm in an open case needs its strategy discussion.
            apply_event(
                person, "harm_suspected", timezone.localdate(decision.decided_at), source=decision
            )
    referral = Referral.objects.create(
        person=person,
        contact=contact,
        decision=decision,
        received_on=received,
        source=contact.source,
        strategy_discussion=harm,
        team=team,
        episode=episode,
    )
    if opened:
        sync_entries(episode, acting_user=acting_user)  # now it names the contact
    else:
        record_entry(
            person,
            kind="referral",
            when=received,
            acting_user=acting_user,
            summary=f"Referral from {contact.agency.name} (contact {contact.reference}) "
            f"recorded in the CIN episode open since {long_date(episode.referral_date)}.",
            source=referral,
            from_record=True,
        )
    person.awaiting_team = team
    if person.care_status in NOT_OPEN:
        person.care_status = Person.CareStatus.ASSESSMENT
    person.save(update_fields=["care_status", "awaiting_team", "updated_at"])
    return referral


def _assessment_team():
    """The council's assessment team, when it has exactly one: where referrals go unless the
    officer chooses another."""
    teams = list(Team.objects.filter(kind=Team.Kind.ASSESSMENT)[:2])
    return teams[0] if len(teams) == 1 else None


def _tell_after_commit(contact: Contact, children: list[Person], label: str, acting_user) -> None:
    """The allocated worker of a child already open, and a referrer who is a Lantern user."""
    allocations = Allocation.objects.filter(child__in=children, end__isnull=True).select_related(
        "worker", "child"
    )
    for allocation in allocations:
        if allocation.worker_id == acting_user.pk:
            continue
        transaction.on_commit(
            partial(
                notify,
                allocation.worker,
                f"MASH decision on {allocation.child.full_name}: {label}",
                body=f"Contact {contact.reference} from {contact.agency.name}: {contact.concern}",
                link=f"/people/{allocation.child_id}/",
                person=allocation.child,
            )
        )
    if contact.referrer_user_id:
        transaction.on_commit(
            partial(
                notify,
                contact.referrer_user,
                f"Outcome of your referral {contact.reference}: {label}",
                body=contact.outcome_message,
                link=f"/front-door/my-referrals/{contact.pk}/",
            )
        )
