from django.db import Error as DatabaseError
from django.db import connection
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
    """200 "ok" only when the database answers: a server that cannot reach it serves
    nothing but errors, so the container's HEALTHCHECK and a load balancer must see it as
    down (503) and send the work elsewhere. One trivial statement, no model and no
    transaction: it is also the baseline ``bench/pages.py`` measures pages against."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
