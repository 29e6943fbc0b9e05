from django.urls import path  # noqa: F401

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "care"
urlpatterns: list = []
