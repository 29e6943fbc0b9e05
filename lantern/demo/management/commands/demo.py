"""``lantern demo``: fill the database with a synthetic, Haringey-sized borough.

Every name, address and record is invented (Faker ``en_GB`` and templates), so the demo
can be shown, screenshotted and load-tested without touching anyone's personal data.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from lantern.access import sealing
from lantern.demo import borough, checks, report
from lantern.demo.reset import reset
from lantern.demo.staff import DEMO_LOGINS, DEMO_PASSWORD, DEMO_USERNAMES
from lantern.people.models import Person
from lantern.workforce.models import Team


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-11-23, not {value!r}") from None


class Command(BaseCommand):
    help = "Generate a synthetic demo borough (deterministic for a given seed, scale and today)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 = about 20,000 children; 0.05 for tests"
        )
        parser.add_argument(
            "--today", default=None, help="the 'as of' date, YYYY-MM-DD (default: today)"
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete existing people, staff and audit first"
        )
        parser.add_argument(
            "--report",
            action="store_true",
            help="generate nothing: print the borough's figures beside England's (give the "
            "--scale and --today it was generated with) and any record that breaks a guard",
        )

    def handle(self, *args, **options):
        seed, scale, today = options["seed"], options["scale"], options["today"]
        if not settings.DEVELOPMENT:
            raise CommandError(
                "lantern demo runs only with LANTERN_ENV=development: it invents a borough and "
                "--reset deletes people, staff and the audit log."
            )
        if not 0 < scale <= 20:
            raise CommandError("--scale must be more than 0 and at most 20.")
        if isinstance(today, dt.date):
            as_of = today
        else:
            as_of = _date(today) if today else timezone.localdate()
        if options["report"]:
            self._report(as_of, scale)
            return
        with transaction.atomic():
            if options["reset"]:
                reset()
                self.stdout.write("Removed the previous demo borough.")
            elif self._has_data():
                raise CommandError(
                    "The database already holds people or staff. Run `lantern demo --reset` to "
                    "replace them with a new demo borough (this deletes them and the audit log)."
                )
            if User.objects.filter(username__in=DEMO_USERNAMES).exists():
                raise CommandError(
                    f"A superuser has one of the demo usernames ({', '.join(DEMO_USERNAMES)}); "
                    "rename it first."
                )
            result = borough.build(seed=seed, scale=scale, today=as_of, say=self.stdout.write)
        # Chain the build's audit entries now, so `lantern audit verify` holds straight after
        # a demo even where no scheduler runs the sealer.
        sealing.seal()
        c = result.counts
        self.stdout.write(
            f"Demo borough (seed {seed}, scale {scale:g}, as of {as_of:%Y-%m-%d}): "
            f"{c['people']:,} people ({c['children']:,} children, {c['adults']:,} adults), "
            f"{c['chronology entries']:,} chronology entries, {c['staff']:,} staff "
            f"in {result.seconds:.1f}s"
        )
        self._print_signals(result.signals)
        self._print_logins()

    def _print_signals(self, figures: dict) -> None:
        if not figures:
            return
        self.stdout.write("")
        self.stdout.write("Children with safeguarding signals, by rule (live / decided):")
        for code, (live, decided) in figures["per rule"].items():
            self.stdout.write(f"  {code:<24}{live:>6} live{decided:>6} decided")
        self.stdout.write(f"  {'any rule':<24}{figures['children with signals']:>6} children")

    def _report(self, today: dt.date, scale: float) -> None:
        figures = report.measure(today, scale)
        self.stdout.write(f"Demo borough at scale {scale:g}, as of {today:%Y-%m-%d}")
        for line in report.lines(figures):
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write("Records that break a guard or an age rule:")
        for line in checks.summary(checks.run(today)):
            self.stdout.write(line)

    def _has_data(self) -> bool:
        return (
            Person.objects.exists()
            or Team.objects.exists()
            or User.objects.filter(username__in=DEMO_USERNAMES).exists()
        )

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"{'username':<16}{'role':<32}password")
        for login in DEMO_LOGINS:
            self.stdout.write(f"{login.username:<16}{login.role:<32}{DEMO_PASSWORD}")
