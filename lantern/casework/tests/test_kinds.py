"""The kinds table and the models agree on each record's URL segment."""

from lantern.casework import kinds, models
from lantern.casework.models.protection import KIND_OF_SLUG


def test_every_kind_is_found_from_its_own_records():
    for kind in kinds.KINDS:
        if kind.model is models.Conference:
            record = models.Conference(kind=KIND_OF_SLUG[kind.slug])
        else:
            record = kind.model()
        assert kinds.kind_of(record) is kind
