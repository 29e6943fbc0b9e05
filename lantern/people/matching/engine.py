"""``find_candidates`` against the person index in the database (the front door's path).

Candidates come from indexed look-ups only, so the cost does not grow with the index:
the NHS number (``Identifier``), the date of birth with its common corruptions (day and
month swapped, one year out) on ``Person.date_of_birth``, and the typo-tolerant name keys
of every name the person has had (``NameKey``: sounds and single-letter deletions, in any
order). The few hundred found are scored in memory by the same comparisons and trained
model as the batch engine (``comparisons``, ``model``), and explained field by field.
People an officer said are *not* this record, and duplicates merged into another record,
are never offered.
"""

import contextlib
import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import astuple, replace

import numpy as np
from django.core.exceptions import ValidationError
from django.db.models import Count, F

from lantern.people import index_changes, names
from lantern.people.identifiers import validate_nhs_number
from lantern.people.matching import records
from lantern.people.matching.comparisons import compare
from lantern.people.matching.explain import Side, explain
from lantern.people.matching.model import default_model
from lantern.people.matching.records import Places
from lantern.people.matching.types import Candidate, FieldComparison, IncomingPerson, fingerprint
from lantern.people.matching.vocabulary import Vocabulary
from lantern.people.models import (
    Identifier,
    Merge,
    NameKey,
    NotSamePerson,
    Person,
    PersonAddress,
    PersonName,
)
from lantern.people.search import people_by_name_keys
from lantern.prepared import prepared

MAX_BY_NAME = 300
MAX_BY_BIRTH_DATE = 300
# The prior is scaled to the index size; below a borough's size (tests, a new install)
# weak evidence would look certain, so the index is taken to be at least this big.
MIN_INDEX_SIZE = 50_000
_size_cache: list[float] = [0.0, 0.0]  # [count, when]

KIND_WORDS = {
    PersonName.Kind.LEGAL: "the legal name",
    PersonName.Kind.ALIAS: "an alias",
    PersonName.Kind.PREVIOUS: "a previous name",
    PersonName.Kind.VARIANT: "a spelling",
    PersonName.Kind.KNOWN_AS: "a 'known as' name",
}


def valid_nhs_number(value: str) -> str:
    """The number if its check digit holds, else "" (an invalid number is no evidence)."""
    try:
        return validate_nhs_number(value)
    except ValidationError:
        return ""


def _index_size() -> int:
    count, when = _size_cache
    if time.monotonic() - when > 300:
        count = _size_cache[0] = Person.objects.count()
        _size_cache[1] = time.monotonic()
    return max(int(count), MIN_INDEX_SIZE)


def _near_dates(born: dt.date) -> set[dt.date]:
    dates = {born}
    for year in (born.year - 1, born.year + 1):
        with contextlib.suppress(ValueError):  # 29 February
            dates.add(born.replace(year=year))
    if born.day <= 12 and born.day != born.month:
        dates.add(born.replace(month=born.day, day=born.month))
    return dates


def _block(incoming: IncomingPerson, nhs: str, tokens: list[str]) -> set[int]:
    ids: set[int] = set()
    if nhs:
        ids |= set(
            Identifier.objects.filter(scheme=Identifier.Scheme.NHS, value=nhs).values_list(
                "person_id", flat=True
            )
        )
    if incoming.date_of_birth:
        ids |= set(
            Person.objects.filter(date_of_birth__in=_near_dates(incoming.date_of_birth))
            .order_by("id")
            .values_list("id", flat=True)[:MAX_BY_BIRTH_DATE]
        )
    ids |= set(people_by_name_keys(tokens, MAX_BY_NAME))
    return ids


def _excluded(incoming: IncomingPerson, ids: set[int]) -> set[int]:
    refused = NotSamePerson.objects.filter(incoming_fingerprint=fingerprint(incoming))
    return set(refused.values_list("person_id", flat=True)) | set(_merged(frozenset(ids)))


@prepared
def _merged(ids):
    return Merge.objects.filter(duplicate_id__any=ids, undone_at__isnull=True).values_list(
        "duplicate_id", flat=True
    )


