"""Signing in and out, both written to the audit log."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.rules import public, signed_in

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
