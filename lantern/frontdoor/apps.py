from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "lantern.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door (contacts, MASH, referrals)"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lantern.clocks.models import ClosureDay
        from lantern.frontdoor.clock import redate_awaiting_contacts
        from lantern.frontdoor.home import partner_tasks
        from lantern.web.home import add_section

        add_section(partner_tasks)

        # The queue's due times follow the council's calendar, as the children's clocks do.
        for signal in (post_save, post_delete):
            signal.connect(
                redate_awaiting_contacts, sender=ClosureDay, dispatch_uid=f"frontdoor-{signal}"
            )
