"""What a MASH decision leaves behind in the demo, as ``frontdoor.actions.triage`` leaves it:
the front door's 1-working-day clock on each linked child, the decision in the child's
chronology, and for an accepted referral the CIN episode it opens (or the one already open
that day), its assessment and strategy discussion clocks, and the team it goes to.

Written in bulk after the casework, so every episode the casework generator made is known:
a referral the app would refuse (the child is 18, or an episode starts after the contact
and so could not have been opened) is decided another way instead.
"""

import datetime as dt
import random
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from lantern.casework import models as cw
from lantern.casework.actions.base import long_date
from lantern.casework.bulk import Batch, redescribe
from lantern.chronology.describe import describe, is_timed, occurred
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor import clock, codes
from lantern.frontdoor.actions.triage import NOT_OPEN
from lantern.frontdoor.models import Referral
from lantern.people.ages import check_referral_age
from lantern.people.models import Person
from lantern.workforce.models import Allocation, Team

LONDON = ZoneInfo("Europe/London")

# The primary need the MASH names when it accepts a referral, in about England's shares
# (CIN census, children in need by primary need at assessment); a strategy discussion is
# about abuse or neglect.
PRIMARY_NEEDS = (
    ("N1", 55), ("N2", 9), ("N3", 4), ("N4", 9), ("N5", 13), ("N6", 2), ("N7", 1), ("N8", 3),
    ("N9", 4),
)  # fmt: skip


def primary_need(rng: random.Random, harm: bool) -> str:
    if harm:
        return "N1"
    codes_, weights = zip(*PRIMARY_NEEDS, strict=True)
    return rng.choices(codes_, weights)[0]


