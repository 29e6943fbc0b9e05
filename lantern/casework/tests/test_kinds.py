"""The kinds table and the models agree on each record's URL segment."""

from lantern.casework import kinds, models


def test_every_kind_is_found_from_its_own_records():
    for kind in kinds.KINDS:
        if kind.model is models.Conference:
            record = models.Conference(
                kind=models.Conference.Kind.INITIAL
                if kind.slug == "icpc"
                else models.Conference.Kind.REVIEW
            )
        else:
            record = kind.model()
        assert kinds.kind_of(record) is kind
