"""The workforce and cost tables, from the modules that compute them, when they are there.

``lantern/insight/workforce.py`` and ``cost.py`` are built apart from the pages; the pages
ask for them by name, so a borough running without them sees "not available" rather than
an error, and a test can stand one in.
"""

import importlib
from types import ModuleType


def module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"lantern.insight.{name}")
    except ModuleNotFoundError as missing:
        if missing.name != f"lantern.insight.{name}":
            raise
        return None


def workforce_tables(period) -> list | None:
    found = module("workforce")
    return None if found is None else found.workforce_tables(period)


def cost_tables(period) -> list | None:
    found = module("cost")
    return None if found is None else found.cost_tables(period)


def spend_by_month(period) -> list | None:
    found = module("cost")
    return None if found is None else found.spend_by_month(period)