PERSON_FIELDS = (
    *("id", "first_name", "middle_names", "last_name"),
    *("date_of_birth", "date_of_birth_estimated", "sex"),
)


def _profile_rows(ids: list[int]) -> tuple[tuple, ...]:
    """Each candidate's names, dates, addresses and NHS number as they are in the database,
    in four queries: everything scoring reads of the index, so it is also the scores' key
    (``_scored``). Rows, not model instances: a common name brings hundreds of candidates."""
    wanted = frozenset(ids)  # a set: Django walks a list's every value (``long_lists``)
    return tuple(tuple(read(wanted)) for read in (_people, _names, _postcodes, _nhs_numbers))


@prepared
def _people(ids):
    return Person.objects.filter(id__any=ids).order_by("id").values_list(*PERSON_FIELDS)


@prepared
def _names(ids):
    return (
        PersonName.objects.filter(person_id__any=ids)
        .order_by("person_id", "kind", "last_name", "first_name", "id")
        .values_list("person_id", "first_name", "middle_names", "last_name", "kind", "agency__name")
    )


@prepared
def _postcodes(ids):
    return (
        PersonAddress.objects.filter(person_id__any=ids)
        .order_by("person_id", F("end").desc(nulls_first=True), "-start", "id")
        .values_list("person_id", "address__postcode")
    )


@prepared
def _nhs_numbers(ids):
    return (
        Identifier.objects.filter(person_id__any=ids, scheme=Identifier.Scheme.NHS)
        .order_by("person_id", "id")
        .values_list("person_id", "value")
    )


def _profiles(ids: list[int], raw: tuple[tuple, ...]) -> tuple[list[dict], list[Side]]:
    """The rows of ``_profile_rows`` shaped for the record table and the explanations."""
    found, name_rows, address_rows, number_rows = raw
    people = {row[0]: dict(zip(PERSON_FIELDS, row, strict=True)) for row in found}
    others: dict[int, list[tuple]] = {}
    for person_id, *name in name_rows:
        others.setdefault(person_id, []).append(name)
    postcodes: dict[int, list[str]] = {}
    for pid, postcode in address_rows:
        postcodes.setdefault(pid, []).append(postcode)
    nhs = dict(number_rows)
    rows, sides = [], []
    for pid in ids:
        person = people[pid]
        main = (f"{person['first_name']} {person['middle_names']}", person["last_name"])
        variants, labels = [], [""]
        main_tokens = names.tokens(*main)
        for first, middle, last, kind, agency in others.get(pid, []):
            pair = (f"{first} {middle}", last)
            if names.tokens(*pair) == main_tokens or pair in variants:
                continue
            variants.append(pair)
            used_by = f" used by {agency}" if agency else ""
            labels.append(f"{KIND_WORDS.get(kind, 'another name')}{used_by}")
        rows.append(
            {
                "id": pid,
                "first_name": main[0],
                "last_name": main[1],
                "other_names": variants,
                "dob": person["date_of_birth"],
                "estimated": person["date_of_birth_estimated"],
                "sex": person["sex"],
                "postcode": ";".join(postcodes.get(pid, [])),
                "nhs": nhs.get(pid, ""),
            }
        )
        everything = [main, *variants]
        sides.append(
            Side(
                given=[(g.split() or [""])[0] for g, _ in everything],
                surnames=[s for _, s in everything],
                variant_labels=labels,
                dob=person["date_of_birth"],
                sex=person["sex"],
                postcodes=[records.split_postcode(p)[0] or p for p in postcodes.get(pid, [])],
            )
        )
    return rows, sides


def _table(vocab, places, rows: list[dict]) -> records.RecordTable:
    return records.build(
        vocab,
        places,
        ids=[r["id"] for r in rows],
        first_names=[r["first_name"] for r in rows],
        last_names=[r["last_name"] for r in rows],
        other_names=[r["other_names"] for r in rows],
        dob=records.dates_to_ordinals([r["dob"] for r in rows]),
        dob_estimated=np.array([r["estimated"] for r in rows], dtype=bool),
        sexes=[r["sex"] for r in rows],
        postcodes=[r["postcode"] for r in rows],
        nhs_numbers=[r["nhs"] for r in rows],
    )


