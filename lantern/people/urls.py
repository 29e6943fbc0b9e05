from django.urls import path

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.people import chronology_views, views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("add/", views.add_person, name="add"),
    path("<id:person_id>/", views.record, name="record"),
    path("<id:person_id>/history/", views.history, name="history"),
    path(
        "<id:person_id>/chronology/print/",
        chronology_views.printable,
        name="chronology-print",
    ),
    path(
        "<id:person_id>/chronology/download.csv",
        chronology_views.download,
        name="chronology-csv",
    ),
    path("<id:person_id>/correct/", views.correct, name="correct"),
    path("<id:person_id>/census/", views.census_details, name="census"),
    path("<id:person_id>/birth/", views.record_birth, name="birth"),
]
