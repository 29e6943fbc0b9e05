"""Pytest runs Lantern in development, so a plain ``pytest`` works from a fresh clone.

Settings default to production (lantern/settings.py), and pytest-django imports them before
any conftest.py is read; ``-p lantern.pytest_plugin`` in pyproject.toml loads this module
earlier still. An environment given explicitly (the settings tests' subprocesses, or a
developer's ``LANTERN_ENV``) is left alone.
"""

import os

os.environ.setdefault("LANTERN_ENV", "development")
# Every prepared read is checked against the QuerySet built the ordinary way (lantern.prepared).
os.environ.setdefault("LANTERN_CHECK_PREPARED", "1")
