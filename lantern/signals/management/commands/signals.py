"""``lantern signals scan``: the safeguarding signals over files from outside Lantern.

    lantern signals scan --people PEOPLE.csv --events EVENTS.csv --out SIGNALS.csv

``lantern.signals.scan`` says what the files hold. Exits 0 when SIGNALS.csv is written,
1 with one line naming the file, line and column when an input is refused (nothing is
written), 2 when the command itself is mistyped. The terminal gets counts only, never a
person's details: the file holds those. Reads no database, so it runs before ``migrate``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Safeguarding signals: scan files of people and their events for the rules' patterns."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="which", required=True, metavar="COMMAND")
        scan = sub.add_parser(
            "scan", help="write the first day each signal holds for each person in the files"
        )
        scan.add_argument("--people", required=True, type=Path, help="person_id,date_of_birth")
        scan.add_argument(
            "--events", required=True, type=Path, help="event_id,person_id,occurred_on,agency,kind"
        )
        scan.add_argument(
            "--out", required=True, type=Path, help="SIGNALS.csv to write (replaced whole)"
        )

    def handle(self, *args, which: str, **options):
        getattr(self, f"_{which}")(**options)

    def _scan(self, *, people: Path, events: Path, out: Path, **_):
        from lantern.signals.scan import ScanError, scan

        try:
            done = scan(people, events, out)
        except ScanError as error:
            raise CommandError(f"{error}; nothing written") from None
        self.stdout.write(
            f"{_count(done.signals, 'signal')} for {done.people_signalled} of "
            f"{_count(done.people, 'person', 'people')}, from {_count(done.events, 'event')}: "
            f"written to {out}"
        )


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
