"""From the front door to the CIN plan: ssd_contacts, ssd_cin_episodes (the model's
"referral" is the CIN episode, as in the CIN census), ssd_cin_assessments with
ssd_assessment_factors, ssd_cin_plans and ssd_cin_visits."""

from zoneinfo import ZoneInfo

from lantern.casework import codes
from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    Section47Enquiry,
    Visit,
)
from lantern.frontdoor.models import ContactSubject, Referral
from lantern.returns.ssd.common import iso, yn

LONDON = ZoneInfo("Europe/London")


def contact_rows(lookups) -> list[tuple]:
    """One row per child named in a contact and matched to a person: the model's contact
    is per person, so the id is the named child's (``ContactSubject``) id."""
    found = (
        ContactSubject.objects.filter(role=ContactSubject.Role.CHILD, person__isnull=False)
        .order_by("pk")
        .values("pk", "person__council_id", "contact__received_at", "contact__source")
    )
    return [
        (
            s["pk"], s["person__council_id"],
            iso(s["contact__received_at"].astimezone(LONDON).date()),
            s["contact__source"], codes.REFERRAL_SOURCE.label(s["contact__source"]), "",
        )
        for s in found
    ]  # fmt: skip


def _episodes_with(model) -> set[int]:
    return set(model.objects.values_list("episode_id", flat=True).distinct())


def cin_episode_rows(lookups) -> list[tuple]:
    # CIN census ReferralNFA (CINEpisode.referral_nfa), for every episode in five queries.
    worked = set()
    for model in (Assessment, Section47Enquiry, Conference, ChildProtectionPlan, CINPlan):
        worked |= _episodes_with(model)
    teams = {}
    for episode_id, team_id in (
        Referral.objects.filter(episode__isnull=False, team__isnull=False)
        .order_by("-pk")
        .values_list("episode_id", "team_id")
    ):
        teams[episode_id] = str(team_id)  # the first referral into the episode wins
    rows = []
    for e in CINEpisode.objects.order_by("pk").values(
        "pk", "person_id", "person__council_id", "referral_date", "primary_need",
        "referral_source", "close_date", "reason_for_closure",
    ):  # fmt: skip
        team, worker = lookups.team_and_worker(e["person_id"], e["referral_date"])
        nfa = None if e["close_date"] is None else e["pk"] not in worked
        rows.append((
            e["pk"], e["person__council_id"], iso(e["referral_date"]), e["primary_need"],
            e["referral_source"], codes.REFERRAL_SOURCE.label(e["referral_source"]), "",
            yn(False if nfa is None else nfa), e["reason_for_closure"], iso(e["close_date"]),
            teams.get(e["pk"], team), worker,
        ))  # fmt: skip
    return rows


def assessment_rows(lookups) -> list[tuple]:
    rows = []
    for a in Assessment.objects.order_by("pk").values(
        "pk", "person_id", "person__council_id", "episode_id", "start_date", "authorised_date",
        "outcome",
    ):  # fmt: skip
        team, worker = lookups.team_and_worker(a["person_id"], a["start_date"])
        nfa = yn(a["outcome"] == Assessment.Outcome.NFA) if a["outcome"] else ""
        rows.append((
            a["pk"], a["person__council_id"], a["episode_id"], iso(a["start_date"]), "",
            iso(a["authorised_date"]), "", nfa, team, worker,
        ))  # fmt: skip
    return rows


def factor_rows(lookups) -> list[tuple]:
    """The factors as the model's JSON list of CIN census codes, e.g. ``["1A", "3C"]``."""
    rows = []
    for pk, factors in Assessment.objects.order_by("pk").values_list("pk", "factors"):
        if factors:
            rows.append((pk, pk, "[" + ", ".join(f'"{c}"' for c in factors) + "]"))
    return rows


def cin_plan_rows(lookups) -> list[tuple]:
    rows = []
    for p in CINPlan.objects.order_by("pk").values(
        "pk", "episode_id", "person_id", "person__council_id", "start_date", "end_date"
    ):
        team, worker = lookups.team_and_worker(p["person_id"], p["start_date"])
        rows.append((
            p["pk"], p["episode_id"], p["person__council_id"], iso(p["start_date"]),
            iso(p["end_date"]), team, worker,
        ))  # fmt: skip
    return rows


def cin_visit_rows(lookups) -> list[tuple]:
    return [
        (pk, council_id, iso(day), yn(seen), yn(alone), yn(bedroom))
        for pk, _, council_id, day, seen, alone, bedroom in lookups.visits[Visit.Kind.CHILD_IN_NEED]
    ]
