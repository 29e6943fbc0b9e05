"""The second sign-in step: a TOTP code from an authenticator app (django-otp).

A member of staff without a confirmed device sets one up on first sign-in: the page shows a
QR code and the secret; the device counts only once a code from it has been accepted.
"""

import segno
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.rules import two_factor_step


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@two_factor_step
def two_factor(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device = TOTPDevice.objects.filter(
            user=user, confirmed=False
        ).first() or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    error = ""
    if request.method == "POST":
        code = "".join(ch for ch in request.POST.get("code", "") if ch.isdigit())
        if len(code) == 6 and device.verify_token(code):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit.record(request, AuditEntry.Action.SIGN_IN, detail="second factor accepted")
            return redirect(_next_url(request))
        error = "Enter the 6-digit code shown in your authenticator app"
        audit.record(request, AuditEntry.Action.SIGN_IN_FAILED, detail="wrong second factor")
    context = {"setting_up": setting_up, "error": error, "next": _next_url(request)}
    if setting_up:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4)
        context["secret"] = _base32(device.bin_key)
    return render(request, "access/two_factor.html", context)


def _base32(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode().rstrip("=")
