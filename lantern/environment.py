"""Typed readers for the environment variables that configure Lantern.

Settings fail closed: a value that cannot be read stops start-up with a message naming the
variable, rather than quietly meaning "off". (``LANTERN_REQUIRE_2FA=true`` once turned the
second factor off because only ``1`` counted as true.)
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes"})
FALSE = frozenset({"0", "false", "no"})


def read_bool(name: str, default: bool) -> bool:
    """``1/0``, ``true/false`` or ``yes/no`` in any case; unset or empty means the default."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() in TRUE:
        return True
    if raw.lower() in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false or yes/no (any case), not {raw!r}."
    )


def read_int(name: str, default: int, *, minimum: int = 0) -> int:
    return _read_number(name, default, minimum, int, "a whole number")


def read_float(name: str, default: float, *, minimum: float = 0.0) -> float:
    return _read_number(name, default, minimum, float, "a number")


def _read_number(name: str, default, minimum, parse, what: str):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = parse(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be {what}, not {raw!r}.") from None
    if not value >= minimum:  # NaN is no number of anything
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def read_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """One of a fixed set of words, exactly as spelt (after trimming spaces)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
    return raw
