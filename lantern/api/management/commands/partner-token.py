"""``lantern partner-token create --agency CODE --name NAME`` / ``revoke PREFIX`` / ``list``.

The token is printed once, when it is made; Lantern keeps only its hash, so a lost token is
revoked and replaced, never recovered.
"""

import getpass

from django.core.management.base import BaseCommand, CommandError

from lantern.agencies.models import Agency
from lantern.api.actions import issue_token, revoke_token
from lantern.api.models import PartnerToken


class Command(BaseCommand):
    help = "Issue, revoke and list partner API tokens."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        create = commands.add_parser("create", help="Issue a token (printed once)")
        create.add_argument("--agency", required=True, help="The partner agency's code")
        create.add_argument("--name", required=True, help="What the token is for")
        revoke = commands.add_parser("revoke", help="Revoke a token by its prefix")
        revoke.add_argument("prefix")
        commands.add_parser("list", help="Tokens, with their prefix and state")

    def handle(self, *args, command: str, **options):
        if command == "create":
            agency = Agency.objects.filter(code=options["agency"]).first()
            if agency is None:
                raise CommandError(f"No agency with the code {options['agency']!r}")
            record, token = issue_token(agency, name=options["name"], operator=getpass.getuser())
            self.stdout.write(token)
            self.stderr.write(
                f"Token {record.prefix} issued to {agency.name}. It is shown only now: "
                "give it to the partner securely."
            )
        elif command == "revoke":
            try:
                record = revoke_token(options["prefix"], operator=getpass.getuser())
            except PartnerToken.DoesNotExist:
                raise CommandError(f"No token with the prefix {options['prefix']!r}") from None
            self.stdout.write(f"Token {record.prefix} of {record.agency.name} is revoked")
        else:
            for record in PartnerToken.objects.select_related("agency"):
                state = f"revoked {record.revoked_at:%Y-%m-%d}" if record.revoked_at else "active"
                self.stdout.write(f"{record.prefix}  {record.agency.code}  {record.name}  {state}")
