from django.urls import path

from lantern.clocks import views

app_name = "clocks"
urlpatterns = [
    path("", views.timescales, name="timescales"),
    path("interval/", views.set_interval, name="interval"),
    path("closure-days/", views.closure_day, name="closure-day"),
    path("look-ahead/", views.look_ahead, name="look-ahead"),
]
