import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.chronology.models import ChronologyEntry
from lantern.people import actions
from lantern.people import search as search_module
from lantern.people.models import PersonName
from lantern.people.search import people_by_name_keys, search


def add_alias(person, first: str, last: str, by, agency=None) -> None:
    actions.add_name(
        person,
        acting_user=by,
        kind=PersonName.Kind.ALIAS,
        first_name=first,
        last_name=last,
        agency=agency,
    )


@pytest.fixture
def index(make_person, social_worker, police):
    victoria = make_person(
        "Victoria", "Adjo", dt.date(2012, 11, 2), sex="F", nhs_number="9434765919"
    )
    add_alias(victoria, "Anna", "Kouao", social_worker, agency=police)
    make_person("Victor", "Adams", dt.date(2012, 11, 2), sex="M")
    make_person("Peter", "Connor", dt.date(2006, 3, 1), sex="M")
    make_person("Mary-Jane", "Watson-Parker", dt.date(2010, 7, 15), sex="F")
    for i in range(30):
        make_person(f"Noise{i}", f"Person{i}", dt.date(2015, 1, 1 + i % 28))
    return victoria


def names_found(text: str) -> list[str]:
    return [m.person.full_name for m in search(text, "LB")[1]]


@pytest.mark.parametrize(
    "typed",
    [
        "Victoria Adjo",
        "victoria adjo",
        "Viktoria Adjo",
        "Victoria Ajdo",
        "Vicotria Adjo",
        "Adjo Victoria",
        "Victorria Adjoh",
        "Anna Kouao",
        "Ana Kuao",
    ],
)
def test_it_finds_the_child_through_typos_swaps_and_aliases(index, typed):
    assert names_found(typed)[0] == "Victoria Adjo"


def test_it_explains_a_match_on_an_alias_and_its_agency(index):
    _, matches = search("Anna Kouao", "LB")
    assert matches[0].matched_name == "Anna Kouao"
    assert "alias (Metropolitan Police)" in matches[0].reasons[0]


def test_a_date_of_birth_separates_namesakes(index):
    assert names_found("Victor 02/11/2012")[:2] == ["Victor Adams", "Victoria Adjo"]
    found = names_found("Victoria Adjo 2/11/2012")
    assert found[0] == "Victoria Adjo"


def test_a_transposed_day_and_month_still_finds_the_child(index):
    _, matches = search("Victoria Adjo 11/02/2012", "LB")
    assert matches[0].person.full_name == "Victoria Adjo"
    assert "day and month swapped" in "; ".join(matches[0].reasons)


def test_a_date_of_birth_alone_with_day_and_month_swapped_finds_the_child(index):
    # Victoria and Victor were born on 2 Nov 2012; a referrer wrote 11/02/2012.
    _, matches = search("11/02/2012", "LB")
    assert sorted(m.person.full_name for m in matches) == ["Victor Adams", "Victoria Adjo"]
    assert all("day and month swapped" in "; ".join(m.reasons) for m in matches)


def test_a_date_alone_lists_the_exact_date_before_the_swapped_one(index, make_person):
    make_person("Amara", "Okafor", dt.date(2012, 2, 11), sex="F")  # born 11 Feb 2012
    found = names_found("11/02/2012")
    assert found[0] == "Amara Okafor"
    assert sorted(found[1:]) == ["Victor Adams", "Victoria Adjo"]
    assert names_found("15/07/2010") == ["Mary-Jane Watson-Parker"]  # no 7 Dec 2015 to swap


def test_it_finds_by_nhs_number_and_council_id(index):
    assert names_found("943 476 5919") == ["Victoria Adjo"]
    assert names_found(index.council_id.lower()) == ["Victoria Adjo"]


def test_it_finds_hyphenated_names_by_either_part(index):
    assert names_found("Mary Parker")[0] == "Mary-Jane Watson-Parker"
    assert names_found("Jane Watson")[0] == "Mary-Jane Watson-Parker"


def test_an_invalid_nhs_number_or_date_is_reported_not_searched(index):
    query, matches = search("943 476 5918", "LB")
    assert matches == []
    assert query.problems == ["“943 476 5918” is not a valid NHS number"]
    query, _ = search("Victoria 31/02/2012", "LB")
    assert "is not a real date" in query.problems[0]


def test_unrelated_names_are_not_returned(index):
    assert names_found("Zebedee Quartermaine") == []


def test_search_page_shows_distinguishing_details_and_is_audited(
    client, social_worker, index, hospital
):
    ChronologyEntry.objects.create(
        person=index,
        agency=hospital,
        kind="ae_attendance",
        summary="x",
        occurred_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("people:search"), {"q": "Victoria Adjo"})
    page = response.content.decode()
    assert "Victoria Adjo" in page and "2 Nov 2012" in page
    assert "Metropolitan Police, North Middlesex Hospital" in page
    entry = AuditEntry.objects.filter(action="search").latest("id")
    assert entry.user == social_worker and entry.detail.startswith("Victoria Adjo")


def test_a_name_more_people_have_than_the_cap_finds_them_before_its_other_spellings(
    make_person,
):
    """Past the cap the answer is the people with the name as typed (each hits every key
    of it); under the cap every spelling follows them, the closest first."""
    smiths = make_person("Ann", "Smiths").pk  # holds d:smith, as one deletion of smiths
    smithe = make_person("Ann", "Smithe").pk
    smyth = make_person("Ann", "Smyth").pk
    exact = [make_person(f"Child{n}", "Smith").pk for n in range(4)]

    assert people_by_name_keys(["smith"], limit=3) == exact[:3]
    found = people_by_name_keys(["smith"], limit=10)
    assert found[:4] == exact
    assert set(found[4:6]) == {smithe, smyth}  # two keys each: smith and its sound
    assert found[6:] == [smiths]  # one key: smith, a deletion of smiths


def test_a_name_many_people_have_lists_them_by_name_each_with_the_name_it_matched(
    make_person, social_worker, monkeypatch
):
    monkeypatch.setattr(search_module, "MAX_CANDIDATES", 4)
    monkeypatch.setattr(search_module, "MAX_RESULTS", 3)
    ann = make_person("Ann", "Jones")
    add_alias(ann, "Ann", "Smith", social_worker)
    for first in ("Eve", "Dan", "Cat", "Bea"):  # Bea is the fifth: past the cap
        make_person(first, "Smith")

    _, shown = search("smith", "LB")

    assert [(m.person.full_name, m.matched_name) for m in shown] == [
        ("Ann Jones", "Ann Smith"),
        ("Cat Smith", "Cat Smith"),
        ("Dan Smith", "Dan Smith"),
    ]
    assert shown[0].reasons == ["name matches alias"]
    assert {m.score for m in shown} == {1.0}


def test_a_name_fewer_people_have_than_the_cap_is_counted_once_it_is_known(make_person):
    search_module._COMMON.clear()
    rare = make_person("Ama", "Quaye").pk

    def counted() -> int:
        with CaptureQueriesContext(connection) as run:
            assert people_by_name_keys(["quaye"], limit=3) == [rare]
        return sum("people_namekey" in q["sql"] for q in run.captured_queries)

    assert counted() == 2  # as spelt, then every spelling
    assert counted() == 1  # known to be rare: every spelling at once
