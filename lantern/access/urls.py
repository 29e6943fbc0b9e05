from django.urls import path

from lantern.access import views
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "access"
urlpatterns = [
    path("people/<id:person_id>/reason/", views.state_reason, name="state-reason"),
    path("people/<id:person_id>/seen-by/", views.seen_by, name="seen-by"),
    path("people/<id:person_id>/restrict/", views.restrict, name="restrict"),
    path("people/<id:person_id>/subject-access.zip", views.subject_access, name="subject-access"),
    path("audit/", views.audit_search, name="audit-search"),
    path("retention/", views.retention_review, name="retention"),
    path(
        "retention/<id:person_id>/decision/",
        views.retention_decision,
        name="retention-decision",
    ),
]
