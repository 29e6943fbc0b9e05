"""``id_url`` makes the same links as ``reverse``, once reversed for a whole list."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from lantern.web.links import ID, id_url


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("casework:overview", (ID,)),
        ("casework:new", (ID, "visit")),
        ("casework:record", (7, "visit", ID)),
        ("casework:worker-caseload", (ID,)),
        ("people:record", (ID,)),
        ("frontdoor:contact", (ID,)),
    ],
)
def test_the_link_is_the_one_reverse_makes(name, rest):
    url = id_url(name, *rest)
    for pk in (1, 7, 10, 2039, 2**63 - 1):
        assert url(pk) == reverse(name, args=[pk if arg is ID else arg for arg in rest])


def test_a_script_prefix_is_kept():
    set_script_prefix("/lantern/")
    try:
        assert id_url("people:record", ID)(42) == reverse("people:record", args=[42])
        assert id_url("people:record", ID)(42).startswith("/lantern/")
    finally:
        set_script_prefix("/")


def test_a_name_without_an_id_is_refused():
    with pytest.raises(NoReverseMatch):
        id_url("frontdoor:queue", ID)
    with pytest.raises(ValueError, match="exactly one ID"):
        id_url("people:record", 42)
