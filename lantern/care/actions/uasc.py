"""Unaccompanied asylum-seeking children: age assessments and National Transfer Scheme
referrals. An assessment that finds the young person is 18 or over does not end care by
itself: the worker ends the period of care with reason E15 (``care.actions`` end_care), so
the decision and its date are theirs."""

from django.db import transaction

from lantern.care.models import AgeAssessment, TransferReferral
from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock_child,
    not_before,
    refuse,
    written,
)


@transaction.atomic
def record_age_assessment(
    person,
    *,
    acting_user,
    assessed_on,
    outcome,
    date_of_birth,
    merton_compliant,
    disputed=False,
    notes="",
    request=None,
) -> AgeAssessment:
    lock_child(person)
    in_the_past(assessed_on, "The assessment date", "assessed_on")
    if outcome not in AgeAssessment.Outcome.values:
        refuse("Choose the outcome of the assessment", "outcome")
    if date_of_birth is None:
        refuse("Enter the date of birth the assessment determined", "date_of_birth")
    if date_of_birth >= assessed_on:
        refuse("The date of birth must be before the assessment", "date_of_birth")
    assessment = create(
        AgeAssessment,
        person,
        acting_user,
        assessed_on=assessed_on,
        outcome=outcome,
        date_of_birth=date_of_birth,
        merton_compliant=bool(merton_compliant),
        disputed=bool(disputed),
        notes=notes,
    )
    adult = "; 18 or over: consider ending care with reason E15" if assessment.adult else ""
    written(
        request,
        assessment,
        acting_user=acting_user,
        detail=f"recorded age assessment{adult}",
    )
    return assessment


@transaction.atomic
def record_transfer_referral(
    person,
    *,
    acting_user,
    referred_on,
    outcome,
    receiving_council="",
    decided_on=None,
    request=None,
) -> TransferReferral:
    lock_child(person)
    in_the_past(referred_on, "The referral date", "referred_on")
    if outcome not in TransferReferral.Outcome.values:
        refuse("Choose the outcome of the referral", "outcome")
    receiving_council = (receiving_council or "").strip()
    if outcome == TransferReferral.Outcome.TRANSFERRED and not receiving_council:
        refuse("Enter the council the child transferred to", "receiving_council")
    if outcome != TransferReferral.Outcome.TRANSFERRED and receiving_council:
        refuse("A council is named only when the child transferred", "receiving_council")
    if outcome == TransferReferral.Outcome.PENDING:
        if decided_on is not None:
            refuse("A referral awaiting a council has no decision date", "decided_on")
    elif decided_on is None:
        refuse("Enter the date the child transferred or was accepted", "decided_on")
    else:
        in_the_past(decided_on, "The decision date", "decided_on")
        not_before(decided_on, referred_on, "The decision cannot be before the referral",
                   "decided_on")  # fmt: skip
    referral = create(
        TransferReferral,
        person,
        acting_user,
        referred_on=referred_on,
        outcome=outcome,
        receiving_council=receiving_council,
        decided_on=decided_on,
    )
    written(
        request,
        referral,
        acting_user=acting_user,
        detail="recorded National Transfer Scheme referral",
    )
    return referral
