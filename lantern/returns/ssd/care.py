"""Looked-after children: episodes (the derived SSDA903 episodes), legal statuses,
placements, reviews, health, immunisations, substance misuse, convictions, SDQs, missing
episodes, visits, the care plan, previous permanence and permanence (adoption). Codes are
the SSDA903's, as the model asks; ``clae_cla_id`` is the period of care."""

from django.db.models import Max

from lantern.care.models import (
    AdoptionPlan,
    CareEpisode,
    Conviction,
    DentalCheck,
    HealthAssessment,
    ImmunisationStatus,
    LegalStatus,
    LookedAfterReview,
    MissingEpisode,
    PeriodOfCare,
    Placement,
    PreviousPermanence,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.casework.models import Visit
from lantern.returns.ssd.common import iso, yn


def episode_rows(lookups) -> list[tuple]:
    last_review = dict(
        LookedAfterReview.objects.values("period_id")
        .annotate(last=Max("held_on"))
        .values_list("period_id", "last")
    )
    return [
        (
            e["pk"], e["person__council_id"], e["placement_id"], iso(e["start_date"]),
            e["reason_new"], e["period__category_of_need"], iso(e["end_date"]),
            e["reason_ceased"], e["period_id"], e["period__cin_episode_id"],
            iso(last_review.get(e["period_id"])), iso(e["period__start_date"]),
        )
        for e in CareEpisode.objects.order_by("pk").values(
            "pk", "person__council_id", "placement_id", "start_date", "reason_new",
            "period__category_of_need", "end_date", "reason_ceased", "period_id",
            "period__cin_episode_id", "period__start_date",
        )
    ]  # fmt: skip


def legal_status_rows(lookups) -> list[tuple]:
    return [
        (s["pk"], s["person__council_id"], s["code"], iso(s["start_date"]), iso(s["end_date"]))
        for s in LegalStatus.objects.order_by("pk").values(
            "pk", "person__council_id", "code", "start_date", "end_date"
        )
    ]


def placement_rows(lookups) -> list[tuple]:
    return [
        (
            p["pk"], p["period_id"], p["person__council_id"], iso(p["start_date"]),
            p["placement_type"], p["urn"], "", p["provider"], p["postcode"], iso(p["end_date"]),
            p["reason_changed"],
        )
        for p in Placement.objects.order_by("pk").values(
            "pk", "period_id", "person__council_id", "start_date", "placement_type", "urn",
            "provider", "postcode", "end_date", "reason_changed",
        )
    ]  # fmt: skip


def review_rows(lookups) -> list[tuple]:
    return [
        (r["pk"], r["period_id"], "", iso(r["held_on"]), "N", r["participation"])
        for r in LookedAfterReview.objects.order_by("pk").values(
            "pk", "period_id", "held_on", "participation"
        )
    ]


def health_rows(lookups) -> list[tuple]:
    """Health assessments and dental checks, the two checks Lantern records; their ids are
    prefixed (``HA``, ``DC``) as they come from two tables."""
    rows = [
        (f"HA{h['pk']}", h["person__council_id"], HealthAssessment.Kind(h["kind"]).label,
         iso(h["assessed_on"]), "")
        for h in HealthAssessment.objects.order_by("pk").values(
            "pk", "person__council_id", "kind", "assessed_on"
        )
    ]  # fmt: skip
    rows += [
        (f"DC{d['pk']}", d["person__council_id"], "Dental check", iso(d["checked_on"]), "")
        for d in DentalCheck.objects.order_by("pk").values("pk", "person__council_id", "checked_on")
    ]
    return rows


def immunisation_rows(lookups) -> list[tuple]:
    return [
        (i["person__council_id"], yn(i["up_to_date"]), iso(i["as_at"]))
        for i in ImmunisationStatus.objects.order_by("pk").values(
            "person__council_id", "up_to_date", "as_at"
        )
    ]


def substance_rows(lookups) -> list[tuple]:
    return [
        (s["pk"], s["person__council_id"], iso(s["identified_on"]), "",
         yn(s["intervention_received"]))
        for s in SubstanceMisuse.objects.order_by("pk").values(
            "pk", "person__council_id", "identified_on", "intervention_received"
        )
    ]  # fmt: skip


def conviction_rows(lookups) -> list[tuple]:
    return [
        (c["pk"], c["person__council_id"], iso(c["convicted_on"]), c["offence"])
        for c in Conviction.objects.order_by("pk").values(
            "pk", "person__council_id", "convicted_on", "offence"
        )
    ]


def sdq_rows(lookups) -> list[tuple]:
    return [
        (s["pk"], s["person__council_id"], iso(s["completed_on"]), s["score"], s["reason"])
        for s in StrengthsAndDifficulties.objects.order_by("pk").values(
            "pk", "person__council_id", "completed_on", "score", "reason"
        )
    ]


def missing_rows(lookups) -> list[tuple]:
    rows = []
    for m in MissingEpisode.objects.order_by("pk").values(
        "pk", "person__council_id", "start_date", "kind", "end_date", "rhi_offered_on",
        "rhi_response",
    ):  # fmt: skip
        accepted = {"accepted": "Y", "declined": "N"}.get(m["rhi_response"], "")
        rows.append((
            m["pk"], m["person__council_id"], iso(m["start_date"]), m["kind"],
            iso(m["end_date"]), yn(m["rhi_offered_on"] is not None), accepted,
        ))  # fmt: skip
    return rows


def cla_visit_rows(lookups) -> list[tuple]:
    return [
        (pk, lookups.period.on(person_id, day), council_id, iso(day), yn(seen), yn(alone))
        for pk, person_id, council_id, day, seen, alone, _ in lookups.visits[
            Visit.Kind.LOOKED_AFTER
        ]
    ]


def care_plan_rows(lookups) -> list[tuple]:
    """The care plan's dates (made, and ending with the period); its contents are free text
    in Lantern, not the model's coded JSON."""
    return [
        (p["pk"], p["person__council_id"], iso(p["care_plan_date"]), iso(p["end_date"]), "")
        for p in PeriodOfCare.objects.filter(care_plan_date__isnull=False)
        .order_by("pk")
        .values("pk", "person__council_id", "care_plan_date", "end_date")
    ]


def previous_permanence_rows(lookups) -> list[tuple]:
    return [
        (p["pk"], p["person__council_id"], p["option"], p["council"], p["arranged_on"])
        for p in PreviousPermanence.objects.order_by("pk").values(
            "pk", "person__council_id", "option", "council", "arranged_on"
        )
    ]


# SSDA903 FOSTER_CARE (1 adopted by the current foster carers) as the model's flag.
ADOPTED_BY_CARER = {"1": "Y", "0": "N"}


def permanence_rows(lookups) -> list[tuple]:
    rows = []
    for a in AdoptionPlan.objects.order_by("pk").values(
        "pk", "person__council_id", "period_id", "decided_on", "placement_order_on",
        "matched_on", "sex_adopter", "legal_status_adopter", "number_of_adopters", "placed_on",
        "foster_carers_adopting", "reversed_on", "reason_reversed", "adoption_order_on",
    ):  # fmt: skip
        rows.append((
            a["pk"], a["person__council_id"], a["period_id"], iso(a["decided_on"]), "", "", "",
            "", iso(a["placement_order_on"]), iso(a["matched_on"]), a["sex_adopter"],
            a["legal_status_adopter"], a["number_of_adopters"], iso(a["placed_on"]),
            ADOPTED_BY_CARER.get(a["foster_carers_adopting"], ""), "", "", "",
            iso(a["reversed_on"]),
            a["reason_reversed"], iso(a["adoption_order_on"]),
            "Adoption" if a["adoption_order_on"] else "", "",
        ))  # fmt: skip
    return rows
