from django.urls import path

from lantern.people import views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("add/", views.add_person, name="add"),
    path("<int:person_id>/", views.record, name="record"),
    path("<int:person_id>/history/", views.history, name="history"),
    path("<int:person_id>/correct/", views.correct, name="correct"),
]
