"""One settings module, driven by environment variables, failing closed.

Production is the default: DEBUG off, secure cookies, HSTS, a second factor at sign-in, a
real ``LANTERN_SECRET_KEY`` and a server database (``DATABASE_URL``, PostgreSQL). The
development conveniences (DEBUG, plain-HTTP cookies, password-only sign-in, SQLite, the
demo borough) need an explicit ``LANTERN_ENV=development``, which ``make demo``, ``make
test`` and the test configuration set. A value that cannot be read stops start-up with a
message naming the variable (lantern/environment.py).
"""

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from lantern.environment import read_bool, read_choice, read_float, read_int
from lantern.web import loopback

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("LANTERN_VAR_DIR", REPO_DIR / "var"))

ENVIRONMENT = read_choice("LANTERN_ENV", ("production", "development"), default="production")
DEVELOPMENT = ENVIRONMENT == "development"
PRODUCTION = not DEVELOPMENT
DEBUG = read_bool("LANTERN_DEBUG", default=DEVELOPMENT)
if DEBUG and PRODUCTION:
    raise ImproperlyConfigured(
        "LANTERN_DEBUG=true needs LANTERN_ENV=development: DEBUG pages show settings and code."
    )


def _secret_key() -> str:
    """A real key in production; a per-checkout random key elsewhere (never committed)."""
    key = os.environ.get("LANTERN_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "LANTERN_SECRET_KEY must be set when LANTERN_ENV=production (the default); "
            "set LANTERN_ENV=development for a local checkout."
        )
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h
    for h in os.environ.get("LANTERN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Django's tasks framework (backported to 5.2) and its database queue: one-off work that
    # follows a request runs in `lantern scheduler`, with no broker (lantern/scheduler).
    "django_tasks",
    "django_tasks_db",
    "lantern.access",
    "lantern.agencies",
    "lantern.workforce",
    "lantern.people",
    "lantern.chronology",
    "lantern.clocks",
    "lantern.history",
    "lantern.casework",
    "lantern.care",
    "lantern.frontdoor",
    "lantern.api",
    "lantern.signals",
    "lantern.returns",
    "lantern.insight",
    "lantern.demo",
    "lantern.web",
    "lantern.scheduler",
]

# Queued tasks are rows in the database Lantern already has (SQLite or PostgreSQL), run by
# `lantern scheduler`; no Redis or RabbitMQ. On Django 6 the same API is `django.tasks`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lantern.access.sessions.RollingSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lantern.access.middleware.SecondFactorMiddleware",  # django-otp's OTPMiddleware
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "lantern.web.middleware.RefuseNulCharactersMiddleware",
    "lantern.access.middleware.RequireSignInMiddleware",
    "lantern.access.middleware.NoStoreMiddleware",
    "lantern.access.middleware.AuditGatheringMiddleware",
    "lantern.web.middleware.RequestMemoMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lantern.urls"
WSGI_APPLICATION = "lantern.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lantern.web.context.council",
            ],
        },
    },
    {
        # Only for fragments repeated per row on hot pages (lantern/web/jinja.py says why).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "lantern.web.jinja.environment"},
    },
]

# Form widgets render through Jinja2 (Django's own widget templates in both languages give
# the same HTML): a form's widgets cost about a third of what Django templates took on the
# MASH contact page, which shows four forms (lantern/web/jinja.py says why Jinja2).
FORM_RENDERER = "django.forms.renderers.Jinja2"

