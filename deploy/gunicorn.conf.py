"""gunicorn's configuration for Lantern: ``gunicorn -c deploy/gunicorn.conf.py``.

Sync workers behind the council's reverse proxy, which buffers slow clients and ends TLS
(docs/deploy.md). Pages are CPU-bound in Django, so workers follow the cores: gunicorn's
own rule of 2 × cores + 1 keeps the cores busy while some workers wait on PostgreSQL.
Every value can be set from the environment; a command-line flag overrides this file.
"""

import gc
import multiprocessing
import os
import sys

from lantern.web import loopback

bind = os.environ.get("LANTERN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("LANTERN_WEB_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
# A page that runs longer than this is killed and logged; statutory returns are built in a
# process of their own (lantern.returns.runner), never inside a request.
timeout = int(os.environ.get("LANTERN_WEB_TIMEOUT", 30))
graceful_timeout = 30
# Workers are recycled now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Load Django once in the master: settings errors stop start-up before any worker forks.
preload_app = True
# Heartbeat files in memory, not on a container's overlay disk (gunicorn's own advice).
SHARED_MEMORY = "/dev/shm"  # noqa: S108 (gunicorn makes its own unlinked files there)
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
forwarded_allow_ips = os.environ.get("LANTERN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The access log never holds personal data: no query string (search terms are names and
# dates of birth), no referrer (it carries the previous page's query), no user agent, no
# client address (behind the proxy it is the proxy's; the audit log records who did what).
# Paths carry only record ids. Time, method, path, status, bytes, milliseconds.
accesslog = os.environ.get("LANTERN_ACCESS_LOG", "-")
access_log_format = "%(t)s %(m)s %(U)s %(s)s %(B)s %(M)sms"
errorlog = "-"
loglevel = os.environ.get("LANTERN_LOG_LEVEL", "info")
YOUNGEST_GENERATION = 5000  # objects made before a collection (Python's default: 700)


def when_ready(server):
    """In the master, once the app is loaded and before any worker forks: the loopback
    switch is checked against the sockets really bound, since ``--bind`` on the command line
    overrides ``LANTERN_BIND`` (lantern/web/loopback.py); then the templates are compiled
    once for every worker to inherit (lantern/web/warm.py), and England's bank holidays
    worked out (lantern/clocks/calendar.py): each took a worker's first page about a quarter
    of a second, after every fork and every recycle. Last, everything the master
    holds is moved out of the garbage collector's sight (``gc.freeze``, as Python's own
    documentation advises before a fork): a worker's collections then walk only what its
    requests made, not Django, the templates and the matcher's tables, and do not write
    into the pages the workers share with the master. The youngest generation is collected
    after 5,000 new objects, not 700: a page makes tens of thousands, so at 700 the
    collector ran dozens of times a page and took 4.9 % of the pages' CPU, 2.1 % at 5,000
    (the bench pages, after a freeze as here); the few cycles a page leaves wait a little
    longer to be freed."""
    _plain_http_only_on_loopback(server)
    if server.cfg.preload_app:
        from lantern.clocks.calendar import bank_holidays
        from lantern.web.warm import warm_up

        server.log.info("templates compiled before the workers fork: %d", warm_up())
        bank_holidays()
        gc.freeze()
        gc.set_threshold(YOUNGEST_GENERATION, *gc.get_threshold()[1:])


def _plain_http_only_on_loopback(server):
    if os.environ.get(loopback.VARIABLE, "").strip().lower() not in {"1", "true", "yes"}:
        return
    for listener in server.LISTENERS:
        address = listener.sock.getsockname()
        host = address[0] if isinstance(address, tuple) else str(address)
        if not loopback.is_loopback_address(host):
            server.log.error(
                "%s is on but gunicorn is bound to %s: plain HTTP only on 127.0.0.1 or ::1",
                loopback.VARIABLE,
                listener,
            )
            sys.exit(3)
