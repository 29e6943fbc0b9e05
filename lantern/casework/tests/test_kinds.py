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


def test_a_childs_record_links_are_the_records_own_urls():
    """``RecordLinks`` reverses each kind once and puts each id in: the same URL as
    ``get_absolute_url`` for every kind, and for another child's record."""
    from lantern.casework.templatetags.casework import RecordLinks

    links = RecordLinks(42)
    for kind in kinds.KINDS:
        extra = {"kind": KIND_OF_SLUG[kind.slug]} if kind.model is models.Conference else {}
        for pk in (1, 987, 2**63 - 1):
            record = kind.model(pk=pk, person_id=42, **extra)
            assert links(record) == record.get_absolute_url()
    other = models.Visit(pk=5, person_id=7)
    assert links(other) == other.get_absolute_url() == "/casework/7/visit/5/"
