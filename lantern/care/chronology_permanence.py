"""What each permanence and leaving-care record says in the child's chronology, read from
the record itself (``lantern.chronology.describe``), so a corrected adoption date or an
ended Staying Put changes the entry too. Registered when the care app is ready."""

from lantern.care import codes
from lantern.care.models import (
    AdoptionPlan,
    CareLeaverContact,
    NeedsAssessment,
    PathwayPlan,
    PermanencePlan,
    PersonalAdviser,
    StayingPut,
)
from lantern.chronology.describe import Described, describer


@describer(PermanencePlan._meta.label)
def permanence_plan(record: PermanencePlan) -> list[Described]:
    text = f"Plan for permanence agreed: {codes.PERMANENCE_PLAN.label(record.plan)}."
    if record.contingency:
        text += f" Contingency: {codes.PERMANENCE_PLAN.label(record.contingency)}."
    return [Described(record.person, "plan", record.agreed_on, text)]


ADOPTION_STEPS = (
    ("decided_on", "Decision that the child should be placed for adoption."),
    ("placement_order_on", "Placement order made."),
    ("matched_on", "Matched with prospective adopters."),
    ("placed_on", "Placed for adoption."),
    ("adoption_order_on", "Adoption order made."),
)


@describer(AdoptionPlan._meta.label)
def adoption(record: AdoptionPlan) -> list[Described]:
    entries = [
        Described(record.person, "plan", getattr(record, name), text)
        for name, text in ADOPTION_STEPS
        if getattr(record, name) is not None
    ]
    if record.reversed_on is not None:
        reason = codes.REASON_PLACED_CEASED.label(record.reason_reversed)
        entries.append(
            Described(
                record.person,
                "plan",
                record.reversed_on,
                f"Decision to place for adoption reversed: {reason}.",
            )
        )
    return entries


@describer(NeedsAssessment._meta.label)
def needs_assessment(record: NeedsAssessment) -> list[Described]:
    return [
        Described(
            record.person, "assessment", record.completed_on, "Leaving-care needs assessment."
        )
    ]


@describer(PathwayPlan._meta.label)
def pathway_plan(record: PathwayPlan) -> list[Described]:
    text = "Pathway plan reviewed." if record.is_review else "Pathway plan made."
    return [Described(record.person, "plan", record.made_on, text)]


@describer(PersonalAdviser._meta.label)
def personal_adviser(record: PersonalAdviser) -> list[Described]:
    return [Described(record.person, "allocation", record.start_date, f"{record}.")]


@describer(CareLeaverContact._meta.label)
def contact(record: CareLeaverContact) -> list[Described]:
    text = f"Care leaver contact: {codes.IN_TOUCH.label(record.in_touch)}."
    if record.in_touch == "YES":
        text += f" {codes.ACTIV.label(record.activity)}; {codes.ACCOM.label(record.accommodation)}."
    return [Described(record.person, "visit", record.contact_on, text)]


@describer(StayingPut._meta.label)
def staying_put(record: StayingPut) -> list[Described]:
    entries = [Described(record.person, "looked_after", record.start_date, f"{record} began.")]
    if record.end_date is not None:
        entries.append(
            Described(record.person, "looked_after", record.end_date, "Staying Put ended.")
        )
    return entries
