from django.urls import path

from lantern.access import views

app_name = "access"
urlpatterns = [
    path("people/<int:person_id>/reason/", views.state_reason, name="state-reason"),
]
