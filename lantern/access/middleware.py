"""Sign-in and permission gate in front of every view (see ``lantern.access.rules``), and
the one place a refusal raised by a view is written to the audit log (``access.refusals``)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from lantern.access import audit, refusals
from lantern.access.rules import PARTNER_TOKEN, PUBLIC, SIGNED_IN, TWO_FACTOR_STEP, rule_of
from lantern.prepared import prepared


@prepared
def _authenticator(device_id):
    return TOTPDevice.objects.filter(id=device_id)


class SecondFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``), with the authenticator
    the session names read by SQL written once (``prepared``): every page a signed-in
    person opens reads it, and the ORM built that read afresh each time. Devices of another
    kind, and every check of the device (its owner, confirmed), are django-otp's own."""

    TOTP = TOTPDevice._meta.label_lower

    def _device_from_persistent_id(self, persistent_id: str):
        label, _, device_id = self._normalize_persistent_id(persistent_id).rpartition("/")
        if label != self.TOTP or not device_id.isdigit():
            return super()._device_from_persistent_id(persistent_id)
        found = _authenticator(int(device_id))
        return found[0] if found else None


class RequireSignInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(settings.STATIC_URL):
            return None
        rule = rule_of(view_func)
        if rule in (PUBLIC, PARTNER_TOKEN):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if rule == TWO_FACTOR_STEP:
            return None
        if settings.LANTERN_REQUIRE_2FA and not request.user.is_verified():
            return redirect_to_login(request.get_full_path(), "/sign-in/two-factor/")
        if rule == SIGNED_IN:
            return None
        if isinstance(rule, tuple) and request.user.has_perms(rule):
            return None
        refused = PermissionDenied()
        refusals.note(request, refused)
        raise refused

    def process_exception(self, request, exception):
        """Called after the view (and any transaction it ran in) has unwound, so the audit
        row survives the rollback of whatever the refused request had begun."""
        if isinstance(exception, refusals.ReasonRequired):
            refusals.note(request, exception)
            return redirect("access:state-reason", person_id=exception.person.pk)
        if isinstance(exception, Http404 | PermissionDenied):
            refusals.note(request, exception)
        return None


class NoStoreMiddleware:
    """Every page the application renders is sent ``Cache-Control: no-store``: case pages
    must not be kept by the browser (or a proxy) for the next person at a shared PC to
    reach with the back button after sign-out. Static files are served before this runs
    (WhiteNoise) and keep their long cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response


class AuditGatheringMiddleware:
    """A read-only request's audit entries written in one statement as its response leaves
    (``audit.gathered_during``), not one per list or panel that recorded a look. Before the
    response is returned: a page is never sent without its entries in the log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with audit.gathered_during():
            return self.get_response(request)
