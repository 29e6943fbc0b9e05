"""Sign-in and permission gate in front of every view (see ``lantern.access.rules``)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import patch_cache_control

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.rules import PARTNER_TOKEN, PUBLIC, SIGNED_IN, TWO_FACTOR_STEP, rule_of


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
        audit.record(request, AuditEntry.Action.DENIED, detail=request.path)
        raise PermissionDenied


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
