"""What each court, missing and UASC record says in the child's chronology, read from the
record itself (``lantern.chronology.describe``), so a corrected date or a withdrawn consent
changes the entry too. Registered when the care app is ready."""

from lantern.care import codes
from lantern.care.models import (
    AgeAssessment,
    CourtApplication,
    CourtOrder,
    MissingEpisode,
    PreProceedings,
    PreProceedingsMeeting,
    Section20Consent,
    TimetableExtension,
    TransferReferral,
)
from lantern.chronology.describe import Described, describer


def _long(day) -> str:
    return f"{day.day} {day:%B %Y}"


@describer(PreProceedings._meta.label)
def pre_proceedings(r: PreProceedings) -> list[Described]:
    said = [
        Described(
            r.person,
            "court",
            r.letter_sent_on,
            f"Letter before proceedings (Public Law Outline) sent to {r.letter_sent_to}.",
        )
    ]
    if r.decided_on:
        said.append(
            Described(
                r.person,
                "court",
                r.decided_on,
                f"Pre-proceedings decision: {r.get_decision_display()}.",
            )
        )
    return said


@describer(PreProceedingsMeeting._meta.label)
def pre_proceedings_meeting(r: PreProceedingsMeeting) -> list[Described]:
    return [Described(r.person, "court", r.held_on, f"Pre-proceedings meeting. {r.outcome}")]


@describer(CourtApplication._meta.label)
def application(r: CourtApplication) -> list[Described]:
    said = [
        Described(
            r.person,
            "court",
            r.issued_on,
            f"Application issued: {r.get_kind_display()} at {r.court}.",
        )
    ]
    if r.concluded_on:
        said.append(
            Described(
                r.person, "court", r.concluded_on, f"Proceedings ended: {r.get_kind_display()}."
            )
        )
    return said


@describer(TimetableExtension._meta.label)
def extension(r: TimetableExtension) -> list[Described]:
    return [
        Described(
            r.person,
            "court",
            r.granted_on,
            f"The court extended the 26-week timetable by {r.weeks} weeks: {r.reason}",
        )
    ]


@describer(CourtOrder._meta.label)
def order(r: CourtOrder) -> list[Described]:
    until = f", until {_long(r.ends_on)}" if r.ends_on else ""
    judge = f" ({r.judge})" if r.judge else ""
    return [
        Described(
            r.person,
            "court",
            r.made_on,
            f"Order made: {r.get_kind_display()} at {r.court}{judge}{until}.",
        )
    ]


@describer(Section20Consent._meta.label)
def consent(r: Section20Consent) -> list[Described]:
    said = [
        Described(
            r.person,
            "looked_after",
            r.given_on,
            f"Consent to accommodation (s20) given by {r.given_by} ({r.relationship}).",
        )
    ]
    if r.withdrawn_on:
        said.append(
            Described(
                r.person,
                "looked_after",
                r.withdrawn_on,
                f"Section 20 consent WITHDRAWN by {r.given_by} ({r.relationship}).",
            )
        )
    elif r.reviewed_on:
        said.append(
            Described(
                r.person,
                "looked_after",
                r.reviewed_on,
                f"Section 20 consent reviewed: {r.given_by} still consents.",
            )
        )
    return said


@describer(MissingEpisode._meta.label)
def missing(r: MissingEpisode) -> list[Described]:
    what = codes.MISSING.label(r.kind)
    outside = "" if r.looked_after else " (not looked after at the time)"
    said = [Described(r.person, "missing", r.start_date, f"{what}{outside}.")]
    if r.end_date:
        found = f" {r.circumstances}" if r.circumstances else ""
        said.append(Described(r.person, "missing", r.end_date, f"Returned.{found}"))
    if r.rhi_offered_on:
        answer = f": {r.get_rhi_response_display().lower()}" if r.rhi_response else ""
        held = f"; held {_long(r.rhi_done_on)} by {r.rhi_by}" if r.rhi_done_on else ""
        said.append(
            Described(
                r.person,
                "missing",
                r.rhi_offered_on,
                f"Return home interview offered{answer}{held}.",
            )
        )
    return said


@describer(AgeAssessment._meta.label)
def age_assessment(r: AgeAssessment) -> list[Described]:
    notes = [
        "18 or over" if r.adult else "",
        "" if r.merton_compliant else "not Merton-compliant",
        "disputed" if r.disputed else "",
    ]
    extra = "; ".join(n for n in notes if n)
    return [
        Described(
            r.person,
            "assessment",
            r.assessed_on,
            f"Age assessment: {r.get_outcome_display()}, date of birth "
            f"{_long(r.date_of_birth)}" + (f" ({extra})" if extra else "") + ".",
        )
    ]


@describer(TransferReferral._meta.label)
def transfer_referral(r: TransferReferral) -> list[Described]:
    council = f" ({r.receiving_council})" if r.receiving_council else ""
    return [
        Described(
            r.person,
            "looked_after",
            r.referred_on,
            f"National Transfer Scheme referral: {r.get_outcome_display()}{council}.",
        )
    ]
