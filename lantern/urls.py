from django.urls import include, path

from lantern.access import views as access_views
from lantern.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    path("sign-in/", access_views.sign_in, name="sign-in"),
    path("sign-out/", access_views.sign_out, name="sign-out"),
    path("people/", include("lantern.people.urls")),
    path("access/", include("lantern.access.urls")),
]
