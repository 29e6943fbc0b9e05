from django.urls import path

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.returns_page, name="returns"),
    path("build/", views.build, name="build"),
    path("runs/<id:run_id>/", views.run_page, name="run"),
    path("runs/<id:run_id>/files/<str:name>", views.download, name="download"),
]
