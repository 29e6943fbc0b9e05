"""``lantern intake FILE --agency CODE``: load a partner's daily CSV extract as contacts."""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantern.agencies.models import Agency
from lantern.frontdoor.actions.intake import AlreadyLoaded, FileRejected, load_file
from lantern.frontdoor.formats import DEFAULT_FOR_AGENCY_KIND, FORMATS


def _formats_help() -> str:
    lines = []
    for fmt in FORMATS.values():
        columns = ", ".join(f"{c.name}{'*' if c.required else ''}" for c in fmt.columns)
        lines.append(f"{fmt.code} ({fmt.title}; default for {fmt.agency_kind} agencies): {columns}")
    return (
        "Formats (UTF-8 CSV with a header row; * = required; dates YYYY-MM-DD, times "
        "YYYY-MM-DD HH:MM local; full description in docs/intake.md). " + " | ".join(lines)
    )


class StderrProgress:
    """A one-line progress count on stderr, rewritten in place (no dependency needed)."""

    def __init__(self, stream):
        self.stream = stream

    def __call__(self, items, total: int, label: str):
        step = max(1, total // 100)
        for done, item in enumerate(items, start=1):
            yield item
            if done % step == 0 or done == total:
                percent = 100 * done // max(total, 1)
                self.stream.write(f"\r{label}: {done}/{total} ({percent}%)", ending="")
                self.stream.flush()
        self.stream.write("")


class Command(BaseCommand):
    help = (
        "Load a partner agency's CSV file as contacts for the MASH. The whole file is checked "
        "first and every bad row reported (row, column, problem); a file with any problem "
        "loads nothing. A file already loaded (same content) is refused. " + _formats_help()
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--agency", required=True, help="The sending agency's code")
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            help="File format; by default the one for the agency's kind",
        )

    def handle(self, *args, file: Path, agency: str, format: str | None, **options):
        found = Agency.objects.filter(code=agency).first()
        if found is None:
            raise CommandError(f"No agency with the code {agency!r}")
        code = format or DEFAULT_FOR_AGENCY_KIND.get(found.kind)
        if code is None:
            raise CommandError(f"{found.name} has no default format: choose one with --format")
        try:
            content = file.read_bytes()
        except OSError as problem:
            raise CommandError(f"Cannot read {file}: {problem.strerror}") from None
        try:
            record = load_file(
                content,
                filename=file.name,
                agency=found,
                fmt=FORMATS[code],
                loaded_by=getpass.getuser(),
                progress=StderrProgress(self.stderr),
            )
        except AlreadyLoaded as refused:
            raise CommandError(f"{file.name} was {refused}; nothing loaded") from None
        except FileRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{file.name} rejected: {len(rejected.problems)} problem(s) in "
                f"{len({p.row for p in rejected.problems})} row(s); nothing loaded"
            ) from None
        self.stdout.write(
            f"Loaded {file.name}: {record.rows} rows as {record.contacts} contacts from "
            f"{found.name} ({code})"
        )
