"""``lantern audit verify``: prove the audit log has not been altered or cut."""

from django.core.management.base import BaseCommand, CommandError

from lantern.access.verify import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. 'verify' checks the hash chain and names the first bad entry."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action: str, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                f"Audit log FAILED verification after {result.checked:,} "
                f"good entries: {result.problem}"
            )
        noun = "entry" if result.checked == 1 else "entries"
        self.stdout.write(f"Audit log intact: {result.checked:,} {noun} verified.")
