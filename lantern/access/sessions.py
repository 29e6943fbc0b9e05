"""A rolling idle timeout that does not write the session on every request.

Staff sessions end after ``SESSION_COOKIE_AGE`` of inactivity (a shared office PC must not
stay signed in to a child's record). Django's way to make that rolling,
``SESSION_SAVE_EVERY_REQUEST``, rewrites the session row on every page: every read became a
write, one more statement and one more row lock per request. Here the expiry is pushed
forward only when the last push is at least ``LANTERN_SESSION_REFRESH_SECONDS`` old, so a
worker reading pages for half an hour writes the session a handful of times, not hundreds.
The price is precision: a session ends between ``SESSION_COOKIE_AGE - refresh`` and
``SESSION_COOKIE_AGE`` after the last request (with the defaults, 28 to 30 minutes).

Why not signed-cookie sessions (no writes at all): signing out must end the session on the
server. A cookie-held session copied before sign-out (a shared PC, a proxy log) would stay
valid until it expired; the database row deleted at sign-out ends it everywhere at once.
Why not ``cached_db``: the cache is per process here (no shared cache server), so a
sign-out in one worker would leave the session alive in the caches of the others.
Everything else is Django's database session unchanged: the key is cycled at sign-in (no
session fixation), the second-factor flag (django-otp's device id) and the enrolment step
are session data written when they change, and sign-out deletes the row.
"""

import functools
import time

from django.conf import settings
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

REFRESHED_AT = "_lantern_refreshed_at"


def refresh_due(session, now: float) -> bool:
    last = session.get(REFRESHED_AT)
    return last is None or now - last >= settings.LANTERN_SESSION_REFRESH_SECONDS


def refreshed_at_sign_in(sender, request, user, **kwargs):
    """Signing in writes the session with a full expiry: the first page after it need not."""
    if request is not None and hasattr(request, "session"):
        request.session[REFRESHED_AT] = time.time()


@functools.cache
def _load_sql(alias: str) -> str:
    """The session read, written once per database: names from the model, quoted; the key
    and the time are parameters."""
    model = db.SessionStore.get_model_class()
    quote = connections[alias].ops.quote_name
    field = {f.name: quote(f.column) for f in model._meta.fields}
    sql = f"SELECT {field['session_data']} FROM {quote(model._meta.db_table)} "  # noqa: S608
    return sql + f"WHERE {field['session_key']} = %s AND {field['expire_date']} > %s"


class SessionStore(db.SessionStore):
    """Django's database sessions (``SESSION_ENGINE``), read on every request by one plain
    statement: the ORM built the same ``get()`` afresh each time, 0.44 ms of CPU against
    0.12 for the statement alone (PostgreSQL), on every page anyone opens. Writing,
    cycling and deleting sessions are Django's own."""

    def load(self) -> dict:
        """The session's data if its row exists and has not expired; else none, and the key
        is forgotten, as Django's ``load`` does (a new one is made if the session is saved)."""
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_load_sql(alias), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])


class RollingSessionMiddleware:
    """After Django's SessionMiddleware: marks a signed-in session modified when its expiry
    is due to be pushed forward, so SessionMiddleware saves it with a fresh expiry date.
    Anonymous visitors get no session row (nothing is stored for them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.session_key and "_auth_user_id" in session:
            now = time.time()
            if refresh_due(session, now):
                session[REFRESHED_AT] = now
        return self.get_response(request)
