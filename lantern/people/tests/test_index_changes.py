"""The person index says when it changed, so the front door can reuse a contact's
candidates while nothing changed and never after something did."""

import datetime as dt
import importlib
import threading

import pytest
from django.db import connection, transaction
from django.db.models import F

from lantern.people import index_changes, search
from lantern.people.matching import IncomingPerson, engine, find_candidates
from lantern.people.models import IndexAnswer, Person, PersonName

D = dt.date
triggers = importlib.import_module("lantern.people.migrations.0005_index_change_triggers")
KAYDEN = IncomingPerson(first_name="Kayden", last_name="Ferreira", date_of_birth=D(2015, 6, 21))


def trigger_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname LIKE '%%_index_changed'"
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE '%index_changed%'"
            )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_every_table_the_matching_engine_reads_tells_of_its_changes():
    """SQLite drops a table's triggers when a later migration rebuilds the table: this
    fails then, rather than the front door showing stale candidates."""
    assert trigger_tables() == {table for table, _ in triggers.TABLES}


@pytest.mark.django_db(transaction=True)
def test_a_token_holds_until_a_change_to_the_index_commits(make_person):
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    held = index_changes.token()
    assert held is not None and index_changes.unchanged_since(held)

    # Not a change to the index: what matching does not read.
    Person.objects.filter(pk=child.pk).update(care_status="looked_after")
    assert index_changes.unchanged_since(held)

    # A change rolled back changes nothing.
    with pytest.raises(RuntimeError), transaction.atomic():
        Person.objects.filter(pk=child.pk).update(last_name="Ferreira-Jones")
        raise RuntimeError("refused")
    assert index_changes.unchanged_since(held)

    PersonName.objects.filter(person=child).update(last_name="Ferriera")
    assert not index_changes.unchanged_since(held)
    assert index_changes.unchanged_since(index_changes.token())


@pytest.mark.django_db(transaction=True)
def test_a_transaction_that_changed_the_index_gets_no_token_to_keep(make_person):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's count rolls back with the change: its token dies with it")
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    held = index_changes.token()
    with transaction.atomic():
        Person.objects.filter(pk=child.pk).update(first_name="Kaiden")
        assert index_changes.token() is None
        assert not index_changes.unchanged_since(held)  # its own change counts at once
        transaction.set_rollback(True)
    assert index_changes.unchanged_since(held)


@pytest.mark.django_db(transaction=True)
def test_a_change_in_progress_when_the_token_was_taken_breaks_it_when_it_commits(make_person):
    """The race a version number read before commit would lose: the writer has changed the
    index but not committed when the reader takes its token and reads the old rows."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writers take the one write lock: a reader waits, no race")
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    changed, token_taken = threading.Event(), threading.Event()

    def writer():
        try:
            with transaction.atomic():
                Person.objects.filter(pk=child.pk).update(last_name="Fereira")
                changed.set()
                token_taken.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert changed.wait(timeout=10)
    held = index_changes.token()
    assert Person.objects.get(pk=child.pk).last_name == "Ferreira"  # the old row, read now
    assert index_changes.unchanged_since(held)  # nothing committed yet
    token_taken.set()
    thread.join(timeout=10)
    assert not index_changes.unchanged_since(held)


@pytest.mark.django_db(transaction=True)
def test_a_contact_looked_at_again_is_answered_without_reading_the_index(
    make_person, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(index_changes, "CHECKING", False)  # it would read the index to compare
    engine._ANSWERS.clear()
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    first = find_candidates(KAYDEN)
    assert first[0].person_id == child.pk
    with django_assert_max_num_queries(1):
        again = find_candidates(KAYDEN)
    assert [(c.person_id, c.score) for c in again] == [(c.person_id, c.score) for c in first]

    twin = make_person("Kayden", "Ferreira", D(2015, 6, 21))  # registered a moment ago
    assert {c.person_id for c in find_candidates(KAYDEN)} >= {child.pk, twin.pk}


@pytest.mark.django_db(transaction=True)
def test_a_search_asked_again_reads_only_the_people_it_shows_until_the_index_changes(
    make_person, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(index_changes, "CHECKING", False)
    search._ANSWERS.clear()
    amy = make_person("Amy", "Ferreira", D(2016, 5, 4))
    first = search.search("ferreira", "LB")[1]
    assert [m.person.pk for m in first] == [amy.pk]
    with django_assert_max_num_queries(2):  # whether the index changed; the people shown
        again = search.search("Ferreira", "LB")[1]
    assert [(m.person.pk, m.score, m.reasons) for m in again] == [
        (m.person.pk, m.score, m.reasons) for m in first
    ]
    Person.objects.filter(pk=amy.pk).update(care_status="looked_after")
    assert search.search("ferreira", "LB")[1][0].person.care_status == "looked_after"

    ben = make_person("Ben", "Ferriera", D(2017, 1, 9))  # registered a moment ago
    assert [m.person.pk for m in search.search("ferreira", "LB")[1]] == [amy.pk, ben.pk]


@pytest.mark.django_db(transaction=True)
def test_the_change_log_forgets_only_what_no_token_can_still_meet(make_person):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps one count, not a log")
    make_person("Kayden", "Ferreira", D(2015, 6, 21))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE people_indexchange SET at = at - interval '25 hours'")
        cursor.execute("SELECT count(*) FROM people_indexchange")
        old = cursor.fetchone()[0]
    held = index_changes.token()
    make_person("Amy", "Ferreira", D(2016, 5, 4))
    assert index_changes.prune()["index changes"] == old
    assert not index_changes.unchanged_since(held)  # the recent change is still known


@pytest.mark.django_db
def test_the_answer_used_least_recently_is_the_one_let_go(monkeypatch):
    monkeypatch.setattr(index_changes, "CHECKING", False)
    answers, worked = index_changes.Answers(kept=2), []

    def ask(key):
        return answers.get(key, lambda: worked.append(key) or key.upper())

    assert [ask("a"), ask("b"), ask("a"), ask("c")] == ["A", "B", "A", "C"]
    ask("a")
    ask("b")
    assert worked == ["a", "b", "c", "b"]  # "a" was asked again before "c" came: it stayed


def another_worker(answers: index_changes.Answers) -> index_changes.Answers:
    """The same answers as another web process holds them: nothing of this one's kept."""
    return index_changes.Answers(
        answers.kept, shared=answers.shared, encode=answers.encode, decode=answers.decode
    )


