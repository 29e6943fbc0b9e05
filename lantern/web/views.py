from django.http import HttpResponse
from django.shortcuts import render

from lantern.access.rules import public, signed_in
from lantern.web.home import sections_for


@signed_in
def home(request):
    notifications = request.user.notifications.filter(read_at__isnull=True).select_related(
        "person"
    )[:20]
    return render(
        request,
        "web/home.html",
        {"notifications": notifications, "sections": sections_for(request)},
    )


@public
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
