"""Refuse a request carrying a NUL character in any field, naming the field (400).

PostgreSQL cannot store NUL (``\\x00``) in text or JSON. Django's form fields already refuse
it, but several places read the request directly (the search box, a stated reason, autosaved
drafts, the sign-in lockout's record of the username), so the check is made once here for
every query-string and form field rather than in each view. The partner API's JSON bodies
are checked by its schemas; only its query string is checked here, so its body is never read
before ninja reads it.
"""

from django.http import JsonResponse
from django.shortcuts import render

from lantern.web.memo import memoising

NUL = "\x00"


def fields_with_nul(request) -> list[str]:
    data = [request.GET]
    if request.method == "POST" and not request.path.startswith("/api/"):
        data.append(request.POST)
    return sorted(
        {
            name.replace(NUL, "\\0")
            for values in data
            for name, items in values.lists()
            if NUL in name or any(NUL in item for item in items)
        }
    )


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = fields_with_nul(request)
        if not fields:
            return self.get_response(request)
        message = f"Remove the NUL character from: {', '.join(fields)}"
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return render(request, "400.html", {"fields": fields, "message": message}, status=400)


class RequestMemoMiddleware:
    """Read-only requests answer repeated small questions once (``lantern.web.memo``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with memoising():
            return self.get_response(request)
