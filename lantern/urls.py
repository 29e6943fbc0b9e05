from django.urls import include, path

from lantern.access import two_factor
from lantern.access import views as access_views
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.web import views as web_views
from lantern.workforce import views as workforce_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    path("sign-in/", access_views.sign_in, name="sign-in"),
    path("sign-out/", access_views.sign_out, name="sign-out"),
    path("sign-in/two-factor/", two_factor.two_factor, name="two-factor"),
    path("people/", include("lantern.people.urls")),
    path("people/", include("lantern.signals.urls")),  # a signal on a child's record
    path("access/", include("lantern.access.urls")),
    path("casework/", include("lantern.casework.urls")),
    path("care/", include("lantern.care.urls")),
    path("clocks/", include("lantern.clocks.urls")),
    path("signals/rules/", include("lantern.signals.rule_urls")),
    path("staff/", include("lantern.workforce.urls")),
    path("messages/<id:notification_id>/", workforce_views.open_message, name="open-message"),
    path("front-door/", include("lantern.frontdoor.urls")),
    path("api/", include("lantern.api.urls")),
    path("returns/", include("lantern.returns.urls")),
    path("insight/", include("lantern.insight.urls")),
]
