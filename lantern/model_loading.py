"""Records built from database rows without running ``Model.__init__`` once per row.

Django's ``Model.from_db`` calls ``cls(*values)``: ``__init__`` sends ``pre_init`` and
``post_init`` and sets each field through ``setattr`` and its descriptor, about 6 µs for a
person or a chronology entry. Pages build 200 to 1,000 records each (a child's record: the
chronology, household, visits, clocks and signals; the team view: every overdue clock with
its rule and child), so that was a millisecond or more of every page, on both cores, under
load.

``from_db`` here fills the new record's ``__dict__`` from the row in one step (about 2 µs),
which is what ``__init__`` ends with for a record read from the database: a fresh instance
has nothing cached for a foreign-key descriptor to clear, and every other field's
descriptor stores the value under its ``attname``. It steps aside, to Django's own, for a
model with its own ``__init__``, and for every model while anything listens to ``pre_init``
or ``post_init`` (nothing does today: asking per model cost a third of the saving), so
nothing that relies on them is skipped. ``tests/test_model_loading.py`` compares
the two on plain, deferred and joined reads.
"""

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

_django_from_db = Model.from_db.__func__
_attnames: dict[type, tuple[str, ...]] = {}


def from_db(cls, db, field_names, values):
    """``Model.from_db`` without ``__init__`` (see the module's docstring)."""
    if pre_init.receivers or post_init.receivers or cls.__init__ is not Model.__init__:
        return _django_from_db(cls, db, field_names, values)
    names = _attnames.get(cls)
    if names is None:
        names = _attnames[cls] = tuple(f.attname for f in cls._meta.concrete_fields)
    if len(values) != len(names):  # deferred fields (``only``, ``defer``): left unset
        present = iter(values)
        values = [next(present) for name in names if name in field_names]
        names = [name for name in names if name in field_names]
    new = cls.__new__(cls)
    new.__dict__.update(zip(names, values, strict=True))
    state = new._state = ModelState()
    state.adding = False
    state.db = db
    return new


def install_from_db() -> None:
    """Called once, from ``lantern.web``'s ``ready``."""
    Model.from_db = classmethod(from_db)