@pytest.mark.django_db(transaction=True)
def test_a_contact_matched_by_one_worker_is_answered_for_another_from_the_shared_answer(
    make_person, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(index_changes, "CHECKING", False)
    engine._ANSWERS.clear()
    child = make_person("Kayden", "Ferreira", D(2015, 6, 21))
    make_person("Kaden", "Ferreira", D(2015, 6, 21))
    first = find_candidates(KAYDEN)
    assert IndexAnswer.objects.filter(kind="matching").count() == 1

    monkeypatch.setattr(engine, "_ANSWERS", another_worker(engine._ANSWERS))
    monkeypatch.setattr(engine, "_search", lambda *a: pytest.fail("the index read again"))
    with django_assert_max_num_queries(1):  # the answer, and whether it still holds
        again = find_candidates(KAYDEN)
    assert again == first  # each candidate's score and every comparison's words and weight
    assert again[0].person_id == child.pk and again[0].comparisons


@pytest.mark.django_db(transaction=True)
def test_a_shared_answer_is_not_given_once_the_index_has_changed(make_person, monkeypatch):
    monkeypatch.setattr(index_changes, "CHECKING", False)
    search._ANSWERS.clear()
    amy = make_person("Amy", "Ferreira", D(2016, 5, 4))
    assert [m.person.pk for m in search.search("ferreira", "LB")[1]] == [amy.pk]
    monkeypatch.setattr(search, "_ANSWERS", another_worker(search._ANSWERS))
    ben = make_person("Ben", "Ferriera", D(2017, 1, 9))  # registered after it was shared
    assert [m.person.pk for m in search.search("ferreira", "LB")[1]] == [amy.pk, ben.pk]


@pytest.mark.django_db(transaction=True)
def test_an_answer_worked_out_inside_a_transaction_is_not_shared(make_person, monkeypatch):
    """Its row would stay locked until the transaction ended, and another worker asking the
    same question would wait for it."""
    monkeypatch.setattr(index_changes, "CHECKING", False)
    engine._ANSWERS.clear()
    make_person("Kayden", "Ferreira", D(2015, 6, 21))
    with transaction.atomic():
        assert find_candidates(KAYDEN)
    assert not IndexAnswer.objects.exists()
    monkeypatch.setattr(engine, "_ANSWERS", another_worker(engine._ANSWERS))
    assert find_candidates(KAYDEN)  # outside one: shared
    assert IndexAnswer.objects.filter(kind="matching").count() == 1


@pytest.mark.django_db(transaction=True)
def test_shared_answers_past_their_hour_are_never_given_and_are_pruned(make_person, monkeypatch):
    monkeypatch.setattr(index_changes, "CHECKING", False)
    search._ANSWERS.clear()
    amy = make_person("Amy", "Ferreira", D(2016, 5, 4))
    search.search("ferreira", "LB")
    IndexAnswer.objects.update(made_at=F("made_at") - 3601)
    monkeypatch.setattr(search, "_ANSWERS", another_worker(search._ANSWERS))
    ranked = []
    monkeypatch.setattr(search, "_ranked", lambda query: ranked.append(query) or [])
    assert search.search("ferreira", "LB")[1] == [] and len(ranked) == 1  # worked out again
    monkeypatch.undo()
    IndexAnswer.objects.update(made_at=F("made_at") - 3601)
    assert index_changes.prune()["shared answers"] == 1
    assert not IndexAnswer.objects.exists()
    assert [m.person.pk for m in search.search("ferreira", "LB")[1]] == [amy.pk]
