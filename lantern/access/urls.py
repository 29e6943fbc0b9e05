from django.urls import path

from lantern.access import views

app_name = "access"
urlpatterns = [
    path("people/<int:person_id>/reason/", views.state_reason, name="state-reason"),
    path("people/<int:person_id>/seen-by/", views.seen_by, name="seen-by"),
    path("people/<int:person_id>/restrict/", views.restrict, name="restrict"),
    path("people/<int:person_id>/subject-access.zip", views.subject_access, name="subject-access"),
    path("audit/", views.audit_search, name="audit-search"),
    path("retention/", views.retention_review, name="retention"),
]
