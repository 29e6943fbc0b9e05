from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "lantern.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door (contacts, MASH, referrals)"