class Referrals:
    """The children the front door decided on, with their episodes as the casework left
    them; new episodes join as the decisions are made, oldest contact first."""

    def __init__(self, rng: random.Random, person_ids, staff):
        self.rng = rng
        # The primary needs come from a stream of their own, seeded from the demo's state
        # here without drawing from it: the rest of the demo is the same as before the front
        # door named a need, and the same seed gives the same needs (never keyed on row ids,
        # which differ from one build to the next).
        self.needs = random.Random(repr(rng.getstate()))
        self.people = Person.objects.in_bulk(set(person_ids))
        self.episodes: dict[int, list[cw.CINEpisode]] = defaultdict(list)
        for episode in cw.CINEpisode.objects.filter(person_id__in=self.people):
            self.episodes[episode.person_id].append(episode)
        self.allocated = set(
            Allocation.objects.filter(child_id__in=self.people, end__isnull=True).values_list(
                "child_id", flat=True
            )
        )
        self.teams = [t for t in staff.teams.values() if t.kind == Team.Kind.ASSESSMENT]
        self.batch = Batch()
        self.new: list[tuple[cw.CINEpisode, int]] = []  # (episode, the deciding user's id)
        self.needed: list[cw.CINEpisode] = []  # open episodes the referral gave a primary need
        self.referrals: list[Referral] = []
        self.entries: list[ChronologyEntry] = []
        self.touched: set[int] = set()
        self.names: dict[int, str] = {}

    def open_on(self, person_id: int, day: dt.date) -> cw.CINEpisode | None:
        return next(
            (
                e
                for e in self.episodes[person_id]
                if e.referral_date <= day and (e.close_date is None or e.close_date >= day)
            ),
            None,
        )

    def can_refer(self, person_id: int, day: dt.date) -> bool:
        """Whether the app would accept a referral for the child received on ``day``."""
        if any(e.referral_date > day for e in self.episodes[person_id]):
            return False  # an episode the casework opened later could not follow this one
        try:
            check_referral_age(self.people[person_id], day)
        except ValidationError:
            return False
        return True

    def outcome(self, person_id: int | None, day: dt.date, outcomes, weights) -> str:
        chosen = self.rng.choices(outcomes, weights)[0]
        if chosen in codes.REFERRAL_OUTCOMES and person_id and not self.can_refer(person_id, day):
            others = [(o, w) for o, w in zip(outcomes, weights, strict=True)]
            others = [(o, w) for o, w in others if o not in codes.REFERRAL_OUTCOMES]
            chosen = self.rng.choices([o for o, _ in others], [w for _, w in others])[0]
        return chosen

    def decided(self, decision, person_id: int, council) -> None:
        """One linked child's share of a decision (``triage.record_decision``)."""
        contact = decision.contact
        received = clock.received_on(contact.received_at)
        on = decision.decided_at.astimezone(LONDON).date()
        self.batch.event(person_id, received, "contact_received", contact)
        self.batch.event(person_id, on, "referral_decided", decision)
        self.entries.append(
            ChronologyEntry(
                person_id=person_id,
                occurred_at=decision.decided_at,
                agency=council,
                kind="mash_decision",
                author=self._name(decision),
                author_user_id=decision.decided_by_id,
                # No contact reference: ids differ between builds, and the demo must not.
                summary=f"MASH decision on the contact from {contact.agency.name}: "
                f"{decision.get_outcome_display()}. {decision.reasons}",
                source_type="frontdoor.Decision",
                source_ref=str(decision.pk),
                from_record=True,
            )
        )
        if decision.outcome in codes.REFERRAL_OUTCOMES:
            self._refer(decision, person_id, received, on, council)

    def _name(self, decision) -> str:
        uid = decision.decided_by_id
        if uid not in self.names:
            user = get_user_model().objects.get(pk=uid)
            self.names[uid] = user.get_full_name() or user.get_username()
        return self.names[uid]

    def _refer(self, decision, person_id, received, on, council) -> None:
        contact, harm = decision.contact, decision.outcome == "strategy_discussion"
        need = primary_need(self.needs, harm)
        episode = self.open_on(person_id, received)
        team = self.rng.choice(self.teams) if self.teams else None
        referral = Referral(
            person_id=person_id,
            contact=contact,
            decision=decision,
            received_on=received,
            source=contact.source,
            strategy_discussion=harm,
            team=team,
        )
        if episode is None:
            episode = cw.CINEpisode(
                person_id=person_id,
                referral_date=received,
                referral_source=contact.source,
                referral_reason=contact.concern,
                harm_suspected=harm,
                primary_need=need,
                created_by_id=decision.decided_by_id,
                updated_by_id=decision.decided_by_id,
            )
            self.episodes[person_id].append(episode)
            self.new.append((episode, decision.decided_by_id))
            self.batch.event(person_id, received, "referral", episode)
            if harm:
                self.batch.event(person_id, received, "harm_suspected", episode)
        else:
            if not episode.primary_need and episode.pk:
                episode.primary_need = need
                self.needed.append(episode)
            if harm:  # a new concern of significant harm in an open case
                self.batch.event(person_id, on, "harm_suspected", decision)
                held = (
                    cw.StrategyDiscussion.objects.filter(person_id=person_id, held_on__gte=on)
                    .order_by("held_on")
                    .first()
                )
                if held is not None:
                    self.batch.event(person_id, held.held_on, "strategy_discussion_held", held)
            self.entries.append(
                ChronologyEntry(
                    person_id=person_id,
                    occurred_at=occurred(received),
                    time_known=False,
                    agency=council,
                    kind="referral",
                    author=self._name(decision),
                    author_user_id=decision.decided_by_id,
                    summary=f"Referral from {contact.agency.name} recorded in the CIN episode "
                    f"open since {long_date(episode.referral_date)}.",
                    source_type="frontdoor.Referral",
                    source_ref="",  # filled in once the referral is saved
                    from_record=True,
                )
            )
            self.entries[-1].referral = referral
        referral.episode = episode
        self.referrals.append(referral)
        if episode.close_date is not None:
            return  # closed since (the casework's story goes on): nothing waits on a team
        person = self.people[person_id]
        person.awaiting_team = None if person_id in self.allocated else team
        if person.care_status in NOT_OPEN:
            person.care_status = Person.CareStatus.ASSESSMENT
        self.touched.add(person_id)

    def save(self, council) -> dict[str, int]:
        cw.CINEpisode.objects.bulk_create([e for e, _ in self.new], batch_size=1000)
        cw.CINEpisode.objects.bulk_update(self.needed, ["primary_need"], batch_size=1000)
        for referral in self.referrals:
            referral.episode_id = referral.episode.pk
        Referral.objects.bulk_create(self.referrals, batch_size=1000)
        # An episode the casework opened now names the contact it came from (``referral_text``).
        joined = {r.episode_id for r in self.referrals} - {e.pk for e, _ in self.new}
        redescribe(cw.CINEpisode, sorted(joined))
        for entry in self.entries:
            if hasattr(entry, "referral"):
                entry.source_ref = str(entry.referral.pk)
        for episode, user_id in self.new:  # the episode's entry, from the record itself
            for item in describe(episode):
                self.entries.append(
                    ChronologyEntry(
                        person_id=episode.person_id,
                        occurred_at=occurred(item.when),
                        time_known=is_timed(item.when),
                        agency=item.agency or council,
                        kind=item.kind,
                        summary=item.summary,
                        author=self.names[user_id],
                        author_user_id=user_id,
                        source_type=episode._meta.label,
                        source_ref=str(episode.pk),
                        from_record=True,
                    )
                )
        ChronologyEntry.objects.bulk_create(self.entries, batch_size=1000)
        Person.objects.bulk_update(
            [self.people[pid] for pid in sorted(self.touched)],
            ["care_status", "awaiting_team"],
            batch_size=1000,
        )
        deadlines = self.batch.save()["deadlines"]
        return {
            "referrals": len(self.referrals),
            "episodes opened at the front door": len(self.new),
            "front door deadlines": deadlines,
        }
