"""The partner API's URLs, each marked for the site-wide gate (``lantern.access.rules``).

Ninja builds the views; marking every one ``partner_token`` tells the sign-in middleware
that the view authenticates a partner token itself, so an API URL is never left undeclared.
"""

from django.urls import URLPattern

from lantern.access.rules import partner_token
from lantern.api.views import api


def _gated(patterns):
    out = []
    for pattern in patterns:
        if not isinstance(pattern, URLPattern):
            raise TypeError("the partner API has no nested URL includes")
        out.append(
            URLPattern(
                pattern.pattern, partner_token(pattern.callback), pattern.default_args, pattern.name
            )
        )
    return out


_patterns, _app_name, _namespace = api.urls
app_name = "api"
urlpatterns = _gated(_patterns)
