from django.urls import path

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.signals import views

app_name = "signals"
urlpatterns = [
    path("<id:person_id>/signals/<id:signal_id>/decision/", views.decide, name="decide"),
]
