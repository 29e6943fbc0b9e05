"""Deny by default: a view is reachable only if it declares who may reach it.

Every view carries one of these decorators. ``RequireSignInMiddleware`` refuses any view
that declares nothing, so forgetting a rule closes a page rather than opening it.
"""

from collections.abc import Callable
from functools import wraps

PUBLIC = "public"
SIGNED_IN = "signed_in"
TWO_FACTOR_STEP = "two_factor_step"
PARTNER_TOKEN = "partner_token"  # noqa: S105 (the name of a rule, not a secret)


def _mark(view: Callable, rule: str | tuple[str, ...]) -> Callable:
    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    wrapper.lantern_rule = rule
    return wrapper


def public(view: Callable) -> Callable:
    """Reachable without signing in (sign-in page, health check)."""
    return _mark(view, PUBLIC)


def signed_in(view: Callable) -> Callable:
    """Any signed-in member of staff; the page itself shows no personal data."""
    return _mark(view, SIGNED_IN)


def two_factor_step(view: Callable) -> Callable:
    """Signed in with a password but not yet with the second factor (the 2FA pages)."""
    return _mark(view, TWO_FACTOR_STEP)


def partner_token(view: Callable) -> Callable:
    """The partner API (``lantern.api``): no session; the view itself refuses any request
    without a valid partner token, and hands out only that partner's own records."""
    return _mark(view, PARTNER_TOKEN)


def requires(*permissions: str) -> Callable[[Callable], Callable]:
    """Signed in and holding every one of ``permissions`` (``app_label.codename``)."""
    if not permissions:
        raise ValueError("requires() needs at least one permission; use @signed_in instead")

    def decorate(view: Callable) -> Callable:
        return _mark(view, tuple(permissions))

    return decorate


def rule_of(view: Callable) -> str | tuple[str, ...] | None:
    return getattr(view, "lantern_rule", None)
