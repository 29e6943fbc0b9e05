"""``lantern pathway_clocks``: start the pathway plan clock of every looked-after child who
has become eligible (turned 16 with 13 weeks in care since 14, or completed the 13 weeks
after 16). Run daily by cron; running it twice, or a day late, changes nothing."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start pathway plan clocks for children who have become eligible."

    def handle(self, *args, **options):
        from lantern.care.actions.leaving_care import start_pathway_plan_clocks

        started = start_pathway_plan_clocks()
        self.stdout.write(f"{started} pathway plan clock(s) started")
