"""The GOV.UK pagination pattern's page numbers for a Django ``Page``: the first and last
pages, the current one and its neighbours, with a gap (…) for the pages left out."""

from dataclasses import dataclass

from django.core.paginator import Page


@dataclass
class PageLink:
    number: int | None  # None: the gap between numbers
    current: bool = False


@dataclass
class Pages:
    links: list[PageLink]
    previous: int | None
    next: int | None
    count: int


def links(page: Page) -> Pages:
    last, here = page.paginator.num_pages, page.number
    shown = sorted({1, last, here - 1, here, here + 1} & set(range(1, last + 1)))
    numbers: list[PageLink] = []
    for number in shown:
        if numbers and number - numbers[-1].number > 1:
            numbers.append(PageLink(None))
        numbers.append(PageLink(number, number == here))
    return Pages(
        numbers,
        here - 1 if page.has_previous() else None,
        here + 1 if page.has_next() else None,
        last,
    )
