"""``LANTERN_INSECURE_HTTP_LOOPBACK``: production settings over plain HTTP, on this machine only.

Production cookies are ``Secure``: a browser or load-test client talking plain HTTP to
gunicorn never sends them back, so sign-in fails without the TLS proxy a council runs in
front. The load test (``bench/load``) and CI's smoke test of the production server have no
such proxy, and should still exercise production settings, not development ones. This
switch drops ``Secure`` from the cookies and turns off the HTTPS redirect and the proxy's
``X-Forwarded-Proto`` header, and nothing else (DEBUG stays off, the second factor stays on).

It is off unless set, and refused unless everything says "this machine": every allowed host
is a loopback name, the bind address (``LANTERN_BIND``) is a loopback address, no forwarded
host is trusted, and each request comes from a loopback peer without a proxy's headers
(``LoopbackOnlyMiddleware``). gunicorn's configuration checks the sockets it really bound
(``deploy/gunicorn.conf.py``), since a ``--bind`` on the command line overrides the variable.
"""

import ipaddress

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponseForbidden

VARIABLE = "LANTERN_INSECURE_HTTP_LOOPBACK"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "testserver"})
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO")


def is_loopback_address(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_host(bind: str) -> str:
    """The host part of a gunicorn bind: ``127.0.0.1:8000``, ``[::1]:8000``, ``unix:/x``."""
    if bind.startswith("unix:") or bind.startswith("fd://"):
        return bind  # not TCP loopback: a proxy on the socket may be serving anyone
    if bind.startswith("["):
        return bind[1 : bind.index("]")]
    return bind.rsplit(":", 1)[0] if ":" in bind else bind


def check(*, allowed_hosts: list[str], bind: str, use_x_forwarded_host: bool) -> None:
    """Refuse the switch unless the server can be reached only from this machine."""
    outside = [h for h in allowed_hosts if h.lower() not in LOOPBACK_NAMES]
    if outside:
        raise ImproperlyConfigured(
            f"{VARIABLE}=1 serves plain HTTP on loopback only: LANTERN_ALLOWED_HOSTS may name "
            f"only 127.0.0.1, ::1 or localhost, not {', '.join(outside)}."
        )
    if not is_loopback_address(bind_host(bind)):
        raise ImproperlyConfigured(
            f"{VARIABLE}=1 serves plain HTTP on loopback only: LANTERN_BIND must be "
            f"127.0.0.1:PORT or [::1]:PORT, not {bind!r}."
        )
    if use_x_forwarded_host:
        raise ImproperlyConfigured(
            f"{VARIABLE}=1 cannot be used with LANTERN_USE_X_FORWARDED_HOST: behind a proxy, "
            "serve HTTPS with Secure cookies."
        )


class LoopbackOnlyMiddleware:
    """Installed only with the switch on: a request from another machine, or relayed by a
    proxy, is refused before any view runs, whatever address the server was bound to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        relayed = any(header in request.META for header in PROXY_HEADERS)
        if relayed or not is_loopback_address(request.META.get("REMOTE_ADDR", "")):
            return HttpResponseForbidden(
                f"{VARIABLE} is on: this server answers only requests from this machine.",
                content_type="text/plain",
            )
        return self.get_response(request)
