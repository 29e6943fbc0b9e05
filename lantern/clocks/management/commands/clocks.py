"""``lantern clocks``: ask the clock engine from the command line.

lantern clocks due assessment 2025-12-19    # prints 2026-02-25
lantern clocks list                          # the rules in force
lantern clocks set-interval cp_visit 15      # a council's own policy
lantern clocks closure 2026-12-24 "Council closed"   [--withdraw]
lantern clocks recompute                     # every open deadline, after a change
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Statutory clocks: due dates, the rules in force, local intervals, closure days."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        due = sub.add_parser("due", help="print the due date of a rule started on a date")
        due.add_argument("code")
        due.add_argument("start")
        sub.add_parser("list", help="print the rules in force")
        interval = sub.add_parser("set-interval", help="change a local-policy interval")
        interval.add_argument("code")
        interval.add_argument("amount", type=int)
        closure = sub.add_parser("closure", help="declare (or withdraw) a council closure day")
        closure.add_argument("day")
        closure.add_argument("reason", nargs="?", default="Council closure")
        closure.add_argument("--withdraw", action="store_true")
        sub.add_parser("recompute", help="recompute every open deadline")

    def handle(self, *args, subcommand: str, **options):
        getattr(self, "do_" + subcommand.replace("-", "_"))(**options)

    def do_due(self, code: str, start: str, **_):
        from django.db import DatabaseError

        from lantern.clocks.calendar import WorkingDayCalendar
        from lantern.clocks.queries import UnknownClock, due_date
        from lantern.clocks.table import BY_CODE

        day = _date(start)
        try:
            self.stdout.write(due_date(code, day).isoformat())
        except UnknownClock:
            raise CommandError(f"no clock called {code!r}; see 'lantern clocks list'") from None
        except DatabaseError:
            # Not migrated yet: answer from the national table, without closure days.
            if code not in BY_CODE:
                raise CommandError(f"no clock called {code!r}") from None
            rule = BY_CODE[code]
            self.stderr.write("(database not migrated: national table, no closure days)")
            self.stdout.write(WorkingDayCalendar().due(day, rule.amount, rule.unit).isoformat())

    def do_list(self, **_):
        from django.db import DatabaseError

        from lantern.clocks.queries import rules_in_force
        from lantern.clocks.table import EVENTS

        try:
            rules = rules_in_force()
        except DatabaseError:
            raise CommandError(
                "The database is not migrated: run 'lantern migrate' first"
            ) from None
        for rule in rules:
            starts = "; ".join(EVENTS[e] for e in rule.starts_on)
            stops = "; ".join(EVENTS[e] for e in [*rule.met_by, *rule.cancelled_by])
            policy = " (local policy)" if rule.local_policy else ""
            self.stdout.write(f"{rule.code:34} {rule.interval}{policy}")
            self.stdout.write(f"    {rule.label}: applies to {rule.applies_to}")
            self.stdout.write(f"    starts: {starts}")
            self.stdout.write(f"    stops:  {stops or 'when done'}")
            self.stdout.write(f"    source: {rule.source}")

    def do_set_interval(self, code: str, amount: int, **_):
        from lantern.clocks.actions import NotLocalPolicy, set_interval
        from lantern.clocks.models import ClockRule

        try:
            rule = set_interval(code, amount)
        except ClockRule.DoesNotExist:
            raise CommandError(f"no clock called {code!r}") from None
        except (NotLocalPolicy, ValueError) as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(f"{rule.code}: now {rule.interval}")

    def do_closure(self, day: str, reason: str, withdraw: bool, **_):
        from lantern.clocks.actions import declare_closure_day, withdraw_closure_day

        if withdraw:
            moved = withdraw_closure_day(_date(day))
        else:
            moved = declare_closure_day(_date(day), reason)
        self.stdout.write(f"{moved} open deadline(s) moved")

    def do_recompute(self, **_):
        from lantern.clocks.actions import recompute_open_deadlines

        self.stdout.write(f"{recompute_open_deadlines()} open deadline(s) moved")
