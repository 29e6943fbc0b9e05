import json
import os
import subprocess
import sys

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({k: getattr(settings, k) for k in (
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_HTTPONLY", "LANTERN_REQUIRE_2FA")}))
"""


def settings_under(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("LANTERN_") and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={**clean, "DJANGO_SETTINGS_MODULE": "lantern.settings", **env},
        check=False,
    )


def test_production_turns_on_secure_cookies_hsts_and_two_factor():
    result = settings_under(
        {
            "LANTERN_ENV": "production",
            "LANTERN_SECRET_KEY": "x" * 50,
            "LANTERN_AUDIT_SIGNING_KEY_FILE": "/etc/lantern/audit_signing_key.pem",
        }
    )
    values = json.loads(result.stdout)
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "LANTERN_REQUIRE_2FA": True,
    }


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_under({"LANTERN_ENV": "production"})
    assert result.returncode != 0
    assert "LANTERN_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_an_audit_signing_key_file():
    result = settings_under({"LANTERN_ENV": "production", "LANTERN_SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "LANTERN_AUDIT_SIGNING_KEY_FILE must be set" in result.stderr
