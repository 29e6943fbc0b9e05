"""Give a throwaway load-test copy of the demo borough accounts that can sign in as staff do.

Production settings ask every member of staff for a TOTP code, and the demo's generated staff
cannot sign in at all (unusable passwords). The load test signs in through the real
two-factor page, so this script gives chosen accounts (the demo logins and the generated
social workers, team managers and MASH officers, each with their own caseload) the demo's
published password and a confirmed authenticator whose secret it writes to a JSON file; the
load test computes each code from it (RFC 6238, ``locustfile.totp``). It also issues a
police partner-API token for the API posts.

It refuses any database whose name does not start with ``lantern_load``: it puts a known
password and known secrets on real-looking accounts, so it must never touch a council's.

    DATABASE_URL=postgres://…/lantern_load_x python bench/load/accounts.py --out accounts.json
"""

import argparse
import hashlib
import hmac
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

ROLES = {  # username prefix (or exact login) -> the load test's persona
    "sw": "social_worker",
    "social.worker": "social_worker",
    "tm": "team_manager",
    "team.manager": "team_manager",
    "mash": "mash_officer",
    "mash.officer": "mash_officer",
}


def persona(username: str) -> str | None:
    if username in ROLES:
        return ROLES[username]
    prefix = username.rstrip("0123456789")
    return ROLES.get(prefix) if prefix != username else None


def secret_for(seed: str, username: str) -> bytes:
    """A per-account TOTP secret derived from the run's seed: reproducible, not guessable
    without the seed, and never the same for two accounts."""
    return hmac.new(seed.encode(), username.encode(), hashlib.sha256).digest()[:20]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", default="lantern-load", help="derives the TOTP secrets")
    parser.add_argument("--searches", type=int, default=200, help="surnames to search for")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.db import connection, transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lantern.agencies.models import Agency
    from lantern.api.actions import issue_token
    from lantern.demo.staff import DEMO_PASSWORD
    from lantern.people.models import PersonName

    name = str(connection.settings_dict["NAME"])
    if not Path(name).name.startswith("lantern_load"):
        sys.exit(f"refusing {name!r}: load-test accounts only in a database named lantern_load*")
    hashed = make_password(DEMO_PASSWORD)
    accounts: dict[str, list[dict[str, str]]] = {}
    with transaction.atomic():
        users = [u for u in User.objects.filter(is_active=True).order_by("username")]
        chosen = [(u, persona(u.username)) for u in users if persona(u.username)]
        TOTPDevice.objects.filter(user__in=[u for u, _ in chosen]).delete()
        for user, role in chosen:
            key = secret_for(args.seed, user.username)
            user.password = hashed
            user.save(update_fields=["password"])
            TOTPDevice.objects.create(user=user, name="load test", key=key.hex(), confirmed=True)
            accounts.setdefault(role, []).append({"username": user.username, "key": key.hex()})
        _, token = issue_token(Agency.objects.get(code="police"), name="load test")
    everyone = PersonName.objects.exclude(last_name="").values_list("last_name", flat=True)
    known = sorted(set(everyone.distinct()))
    surnames = random.Random(args.seed).sample(known, min(args.searches, len(known)))
    args.out.write_text(
        json.dumps(
            {"password": DEMO_PASSWORD, "accounts": accounts, "token": token, "surnames": surnames}
        )
    )
    args.out.chmod(0o600)
    counts = ", ".join(f"{role}: {len(found)}" for role, found in sorted(accounts.items()))
    print(f"load-test accounts with authenticators: {counts}; written to {args.out}")


if __name__ == "__main__":
    main()
