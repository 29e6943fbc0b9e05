"""The front door's records as ``frontdoor.actions.triage`` leaves them: every accepted
referral in a CIN episode (a new one from the day the contact was received, or the one open
that day), one episode per child per referral date, the 1-working-day decision clock on
every linked child, the decision in each linked chronology, and the team awaiting only an
unallocated child."""

from lantern.casework import models as cw
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.demo.checks.registry import Violation, _v, check
from lantern.frontdoor import clock, codes
from lantern.frontdoor.models import ContactSubject, Decision, Referral
from lantern.people.models import Person
from lantern.workforce.models import Allocation


@check("accepted_referral_without_episode")
def accepted_referral_without_episode(today):
    """Accepting a contact makes a referral for each linked child, recorded in an episode."""
    out = _v(
        "accepted_referral_without_episode",
        Referral.objects.filter(episode__isnull=True).values_list("person_id", "received_on"),
        lambda pid, day: f"referral received {day} in no episode",
    )
    referred = set(Referral.objects.values_list("decision_id", "person_id"))
    accepted = Decision.objects.filter(outcome__in=codes.REFERRAL_OUTCOMES)
    for decision, pid in ContactSubject.objects.filter(
        contact__decision__in=accepted, person__isnull=False
    ).values_list("contact__decision", "person_id"):
        if (decision, pid) not in referred:
            out.append(Violation("accepted_referral_without_episode", pid, "no referral made"))
    return out


@check("referral_episode_dates")
def referral_episode_dates(today):
    """The referral is dated the (London) day the contact was received, and its episode
    was opened that day or was open on it."""
    out = []
    rows = Referral.objects.filter(episode__isnull=False).values_list(
        "person_id",
        "received_on",
        "contact__received_at",
        "episode__referral_date",
        "episode__close_date",
    )
    for pid, on, received_at, opened, closed in rows:
        if on != clock.received_on(received_at):
            out.append(Violation("referral_episode_dates", pid, f"received {on}, contact later"))
        if opened > on or (closed is not None and closed < on):
            what = f"episode {opened}–{closed or 'open'} for a referral received {on}"
            out.append(Violation("referral_episode_dates", pid, what))
    return out


@check("second_episode_same_day")
def second_episode_same_day(today):
    """No worker-keyed second episode for a referral the front door already recorded."""
    seen, out = set(), []
    for pid, day in cw.CINEpisode.objects.values_list("person_id", "referral_date"):
        if (pid, day) in seen:
            out.append(Violation("second_episode_same_day", pid, f"two episodes from {day}"))
        seen.add((pid, day))
    return out


@check("contact_without_decision_clock")
def contact_without_decision_clock(today):
    """Every contact about a linked child starts the 1-working-day decision clock on the
    day it was received (``contact_received``)."""
    started = set(
        Deadline.objects.filter(rule__code=clock.CLOCK_CODE).values_list("person_id", "started_on")
    )
    out = []
    for pid, received_at in ContactSubject.objects.filter(person__isnull=False).values_list(
        "person_id", "contact__received_at"
    ):
        if (pid, clock.received_on(received_at)) not in started:
            day = clock.received_on(received_at)
            out.append(Violation("contact_without_decision_clock", pid, f"contact of {day}"))
    return out


@check("episode_without_assessment_clock")
def episode_without_assessment_clock(today):
    """Every episode starts the 45-working-day assessment clock on its referral date."""
    started = set(
        Deadline.objects.filter(rule__code="assessment").values_list("person_id", "started_on")
    )
    rows = cw.CINEpisode.objects.values_list("person_id", "referral_date")
    return _v(
        "episode_without_assessment_clock",
        [r for r in rows if r not in started],
        lambda pid, day: f"episode from {day}",
    )


@check("decision_not_in_chronology")
def decision_not_in_chronology(today):
    """The MASH decision is in the chronology of every linked person (kind mash_decision)."""
    written = set(
        ChronologyEntry.objects.filter(kind="mash_decision").values_list("person_id", "source_ref")
    )
    out = []
    for pid, decision in ContactSubject.objects.filter(
        person__isnull=False, contact__decision__isnull=False
    ).values_list("person_id", "contact__decision"):
        if (pid, str(decision)) not in written:
            out.append(Violation("decision_not_in_chronology", pid, f"decision {decision}"))
    return out


@check("awaiting_team_while_allocated")
def awaiting_team_while_allocated(today):
    """A child waits on a team only until a worker is allocated."""
    allocated = set(Allocation.objects.filter(end__isnull=True).values_list("child_id", flat=True))
    rows = Person.objects.filter(awaiting_team__isnull=False).values_list("id", "awaiting_team")
    return _v(
        "awaiting_team_while_allocated",
        [r for r in rows if r[0] in allocated],
        lambda pid, team: f"awaiting team {team} with a worker allocated",
    )
