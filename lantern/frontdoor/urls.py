from django.urls import path

from lantern.frontdoor import partner_views, views

app_name = "frontdoor"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("contacts/<int:contact_id>/", views.contact, name="contact"),
    path("contacts/<int:contact_id>/rate/", views.rate, name="rate"),
    path("contacts/<int:contact_id>/checks/", views.request_check, name="request-check"),
    path(
        "contacts/<int:contact_id>/checks/<int:check_id>/answer/",
        views.record_answer,
        name="record-answer",
    ),
    path("contacts/<int:contact_id>/decision/", views.decide, name="decide"),
    path(
        "contacts/<int:contact_id>/people/<int:subject_id>/same-person/",
        views.same_person,
        name="same-person",
    ),
    path(
        "contacts/<int:contact_id>/people/<int:subject_id>/not-same-person/",
        views.not_same_person,
        name="not-same-person",
    ),
    path(
        "contacts/<int:contact_id>/people/<int:subject_id>/new-person/",
        views.new_person,
        name="new-person",
    ),
    path("refer/", partner_views.refer, name="refer"),
    path("my-referrals/", partner_views.my_referrals, name="my-referrals"),
    path("my-referrals/<int:contact_id>/", partner_views.my_referral, name="my-referral"),
]
