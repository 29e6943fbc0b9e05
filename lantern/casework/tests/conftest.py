"""Casework personas beyond the shared ones: alice's manager, a conference chair, a child
allocated to alice, and ``journey`` to walk that child along the statutory path."""

import datetime as dt

import pytest

from lantern.casework.tests.journey import Journey


@pytest.fixture
def child(make_person, social_worker, allocate):
    amy = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(amy, social_worker, dt.date(2026, 1, 5))
    return amy


@pytest.fixture
def journey(child, social_worker, manager, iro):
    return Journey(child, social_worker, manager, iro)