def _name_counts(tokens: list[str]) -> tuple[tuple[str, int], ...]:
    """How many people in the index have each name token, from the ``NameKey`` table."""
    return tuple(_counts_of(frozenset(f"d:{t}" for t in tokens if " " not in t)))


@prepared
def _counts_of(keys):
    counts = NameKey.objects.filter(key__any=keys).values("key").annotate(n=Count("*"))
    return counts.order_by("key").values_list("key", "n")


def _term_frequencies(vocab, tokens: list[str], counts: dict[str, int], population: int) -> None:
    """Each incoming name token's frequency in the index (``_name_counts``) on the
    vocabulary, so a common surname agreeing is weaker evidence than a rare one."""
    vocab.counts = np.zeros(len(vocab), dtype=np.int64)
    for token in tokens:
        if " " not in token and token in vocab.ids:
            vocab.counts[vocab.ids[token]] = counts.get(f"d:{token}", 0)
    for word, at in vocab.ids.items():
        if " " in word:  # a whole double surname: as common as its rarer part
            parts = [vocab.counts[vocab.ids[p]] for p in word.split() if p in vocab.ids]
            vocab.counts[at] = min(parts) if parts else 0
    vocab.population = population


def find_duplicates(person: Person, *, limit: int = 5) -> list[Candidate]:
    """Other index records that may be the same person (for a merge), leaving out those
    an officer has already said are someone else."""
    rows, _ = _profiles([person.pk], _profile_rows([person.pk]))
    mine = rows[0]
    ruled_out = NotSamePerson.objects.filter(person=person, other_person__isnull=False)
    incoming = IncomingPerson(
        first_name=mine["first_name"].strip(),
        last_name=mine["last_name"],
        other_names=[f"{g} {s}".strip() for g, s in mine["other_names"]],
        date_of_birth=mine["dob"],
        date_of_birth_estimated=mine["estimated"],
        sex=mine["sex"],
        postcode=mine["postcode"].split(";")[0],
        nhs_number="",  # two records never share one: it would only find the person again
    )
    exclude = {person.pk, *ruled_out.values_list("other_person_id", flat=True)}
    return find_candidates(incoming, limit=limit, exclude_ids=exclude)


def find_candidates(
    incoming: IncomingPerson, *, limit: int = 5, exclude_ids: Collection[int] = ()
) -> list[Candidate]:
    """The ``limit`` most likely records of ``incoming`` in the index, best first, each
    explained; ``exclude_ids`` are never offered (nor count as competitors).

    A person added or changed a moment ago is found: an answer is reused only while the
    index is unchanged since it was read (``index_changes.Answers``). Otherwise the index
    is searched afresh, and even then the scoring is kept when the rows it reads are the
    same (``_scored``): a change elsewhere in the index leaves most contacts' rows alone."""
    key = (repr(astuple(incoming)), limit, tuple(sorted(exclude_ids)))
    found = _ANSWERS.get(key, lambda: _search(incoming, limit, exclude_ids))
    return [Candidate(c.person_id, c.score, [replace(f) for f in c.comparisons]) for c in found]


def _encoded(found: list[Candidate]) -> list:
    return [[c.person_id, c.score, [astuple(f) for f in c.comparisons]] for c in found]


def _decoded(rows: list) -> list[Candidate]:
    return [Candidate(pid, score, [FieldComparison(*f) for f in fs]) for pid, score, fs in rows]


# A MASH's waiting contacts, each person in them; shared by the server's workers.
_ANSWERS = index_changes.Answers(kept=512, shared="matching", encode=_encoded, decode=_decoded)


def _search(incoming: IncomingPerson, limit: int, exclude_ids: Collection[int]):
    nhs = valid_nhs_number(incoming.nhs_number)
    tokens = names.tokens(incoming.first_name, incoming.last_name, *incoming.other_names)
    ids = _block(incoming, nhs, tokens)
    ids = sorted(ids - _excluded(incoming, ids) - set(exclude_ids))
    if not ids:
        return []
    inputs = (
        astuple(incoming),
        nhs,
        limit,
        tuple(ids),
        _profile_rows(ids),
        _name_counts(tokens),
        _index_size(),
    )
    return _scored(inputs)


