from django.urls import path

from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)
from lantern.workforce import resource_views, views

app_name = "workforce"
urlpatterns = [
    path("", views.staff_list, name="staff"),
    path("add/", views.add_staff, name="add-staff"),
    path("role-changes/", views.role_changes, name="role-changes"),
    path("establishment/", resource_views.establishment, name="establishment"),
    path("budget/", resource_views.budget, name="budget"),
    path("<id:user_id>/", views.staff_member, name="staff-member"),
    path("<id:user_id>/contracts/", resource_views.contracts, name="contracts"),
]
