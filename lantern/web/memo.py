"""Facts a read-only request reads once however many panels ask: ``once_per_request``.

A page made of panels (overdue work, the week ahead, each list's due dates) asks the same
small question several times, the council's closure days above all: four reads of one table
on My work. Within a GET or HEAD nothing the page shows is changed, so the first answer
stands for the rest of the request; a POST is never memoised (it may change the answer
half-way, and then recompute with it), and nothing outlives its request, so a change made
in another process is seen on the next page.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("lantern_request_memo", default=None)


def once_per_request(key: str, read: Callable[[], T]) -> T:
    """``read()``, or what it answered earlier in this read-only request."""
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


@contextmanager
def memoising():
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)
