"""The typed environment readers behind lantern/settings.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from lantern.environment import read_bool, read_choice, read_int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[("1", True), ("true", True), ("TRUE", True), ("Yes", True), (" yes ", True)],
        *[("0", False), ("false", False), ("False", False), ("NO", False)],
    ],
)
def test_booleans_read_every_spelling_of_yes_and_no(monkeypatch, raw, expected):
    monkeypatch.setenv("LANTERN_FLAG", raw)
    assert read_bool("LANTERN_FLAG", default=not expected) is expected


@pytest.mark.parametrize("raw", ["on", "off", "2", "ture", "y", "enabled"])
def test_anything_else_is_refused_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("LANTERN_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match=f"LANTERN_FLAG .* not '{raw}'"):
        read_bool("LANTERN_FLAG", default=True)


def test_unset_or_empty_means_the_default(monkeypatch):
    monkeypatch.delenv("LANTERN_FLAG", raising=False)
    assert read_bool("LANTERN_FLAG", default=True) is True
    monkeypatch.setenv("LANTERN_FLAG", "")
    assert read_bool("LANTERN_FLAG", default=False) is False


def test_numbers_are_whole_and_not_below_the_minimum(monkeypatch):
    monkeypatch.setenv("LANTERN_COUNT", "12")
    assert read_int("LANTERN_COUNT", 5) == 12
    monkeypatch.setenv("LANTERN_COUNT", "1.5")
    with pytest.raises(ImproperlyConfigured, match="LANTERN_COUNT must be a whole number"):
        read_int("LANTERN_COUNT", 5)
    monkeypatch.setenv("LANTERN_COUNT", "0")
    with pytest.raises(ImproperlyConfigured, match="LANTERN_COUNT must be at least 1"):
        read_int("LANTERN_COUNT", 5, minimum=1)


def test_a_choice_is_spelt_exactly(monkeypatch):
    monkeypatch.setenv("LANTERN_ENV", "Production")
    with pytest.raises(ImproperlyConfigured, match="LANTERN_ENV must be one of production"):
        read_choice("LANTERN_ENV", ("production", "development"), "production")
