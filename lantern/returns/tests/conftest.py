import pytest


@pytest.fixture(autouse=True)
def _builds_inline(settings):
    """A build asked for in a test is done before the request returns (no process started)."""
    settings.LANTERN_RETURNS_RUNNER = "inline"
