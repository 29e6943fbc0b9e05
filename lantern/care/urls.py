from django.urls import path

from lantern.care.views import permanence
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "care"
urlpatterns: list = [
    path("permanence/", permanence.tracker, name="permanence"),
    path("stability/", permanence.team_stability, name="stability"),
    path("leavers/", permanence.leavers, name="leavers"),
]
