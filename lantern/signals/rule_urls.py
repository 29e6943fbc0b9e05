from django.urls import path

from lantern.signals import rule_views

app_name = "signal-rules"
urlpatterns = [path("", rule_views.rules, name="rules")]