SCORED_KEPT = 512  # per process: a MASH's waiting contacts, each person in them
_scored_cache: OrderedDict[bytes, list[Candidate]] = OrderedDict()
_scored_lock = threading.Lock()  # a threaded server shares the cache between requests


def _scored(inputs: tuple) -> list[Candidate]:
    """``_score`` of ``inputs``, remembered by a digest of every value it reads: a MASH
    contact is opened many times while it waits, and scoring a few hundred candidates is
    two thirds of its page's CPU. Any change to a candidate's names, dates, addresses or
    NHS number, a new person found by blocking, a decision ruling one out, or the index
    growing changes the digest, so a stale list is never shown."""
    # repr, not pickle: pickle's bytes depend on which equal strings are one object.
    key = hashlib.blake2b(repr(inputs).encode(), digest_size=32).digest()
    with _scored_lock:
        found = _scored_cache.get(key)
        if found is not None:
            _scored_cache.move_to_end(key)
            return found
    found = _score(*inputs)  # outside the lock: two threads may both score, never wrongly
    with _scored_lock:
        _scored_cache[key] = found
        if len(_scored_cache) > SCORED_KEPT:
            _scored_cache.popitem(last=False)
    return found


def _score(incoming_fields, nhs, limit, ids, raw, name_counts, size) -> list[Candidate]:
    incoming = IncomingPerson(*incoming_fields)
    tokens = names.tokens(incoming.first_name, incoming.last_name, *incoming.other_names)
    rows, sides = _profiles(list(ids), raw)
    vocab, places = Vocabulary(), Places()
    index = _table(vocab, places, rows)
    mine = {
        "id": "incoming",
        "first_name": incoming.first_name,
        "last_name": incoming.last_name,
        "other_names": ";".join(incoming.other_names),
        "dob": incoming.date_of_birth,
        "estimated": incoming.date_of_birth_estimated,
        "sex": incoming.sex,
        "postcode": incoming.postcode,
        "nhs": nhs,
    }
    me = _table(vocab, places, [mine])
    _term_frequencies(vocab, tokens, dict(name_counts), size)
    model = default_model()
    zeros = np.zeros(len(ids), dtype=np.int64)
    pairs = compare(vocab, me.take(zeros), index)
    total, weights = model.match_weight(pairs, size)
    score = model.posterior(zeros, total, size)
    inc_side = Side(
        given=[(incoming.first_name.split() or [""])[0]]
        + [(o.split() or [""])[0] for o in incoming.other_names],
        surnames=[incoming.last_name],
        dob=incoming.date_of_birth,
        sex=incoming.sex,
        postcodes=[records.split_postcode(incoming.postcode)[0] or incoming.postcode],
    )
    out = []
    for at in np.argsort(-score, kind="stable")[:limit]:
        levels = {k: int(v[at]) for k, v in pairs.levels.items()}
        detail = _variants(pairs, index, at, swapped=levels["name_order"] == 1)
        field_weights = {k: float(v[at]) for k, v in weights.items()}
        comparisons = explain(levels, field_weights, detail, inc_side, sides[at])
        out.append(Candidate(int(ids[at]), round(float(score[at]), 6), comparisons))
    return out


def _variants(pairs, index: records.RecordTable, at: int, *, swapped: bool) -> dict[str, int]:
    """Which of the candidate's names gave the first-name and surname agreement."""
    given_slot = int(pairs.detail["given_slot"][at])
    surname_slot = int(pairs.detail["surname_slot"][at])
    if swapped:
        given_var = index.surname_var[at, given_slot]
        surname_var = index.given_var[at, surname_slot]
    else:
        given_var = index.given_var[at, given_slot]
        whole = pairs.detail["surname_whole"][at]
        surname_var = (index.sfull_var if whole else index.surname_var)[at, surname_slot]
    postcode_slot = int(pairs.detail["postcode_slot"][at])
    return {
        "given_var": int(given_var),
        "surname_var": int(surname_var),
        "postcode_slot": postcode_slot,
    }
