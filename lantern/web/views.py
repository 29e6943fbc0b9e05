from django.http import HttpResponse
from django.shortcuts import render

from lantern.access.rules import public, signed_in


@signed_in
def home(request):
    return render(request, "web/home.html")


@public
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
