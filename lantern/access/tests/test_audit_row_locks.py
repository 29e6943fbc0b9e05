"""The audit log names people and users without locking their rows (migration 0011), and
still keeps a named person or account from being deleted."""

import pytest
from django.db import connection, transaction
from django.db.models import ProtectedError

from lantern.access import audit
from lantern.access.models import AuditEntry


def row_lock_marker(table: str, pk: int) -> int:
    """``xmax`` of the row: 0 until a transaction updates, deletes or locks it (a foreign
    key check locks the row it finds, ``FOR KEY SHARE``)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmax::text::bigint FROM {table} WHERE id = %s", [pk])  # noqa: S608 (our table names)
        return cursor.fetchone()[0]


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_look_at_a_record_writes_nothing_to_the_childs_row_or_the_users(
    make_person, social_worker
):
    child = make_person()  # committed, as a record is before anyone looks at it
    rows = [("people_person", child.pk), ("auth_user", social_worker.pk)]
    before = [row_lock_marker(*row) for row in rows]
    with transaction.atomic():  # COMMIT checks what a constraint would have checked
        audit.record(None, AuditEntry.Action.VIEW_RECORD, user=social_worker, person=child)
        audit.record_each(None, AuditEntry.Action.LISTED, [child], user=social_worker)
    assert [row_lock_marker(*row) for row in rows] == before
    looks = AuditEntry.objects.filter(person=child, user=social_worker)
    assert {e.action for e in looks} >= {AuditEntry.Action.VIEW_RECORD, AuditEntry.Action.LISTED}


def test_a_person_the_log_names_cannot_be_deleted(make_person):
    child = make_person()
    audit.record(None, AuditEntry.Action.VIEW_RECORD, person=child, detail="looked")
    with pytest.raises(ProtectedError) as refused:
        child.delete()
    assert any(isinstance(o, AuditEntry) for o in refused.value.protected_objects)
    assert AuditEntry.objects.filter(person_id=child.pk, detail="looked").exists()


def test_an_account_the_log_names_cannot_be_deleted(social_worker):
    audit.record(None, AuditEntry.Action.SIGN_IN, user=social_worker)
    with pytest.raises(ProtectedError) as refused:
        social_worker.delete()
    assert any(isinstance(o, AuditEntry) for o in refused.value.protected_objects)
