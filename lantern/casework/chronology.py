"""What each casework record says in the child's chronology, read from the record itself.

One function per record kind (``lantern.chronology.describe``): used when the record is
made and again on every save, so an edited conference decision or referral source changes
its chronology entry too. Registered when the casework app is ready.
"""

from lantern.casework import codes
from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from lantern.chronology.describe import Described, describer
from lantern.prepared import prepared


def _who(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "a manager"


def _agencies(meeting) -> str:
    return ", ".join(a.name for a in meeting.agencies.all()) or "no agencies recorded"


def _first_referral(episode: CINEpisode):
    """The referral the episode was opened for, the earliest received: from the prefetched
    referrals where a bulk writer fetched them for thousands of episodes at once
    (``casework.bulk``). Both ways pick the same one, whatever order the referrals came in."""
    if "referrals" in getattr(episode, "_prefetched_objects_cache", {}):
        return min(episode.referrals.all(), key=lambda r: (r.received_on, r.pk), default=None)
    return next(iter(_first_referral_of(episode.pk)), None)


@prepared
def _first_referral_of(episode_id):
    # The front door's Referral, reached through the relation: casework is below it.
    referrals = CINEpisode._meta.get_field("referrals").related_model.objects
    return (
        referrals.filter(episode_id=episode_id)
        .select_related("contact__agency")
        .order_by("received_on", "pk")[:1]
    )


def referral_text(episode: CINEpisode) -> str:
    """Where the referral came from, as every page and the chronology say it: the episode's
    referral source, and the front-door contact it was accepted from, if any."""
    text = f"Referral accepted from {episode.referral_source_label}"
    first = _first_referral(episode)
    if first is not None:
        # The agency, not the contact's reference: a demo built twice must read the same.
        text += f" (a contact from {first.contact.agency.name})"
    return text + "."


@describer(CINEpisode._meta.label)
def episode(record: CINEpisode) -> list[Described]:
    summary = referral_text(record)
    if record.harm_suspected:
        summary += " Significant harm suspected."
    entries = [Described(record.person, "referral", record.referral_date, summary)]
    if record.close_date is not None:
        reason = codes.REASON_FOR_CLOSURE.label(record.reason_for_closure)
        entries.append(
            Described(record.person, "case_closed", record.close_date, f"Case closed: {reason}.")
        )
    return entries


@describer(Assessment._meta.label)
def assessment(record: Assessment) -> list[Described]:
    entries = [
        Described(
            record.person, "assessment", record.start_date, "Child and family assessment started."
        )
    ]
    if record.authorised_date is not None:
        entries.append(
            Described(
                record.person,
                "assessment",
                record.authorised_date,
                f"Assessment authorised by {_who(record.authorised_by)}. "
                f"Outcome: {record.get_outcome_display()}.",
            )
        )
    return entries


@describer(CINPlan._meta.label)
def cin_plan(record: CINPlan) -> list[Described]:
    entries = [
        Described(
            record.person,
            "plan",
            record.start_date,
            "Child in need plan started.",
            signal_event="plan_started",
        )
    ]
    if record.end_date is not None:
        entries.append(
            Described(
                record.person,
                "plan",
                record.end_date,
                "Child in need plan ended.",
                signal_event="plan_ended",
            )
        )
    return entries


def _ending(plan: ChildProtectionPlan) -> str:
    if plan.receiving_council:
        return (
            f"moved to {plan.receiving_council} (its transfer-in conference held "
            f"{plan.receiving_conference_on.day} {plan.receiving_conference_on:%B %Y})"
        )
    return plan.get_end_reason_display()


@describer(ChildProtectionPlan._meta.label)
def cp_plan(record: ChildProtectionPlan) -> list[Described]:
    categories = ", ".join(record.category_labels)
    entries = [
        Described(
            record.person,
            "plan",
            record.start_date,
            f"Child protection plan started: {categories}.",
            signal_event="plan_started",
        )
    ]
    if record.end_date is not None:
        entries.append(
            Described(
                record.person,
                "plan",
                record.end_date,
                f"Child protection plan ended: {_ending(record)}.",
                signal_event="plan_ended",
            )
        )
    return entries


@describer(StrategyDiscussion._meta.label)
def strategy_discussion(record: StrategyDiscussion) -> list[Described]:
    summary = (
        f"Strategy discussion ({_agencies(record)}). Decision: {record.get_decision_display()}."
    )
    if taken := record.immediate_protection:
        summary += f" Immediate protection: {'; '.join(taken)}."
    return [Described(record.person, "strategy_discussion", record.held_on, summary)]


@describer(Section47Enquiry._meta.label)
def section_47(record: Section47Enquiry) -> list[Described]:
    entries = [
        Described(record.person, "section_47", record.start_date, "Section 47 enquiry started.")
    ]
    if record.end_date is not None and record.outcome:
        conference = (
            "an initial conference is needed" if record.icpc_required else "no conference needed"
        )
        entries.append(
            Described(
                record.person,
                "section_47",
                record.end_date,
                f"Section 47 enquiry concluded: {record.get_outcome_display()}; {conference}.",
            )
        )
    return entries


@describer(Conference._meta.label)
def conference(record: Conference) -> list[Described]:
    labels = ", ".join(record.category_labels)
    kind = record.get_kind_display()
    if record.transfer_notice_id:
        kind += f" (moved from {record.transfer_notice.transferring_council})"
    summary = f"{kind}. Decision: {record.get_decision_display()}" + (
        f" ({labels})." if labels else "."
    )
    return [Described(record.person, "conference", record.held_on, summary)]


@describer(CoreGroupMeeting._meta.label)
def core_group(record: CoreGroupMeeting) -> list[Described]:
    return [
        Described(
            record.person,
            "core_group",
            record.held_on,
            f"Core group meeting ({_agencies(record)}).",
        )
    ]