ALLOW_SQLITE = read_bool("LANTERN_ALLOW_SQLITE", default=False)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'lantern.sqlite3'}",
        conn_max_age=read_int("LANTERN_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One file on one disk: no concurrent writers, no point-in-time recovery. A council runs
    # PostgreSQL; a trial on one machine may say so with LANTERN_ALLOW_SQLITE=true.
    if PRODUCTION and not ALLOW_SQLITE:
        raise ImproperlyConfigured(
            "Production needs DATABASE_URL=postgres://…; SQLite only with "
            "LANTERN_ALLOW_SQLITE=true (or LANTERN_ENV=development)."
        )
    # WAL lets readers carry on while the demo generator or an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Values sent apart from the SQL (server-side binding), so the same read's text is the
    # same on every call, and psycopg prepares it on the server once it has run
    # LANTERN_DB_PREPARE_AFTER times on a connection: PostgreSQL then stops parsing and
    # planning it afresh (planning fell from 29 % of its time under load to 10 %;
    # docs/deploy.md §3). 0 turns preparing off, as a transaction-mode PgBouncer needs, and
    # values go back into the SQL, Django's default: bound apart but never prepared they
    # gained nothing in the load test (68 requests a second against 66; 81.5 prepared).
    prepare_after = read_int("LANTERN_DB_PREPARE_AFTER", 2)
    # psycopg keeps 100 a connection by default, far fewer than the statements a server
    # process runs (the load test's mix ran 2,077 kinds); beyond it the least used are
    # dropped and prepared again (``keep_prepared_statements``).
    LANTERN_DB_PREPARED_MAX = read_int("LANTERN_DB_PREPARED_MAX", 1000, minimum=1)
    if prepare_after:
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": prepare_after,
        }
    # PostgreSQL's default random_page_cost (4.0) prices a read from an index as if it
    # came off a spinning disk; a borough's working set sits in memory or on SSD. With it
    # the team page's overdue list hashed every person in the borough (19.5 ms at demo
    # scale 1, ten times that at scale 10) rather than looking up the 233 it lists (3.6 ms).
    # 1.1 is the usual figure for SSD; LANTERN_DB_RANDOM_PAGE_COST=0 leaves the server's own
    # setting (docs/deploy.md §3). Set on each connection, after any options DATABASE_URL
    # gives.
    RANDOM_PAGE_COST = read_float("LANTERN_DB_RANDOM_PAGE_COST", 1.1)
    if RANDOM_PAGE_COST:
        options = DATABASES["default"].setdefault("OPTIONS", {})
        given = options.get("options", "")
        options["options"] = f"{given} -c random_page_cost={RANDOM_PAGE_COST:g}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id at OWASP's parameters (lantern/access/passwords.py says why and what it costs).
