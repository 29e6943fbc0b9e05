"""The second sign-in step: a TOTP code from an authenticator app (django-otp).

A member of staff without a confirmed device sets one up on first sign-in, but only after
entering the one-time enrolment code an administrator issued (``lantern.access.enrolment``):
a password alone never enrols a phone. Then the page shows a QR code and the secret; the
device counts only once a code from it has been accepted.
"""

from urllib.parse import urlencode

import segno
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from lantern.access import audit, enrolment
from lantern.access.models import AuditEntry
from lantern.access.rules import two_factor_step

ENROLMENT_KEY = "lantern_enrolment_code"


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
        if not enrolment.still_valid(user, request.session.get(ENROLMENT_KEY)):
            return _enrolment_code(request)
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
                request.session.pop(ENROLMENT_KEY, None)
                audit.record(
                    request, AuditEntry.Action.UPDATE, obj=device, detail="authenticator set up"
                )
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


def _enrolment_code(request):
    """Ask for the administrator's enrolment code; a right one starts a fresh device (a
    secret shown to anyone before this point is thrown away)."""
    error = ""
    if request.method == "POST" and "enrolment_code" in request.POST:
        try:
            redeemed = enrolment.redeem_enrolment_code(
                request.user, request.POST["enrolment_code"], request=request
            )
        except enrolment.EnrolmentRefused as refused:
            error = str(refused)
        else:
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
            request.session[ENROLMENT_KEY] = redeemed.pk
            return redirect(f"{request.path}?{urlencode({'next': _next_url(request)})}")
    return render(
        request,
        "access/enrolment_code.html",
        {"error": error, "next": _next_url(request)},
    )


def _base32(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode().rstrip("=")
