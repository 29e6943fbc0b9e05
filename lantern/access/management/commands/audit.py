"""``lantern audit``: prove the audit log has not been altered, cut or rewritten.

- ``seal [--batch N]`` chains every committed, unsealed entry into the hash chain (the
  scheduler runs it every few seconds; ``lantern.access.sealing.seal``).
- ``verify [--checkpoints FILE] [--public-key FILE]`` checks the hash chain and every signed
  checkpoint, and names the first bad entry or checkpoint; it also fails when entries older
  than a minute are still unsealed (the sealer has stopped).
- ``checkpoint [--out FILE]`` signs the chain head now (cron runs it hourly); ``--out``
  appends the checkpoint as a line of JSON to a file the DPO keeps outside the system.
- ``keygen --out FILE`` makes an Ed25519 key pair (FILE and FILE.pub).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantern.access import checkpoints, sealing, signing
from lantern.access.verify import verify_chain


class Command(BaseCommand):
    help = (
        "Audit log tools: seal new entries into the chain, verify the chain and its signed "
        "checkpoints, checkpoint, keygen."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["seal", "verify", "checkpoint", "keygen"])
        parser.add_argument(
            "--batch",
            type=int,
            default=sealing.BATCH,
            metavar="N",
            help="seal: entries chained per transaction",
        )
        parser.add_argument(
            "--checkpoints",
            action="append",
            default=[],
            metavar="FILE",
            help="verify: also hold the chain to checkpoints exported to this file",
        )
        parser.add_argument(
            "--public-key",
            action="append",
            default=[],
            metavar="FILE",
            help="verify: trust only checkpoints signed by this public key (the DPO's copy)",
        )
        parser.add_argument(
            "--out", metavar="FILE", help="checkpoint: append to FILE; keygen: write FILE"
        )

    def handle(self, *args, action: str, **options):
        if action == "keygen":
            return self.keygen(options["out"])
        if action == "checkpoint":
            return self.checkpoint(options["out"])
        if action == "seal":
            return self.seal(options["batch"])
        return self.verify(options["checkpoints"], options["public_key"])

    def keygen(self, out: str | None) -> None:
        if not out:
            raise CommandError("keygen needs --out FILE: where to write the private key")
        try:
            key = signing.write_key_pair(Path(out))
        except FileExistsError:
            raise CommandError(f"{out} exists; a signing key is never overwritten") from None
        self.stdout.write(
            f"Wrote the private key to {out} and the public key to "
            f"{signing.public_path(Path(out))} (key id {signing.key_id(key.public_key())})."
        )

    def seal(self, batch: int) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1")
        sealed = sealing.seal(batch)
        noun = "entry" if sealed == 1 else "entries"
        self.stdout.write(f"Sealed {sealed:,} {noun} into the chain.")

    def checkpoint(self, out: str | None) -> None:
        checkpoint = checkpoints.checkpoint_now()
        if out:
            with open(out, "a", encoding="utf-8") as file:
                file.write(checkpoints.as_line(checkpoint) + "\n")
        self.stdout.write(
            f"Signed checkpoint of entry {checkpoint.seq} (key {checkpoint.key_id})"
            + (f", appended to {out}." if out else ".")
        )

    def verify(self, files: list[str], public_keys: list[str]) -> None:
        try:
            claims = [claim for path in files for claim in checkpoints.from_file(Path(path))]
            keys = signing.trusted_keys(public_keys)
        except (OSError, ValueError, signing.SigningKeyMissing) as error:
            raise CommandError(str(error)) from None
        result = verify_chain(claims, keys)
        if not result.ok:
            raise CommandError(
                f"Audit log FAILED verification after {result.checked:,} "
                f"good entries: {result.problem}"
            )
        noun = "entry" if result.checked == 1 else "entries"
        marks = "checkpoint" if result.checkpoints == 1 else "checkpoints"
        intact = (
            f"Audit log intact: {result.checked:,} {noun} verified. "
            f"Held to {result.checkpoints:,} signed {marks}."
        )
        if result.unsealed:
            oldest = result.oldest_unsealed
            raise CommandError(
                f"{intact} But {result.unsealed:,} older than a minute "
                f"{'is' if result.unsealed == 1 else 'are'} not sealed yet (the oldest, id "
                f"{oldest.pk}, written {oldest.at:%Y-%m-%d %H:%M:%S} UTC): is `lantern audit "
                "seal` running? Until sealed they are not protected by the chain."
            )
        self.stdout.write(intact)
