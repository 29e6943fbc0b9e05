from django.urls import path

from lantern.frontdoor import partner_views, views
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "frontdoor"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("contacts/<id:contact_id>/", views.contact, name="contact"),
    path("contacts/<id:contact_id>/rate/", views.rate, name="rate"),
    path("contacts/<id:contact_id>/checks/", views.request_check, name="request-check"),
    path(
        "contacts/<id:contact_id>/checks/<id:check_id>/answer/",
        views.record_answer,
        name="record-answer",
    ),
    path("contacts/<id:contact_id>/decision/", views.decide, name="decide"),
    path(
        "contacts/<id:contact_id>/people/<id:subject_id>/same-person/",
        views.same_person,
        name="same-person",
    ),
    path(
        "contacts/<id:contact_id>/people/<id:subject_id>/not-same-person/",
        views.not_same_person,
        name="not-same-person",
    ),
    path(
        "contacts/<id:contact_id>/people/<id:subject_id>/new-person/",
        views.new_person,
        name="new-person",
    ),
    path("refer/", partner_views.refer, name="refer"),
    path("my-referrals/", partner_views.my_referrals, name="my-referrals"),
    path("my-referrals/<id:contact_id>/", partner_views.my_referral, name="my-referral"),
]
