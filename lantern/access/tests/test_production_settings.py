"""Settings fail closed: production unless development is asked for, and a value that cannot
be read stops start-up naming the variable. Each case imports the settings in a fresh
interpreter, because they are read once at start-up."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({k: getattr(settings, k, None) for k in (
    "ENVIRONMENT", "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_HTTPONLY",
    "LANTERN_REQUIRE_2FA")}))
print(settings.DATABASES["default"]["ENGINE"])
"""
KEY = {"LANTERN_SECRET_KEY": "x" * 50}
POSTGRES = {"DATABASE_URL": "postgres://lantern@db.invalid:5432/lantern"}
SIGNING = {"LANTERN_AUDIT_SIGNING_KEY_FILE": "/etc/lantern/audit_signing_key.pem"}
PRODUCTION = {**KEY, **POSTGRES, **SIGNING}


def settings_under(env: dict, probe: str = PROBE) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("LANTERN_") and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**clean, "DJANGO_SETTINGS_MODULE": "lantern.settings", **env},
        check=False,
    )


def values_under(env: dict) -> dict:
    result = settings_under(env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[0])


def refusal_under(env: dict) -> str:
    result = settings_under(env)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


SECURE = {
    "ENVIRONMENT": "production",
    "DEBUG": False,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "LANTERN_REQUIRE_2FA": True,
}


def test_production_turns_on_secure_cookies_hsts_and_two_factor():
    assert values_under({"LANTERN_ENV": "production", **PRODUCTION}) == SECURE


def test_without_lantern_env_it_runs_as_production():
    assert values_under(PRODUCTION) == SECURE


def test_development_runs_only_when_asked_for():
    values = values_under({"LANTERN_ENV": "development"})
    assert values["ENVIRONMENT"] == "development"
    assert values["DEBUG"] is True
    assert values["SESSION_COOKIE_SECURE"] is False  # plain-HTTP cookies for runserver


def test_production_refuses_to_start_without_a_secret_key():
    assert "LANTERN_SECRET_KEY must be set" in refusal_under(POSTGRES)


def test_an_unknown_environment_is_refused():
    message = refusal_under({"LANTERN_ENV": "staging", **PRODUCTION})
    assert "LANTERN_ENV must be one of production, development" in message


def test_production_refuses_sqlite_unless_allowed():
    assert "LANTERN_ALLOW_SQLITE=true" in refusal_under(KEY)
    assert values_under({**KEY, **SIGNING, "LANTERN_ALLOW_SQLITE": "TRUE"})["DEBUG"] is False


@pytest.mark.parametrize(
    "variable", ["LANTERN_DEBUG", "LANTERN_REQUIRE_2FA"], ids=["debug", "password-only"]
)
def test_production_refuses_the_development_conveniences(variable):
    setting = "true" if variable == "LANTERN_DEBUG" else "false"
    message = refusal_under({**PRODUCTION, variable: setting})
    assert f"{variable}=" in message and "LANTERN_ENV=development" in message


def test_require_2fa_true_keeps_the_second_factor_on_in_production():
    values = values_under({**PRODUCTION, "LANTERN_REQUIRE_2FA": "true"})
    assert values["LANTERN_REQUIRE_2FA"] is True


def test_an_unreadable_boolean_stops_start_up_naming_the_variable():
    message = refusal_under({**PRODUCTION, "LANTERN_SSL_REDIRECT": "on"})
    assert "LANTERN_SSL_REDIRECT must be one of 1/0, true/false or yes/no" in message
    message = refusal_under({"LANTERN_ENV": "development", "LANTERN_ALLOW_SQLITE": "sure"})
    assert "LANTERN_ALLOW_SQLITE must be one of 1/0, true/false or yes/no" in message


def test_an_unreadable_number_stops_start_up_naming_the_variable():
    message = refusal_under({**PRODUCTION, "LANTERN_SESSION_SECONDS": "30m"})
    assert "LANTERN_SESSION_SECONDS must be a whole number, not '30m'" in message


def test_lantern_demo_reset_refuses_without_lantern_env_development(tmp_path):
    """The default is production, where the demo's reset would delete the audit log."""
    env = {
        **KEY,
        **SIGNING,
        "LANTERN_ALLOW_SQLITE": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
    }
    command = [sys.executable, "-m", "lantern", "demo", "--reset", "--scale", "0.01"]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LANTERN_")}
    refused = subprocess.run(
        command, capture_output=True, text=True, env={**clean, **env}, check=False
    )
    assert refused.returncode != 0
    assert "lantern demo runs only with LANTERN_ENV=development" in refused.stderr


def test_production_refuses_to_start_without_an_audit_signing_key_file():
    assert "LANTERN_AUDIT_SIGNING_KEY_FILE must be set" in refusal_under({**KEY, **POSTGRES})


DATABASE_OPTIONS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {})))
"""


def database_options_under(env: dict) -> dict:
    result = settings_under(env, DATABASE_OPTIONS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_statements_are_prepared_on_the_server_unless_turned_off():
    """Prepared after two runs by default; 0 (a transaction-mode PgBouncer) sends values
    in the SQL as Django does: bound apart but never prepared, they gained nothing."""
    planner = {"options": "-c random_page_cost=1.1"}
    assert database_options_under(PRODUCTION) == {
        "server_side_binding": True,
        "prepare_threshold": 2,
        **planner,
    }
    assert database_options_under({**PRODUCTION, "LANTERN_DB_PREPARE_AFTER": "0"}) == planner
    refused = refusal_under({**PRODUCTION, "LANTERN_DB_PREPARE_AFTER": "-1"})
    assert "LANTERN_DB_PREPARE_AFTER must be at least 0" in refused


def test_postgresql_prices_index_reads_for_memory_unless_told_to_leave_the_servers_setting():
    """random_page_cost 1.1 on each connection, after the options DATABASE_URL gives; 0
    leaves the server's own; a value that is not a number stops start-up."""
    no_prepare = {**PRODUCTION, "LANTERN_DB_PREPARE_AFTER": "0"}
    assert database_options_under({**no_prepare, "LANTERN_DB_RANDOM_PAGE_COST": "1.5"}) == {
        "options": "-c random_page_cost=1.5"
    }
    assert database_options_under({**no_prepare, "LANTERN_DB_RANDOM_PAGE_COST": "0"}) == {}
    given = {
        **no_prepare,
        "DATABASE_URL": POSTGRES["DATABASE_URL"] + "?options=-c%20work_mem%3D8MB",
    }
    assert database_options_under(given) == {"options": "-c work_mem=8MB -c random_page_cost=1.1"}
    for bad in ("fast", "-1", "nan"):
        refused = refusal_under({**PRODUCTION, "LANTERN_DB_RANDOM_PAGE_COST": bad})
        assert "LANTERN_DB_RANDOM_PAGE_COST must be" in refused


@pytest.mark.django_db
def test_the_servers_connection_plans_with_the_price_the_settings_give():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
