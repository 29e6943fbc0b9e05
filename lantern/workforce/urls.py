from django.urls import path

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.staff_list, name="staff"),
    path("add/", views.add_staff, name="add-staff"),
    path("role-changes/", views.role_changes, name="role-changes"),
    path("<id:user_id>/", views.staff_member, name="staff-member"),
]