PASSWORD_HASHERS = [
    "lantern.access.passwords.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Permissions from the roles table in code: no permission queries per request.
    "lantern.access.backends.RoleBackend",
]
# Lock an account for 15 minutes after 5 failed sign-ins in a row; success resets the count.
AXES_FAILURE_LIMIT = read_int("LANTERN_SIGN_IN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
# By account, not by address: council offices share one NAT address, so locking an address
# would lock out a whole office on one person's typos.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "access/locked_out.html"
AXES_VERBOSE = False
# Staff sign in with a password and a TOTP code; only development (the demo) may turn the
# second factor off.
LANTERN_REQUIRE_2FA = read_bool("LANTERN_REQUIRE_2FA", default=True)
if PRODUCTION and not LANTERN_REQUIRE_2FA:
    raise ImproperlyConfigured(
        "LANTERN_REQUIRE_2FA=false needs LANTERN_ENV=development: production staff sign in "
        "with a second factor."
    )
# An administrator's one-time code to set up an authenticator lasts this long (hours).
LANTERN_ENROLMENT_CODE_HOURS = read_int("LANTERN_ENROLMENT_CODE_HOURS", 72, minimum=1)
OTP_TOTP_ISSUER = os.environ.get("LANTERN_COUNCIL_NAME", "Lantern")

LOGIN_URL = "/sign-in/"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LANTERN_STATIC_ROOT", REPO_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "web" / "assets",
    ("govuk", REPO_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Sessions end after inactivity: a shared office PC must not stay signed in to a child's record.
SESSION_COOKIE_AGE = read_int("LANTERN_SESSION_SECONDS", 30 * 60, minimum=60)
# The idle timeout rolls forward at most once a refresh interval, not on every request: a
# read is not a write (lantern/access/sessions.py says why, and why not cookie sessions).
SESSION_ENGINE = "lantern.access.sessions"  # database sessions, read without the ORM
SESSION_SAVE_EVERY_REQUEST = False
LANTERN_SESSION_REFRESH_SECONDS = read_int("LANTERN_SESSION_REFRESH_SECONDS", 120, minimum=1)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SSL_REDIRECT = read_bool("LANTERN_SSL_REDIRECT", default=True)  # off when the proxy redirects
# Behind the council's TLS-terminating reverse proxy (docs/deploy.md). The proxy's Host header
# is trusted only when asked for; CSRF_TRUSTED_ORIGINS names the public https:// origin(s).
USE_X_FORWARDED_HOST = read_bool("LANTERN_USE_X_FORWARDED_HOST", default=False)
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("LANTERN_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
# Plain HTTP on loopback with production settings, for load tests and CI (lantern/web/loopback.py).
INSECURE_HTTP_LOOPBACK = read_bool(loopback.VARIABLE, default=False)
if INSECURE_HTTP_LOOPBACK:
    loopback.check(
        allowed_hosts=ALLOWED_HOSTS,
        bind=os.environ.get("LANTERN_BIND", "127.0.0.1:8000"),
        use_x_forwarded_host=USE_X_FORWARDED_HOST,
    )
    MIDDLEWARE.insert(0, "lantern.web.loopback.LoopbackOnlyMiddleware")
if PRODUCTION:
    SESSION_COOKIE_SECURE = not INSECURE_HTTP_LOOPBACK
    CSRF_COOKIE_SECURE = not INSECURE_HTTP_LOOPBACK
    SECURE_SSL_REDIRECT = SSL_REDIRECT and not INSECURE_HTTP_LOOPBACK
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    if not INSECURE_HTTP_LOOPBACK:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Local retention policy where the law sets none (see lantern/access/retention.py).
# Audit checkpoints are signed with an Ed25519 key kept outside the database (docs/audit.md).
# Production must name the file: no silent fallback to a key the server invents.
LANTERN_AUDIT_SIGNING_KEY_FILE = os.environ.get("LANTERN_AUDIT_SIGNING_KEY_FILE", "")
if not LANTERN_AUDIT_SIGNING_KEY_FILE:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "LANTERN_AUDIT_SIGNING_KEY_FILE must be set when LANTERN_ENV=production"
        )
    LANTERN_AUDIT_SIGNING_KEY_FILE = str(VAR_DIR / "audit_signing_key.pem")
# Public keys of earlier signing keys, kept after a rotation so old checkpoints still verify.
LANTERN_AUDIT_PUBLIC_KEY_FILES = [
    p for p in os.environ.get("LANTERN_AUDIT_PUBLIC_KEY_FILES", "").split(",") if p.strip()
]
LANTERN_AUDIT_CHECKPOINT_EVERY = dt.timedelta(hours=1)
LANTERN_RETENTION_CIN_YEARS_AFTER_18 = read_int("LANTERN_RETENTION_CIN_YEARS", 6)
LANTERN_RETENTION_CONTACT_YEARS = read_int("LANTERN_RETENTION_CONTACT_YEARS", 6)
# The council's decision clock for a contact marked urgent: hours from receipt, any day.
LANTERN_URGENT_DECISION_HOURS = read_int("LANTERN_URGENT_DECISION_HOURS", 2, minimum=1)

# A strict Content-Security-Policy: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Which proxy hops to trust when recording the source address in the audit log.
LANTERN_TRUSTED_PROXY_COUNT = read_int("LANTERN_TRUSTED_PROXY_COUNT", 0)
# Stability (issue 10 §8): a looked-after child with this many placements, or social
# workers, in 12 months is highlighted on the stability view. 3 placements is the DfE's
# short-term placement stability measure; 3 social workers is the same line for workers.
LANTERN_STABILITY_PLACEMENTS = read_int("LANTERN_STABILITY_PLACEMENTS", 3, minimum=2)
LANTERN_STABILITY_WORKERS = read_int("LANTERN_STABILITY_WORKERS", 3, minimum=2)
# Insight (issue 14): the borough's children aged 0-17, the denominator of every "per 10,000
# children" figure (ONS mid-year estimate; update yearly). The default is the demo borough's
# at scale 1 (DESIGN.md §4: Haringey-sized, about 58,000 children).
LANTERN_CHILD_POPULATION = read_int("LANTERN_CHILD_POPULATION", 58_000, minimum=1)
LANTERN_COUNCIL_NAME = os.environ.get("LANTERN_COUNCIL_NAME", "London Borough of Lantern")
LANTERN_COUNCIL_ID_PREFIX = os.environ.get("LANTERN_COUNCIL_ID_PREFIX", "LB")
# The council's codes in the statutory returns: the DfE's 3-digit LA number (CIN census LEA)
# and the ONS code (the validators' localAuthority). The demo borough stands in Haringey's.
LANTERN_LA_DFE_CODE = os.environ.get("LANTERN_LA_DFE_CODE", "309")
LANTERN_LA_ONS_CODE = os.environ.get("LANTERN_LA_ONS_CODE", "E09000014")
# Where a build asked for on the Returns page runs (lantern.returns.runner): a detached
# ``lantern returns run`` process, or "inline" in the asking process (the tests).
LANTERN_RETURNS_RUNNER = read_choice(
    "LANTERN_RETURNS_RUNNER", ("subprocess", "inline"), default="subprocess"
)
# A build that reports no progress for this long has stopped (its process died).
LANTERN_RETURNS_STALL_MINUTES = read_int("LANTERN_RETURNS_STALL_MINUTES", 15, minimum=1)

# Never log personal data to stdout: only warnings from Django itself, no request bodies.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
