"""Signing in and out, both written to the audit log."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.shortcuts import redirect, render

from lantern.access import actions, audit
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.access.roles import VIEW_RECORD
from lantern.access.rules import public, requires, signed_in
from lantern.people.queries import ReasonRequired, access_person

sign_in = public(
    auth_views.LoginView.as_view(
        template_name="access/sign_in.html", redirect_authenticated_user=True
    )
)
sign_out = signed_in(auth_views.LogoutView.as_view(next_page="/sign-in/"))


@receiver(user_logged_in, dispatch_uid="lantern-audit-sign-in")
def _signed_in(sender, request, user, **kwargs):
    audit.record(request, AuditEntry.Action.SIGN_IN, user=user)


@receiver(user_logged_out, dispatch_uid="lantern-audit-sign-out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(request, AuditEntry.Action.SIGN_OUT, user=user)


@receiver(user_login_failed, dispatch_uid="lantern-audit-sign-in-failed")
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # The username tried is recorded; the password never is.
    audit.record(
        request,
        AuditEntry.Action.SIGN_IN_FAILED,
        detail=f"username: {credentials.get('username', '')[:150]}",
    )


@requires(VIEW_RECORD)
def state_reason(request, person_id: int):
    """Break the glass: say why you need a record outside your own work before it opens."""
    try:
        person = access_person(request.user, person_id)
        return redirect("people:record", person_id=person.pk)
    except ReasonRequired as needed:
        person = needed.person
    error = ""
    if request.method == "POST":
        try:
            actions.break_the_glass(
                person,
                acting_user=request.user,
                reason=request.POST.get("reason", ""),
                request=request,
            )
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            return redirect("people:record", person_id=person.pk)
    restricted = RestrictedRecord.objects.filter(person=person).exists()
    return render(
        request,
        "access/state_reason.html",
        {
            "person": person,
            "restricted": restricted,
            "error": error,
            "reason": request.POST.get("reason", ""),
        },
    )
