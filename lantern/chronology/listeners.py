"""Who wants to know when a person's chronology changes.

The safeguarding signals read the chronology the moment it changes (no nightly batch), but
the chronology sits below every domain and knows none of them: domains that care register
here when their app is ready, and every writer of entries calls ``changed``.
"""

from collections.abc import Callable, Iterable

# Passed as a kind when the person's own details changed (a date of birth corrected).
PERSON_DETAILS = "person"

_LISTENERS: list[Callable[[set[int], set[str]], None]] = []


def listen(func: Callable[[set[int], set[str]], None]):
    """Register ``func(person_ids, kinds)``, called after entries of those kinds were
    written, rewritten or removed for those people, inside the writer's transaction."""
    if func not in _LISTENERS:
        _LISTENERS.append(func)
    return func


def changed(person_ids: Iterable[int], kinds: Iterable[str]) -> None:
    people, what = set(person_ids), set(kinds)
    if not people or not what:
        return
    for func in _LISTENERS:
        func(people, what)
