"""Pages for professionals in partner agencies: make a referral, follow its outcome.

A partner sees only the referrals they made themselves, never the person index: the
outcome tells them what happened without showing what children's social care holds.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import MAKE_REFERRAL
from lantern.access.rules import requires
from lantern.frontdoor import actions, queries
from lantern.frontdoor.forms import ReferralForm, first_error, subject_forms


def _agency(user):
    staff = getattr(user, "staff", None)
    if staff is None:
        raise Http404("No agency")
    return staff.agency


@requires(MAKE_REFERRAL)
def refer(request):
    agency = _agency(request.user)
    data = request.POST if request.method == "POST" else None
    form = ReferralForm(data, initial={"referrer_email": request.user.email})
    people = subject_forms(data)
    error = ""
    if data is not None:
        valid = form.is_valid() & all([f.is_valid() for _, f in people])
        if valid:
            details = actions.ContactDetails(
                agency=agency,
                channel="web",
                referrer_user=request.user,
                referrer_name=request.user.get_full_name() or request.user.get_username(),
                subjects=[f.details() for _, f in people if f.required or not f.is_blank()],
                **form.cleaned_data,
            )
            try:
                contact, _ = actions.receive_contact(
                    details, acting_user=request.user, request=request
                )
            except ValidationError as problem:
                error = first_error(problem)
            else:
                messages.success(request, f"Referral sent. Your reference is {contact.reference}")
                return redirect("frontdoor:my-referral", contact_id=contact.pk)
    return render(
        request,
        "frontdoor/refer.html",
        {"form": form, "people": people, "agency": agency, "error": error},
        status=400 if data is not None else 200,
    )


@requires(MAKE_REFERRAL)
def my_referrals(request):
    contacts = list(queries.partner_contacts(request.user)[:100])
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"own referrals ({len(contacts)})")
    return render(
        request,
        "frontdoor/my_referrals.html",
        {
            "contacts": contacts,
            "agency": getattr(getattr(request.user, "staff", None), "agency", None),
        },
    )


@requires(MAKE_REFERRAL)
def my_referral(request, contact_id: int):
    contact = queries.access_contact_for_partner(request.user, contact_id)
    audit.record(request, AuditEntry.Action.VIEW_RECORD, obj=contact, detail="own referral")
    return render(request, "frontdoor/my_referral.html", {"contact": contact})
