"""The Jinja2 environment for the few fragments rendered in loops on hot pages.

Django's template language costs about 0.3 ms a chronology row (variable resolution,
filters, a date formatter that re-reads the locale each call): a record page's 50 rows
were a fifth of its CPU (bench/pages.py). Jinja2 compiles a template to Python once, so
the same rows cost a tenth of that. Pages stay Django templates; only a fragment repeated
per row is Jinja2, included through a template tag (``people.templatetags.chronology``,
``casework.templatetags.casework.due_table``). Form widgets render through Django's own
Jinja2 widget templates (``FORM_RENDERER``; the date boxes' is ``web/jinja2/web/widgets``),
not through this environment.
Autoescaping is on, as in Django templates.
"""

import datetime as dt

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from jinja2 import Environment
from markupsafe import Markup

from lantern.chronology.kinds import BY_CODE

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _council_time(at: dt.datetime) -> dt.datetime:
    """``at`` on the council's clock: ``timezone.localtime`` without its look-up of a time
    zone activated for the request, which Lantern never activates (a chronology page
    converts a hundred moments)."""
    return at.astimezone(timezone.get_default_timezone())


def day_month_year(day: dt.date) -> str:
    """``j M Y``, as the Django ``date`` filter writes it: 7 Mar 2026."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_fullmonth_year(day: dt.date) -> str:
    """``j F Y``: 7 March 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_day_month(day: dt.date) -> str:
    """``D j M``: Tue 24 Nov."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1][:3]}"


def weekday_day_month_year(day: dt.date) -> str:
    """``D j M Y``: Tue 24 Nov 2026."""
    return f"{weekday_day_month(day)} {day.year}"


def local_minute(at: dt.datetime) -> str:
    """``j M Y H:i`` in the council's time zone: 7 Mar 2026 14:05."""
    at = _council_time(at)
    return f"{day_month_year(at)} {at:%H:%M}"


def local_weekday_minute(at: dt.datetime) -> str:
    """``D j M H:i`` in the council's time zone: Tue 24 Nov 17:00."""
    at = _council_time(at)
    return f"{weekday_day_month(at)} {at:%H:%M}"


FULL_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_day_fullmonth(day: dt.date) -> str:
    """``l j F``: Tuesday 24 November."""
    return f"{FULL_WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def local_day_month_year(at: dt.datetime) -> str:
    """``j M Y`` of a moment, on the council's calendar (as Django's ``date`` filter does)."""
    return day_month_year(_council_time(at))


def linebreaksbr(text: str) -> Markup:
    """Django's ``linebreaksbr``: escaped, each line break a ``<br>`` (markupsafe's escape,
    not Django's, which goes through its lazy-string machinery for every line)."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br>").join(map(Markup.escape, lines))


def url(name: str, *args) -> str:
    """``{% url name arg… %}``."""
    return reverse(name, args=args)


def truncatewords(text: str, length: int) -> str:
    """Django's ``truncatewords``: the first ``length`` words, then " …"; spacing and line
    breaks become single spaces."""
    return Truncator(str(text)).words(length, truncate=" …")


def kind_label(code: str) -> str:
    """A chronology entry's kind in words: ``get_kind_display`` rebuilds the field's whole
    choice list on every call, a third of the rows' time."""
    kind = BY_CODE.get(code)
    return kind.label if kind is not None else code


def fragment(name: str, context: dict) -> SafeString:
    """The Jinja2 template ``name`` rendered into a Django page (by a template tag): Jinja2
    escaped every value as it rendered (autoescape on, below), so it is placed as it is."""
    from django.template import engines  # this module builds that engine's environment

    return mark_safe(engines["jinja2"].get_template(name).render(context))


def environment(**options) -> Environment:
    # Always escaped, whatever the settings pass: these fragments show what partners wrote.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.filters.update(
        day_month_year=day_month_year,
        local_minute=local_minute,
        local_day_month_year=local_day_month_year,
        local_weekday_minute=local_weekday_minute,
        weekday_day_fullmonth=weekday_day_fullmonth,
        day_fullmonth_year=day_fullmonth_year,
        weekday_day_month=weekday_day_month,
        weekday_day_month_year=weekday_day_month_year,
        month_year=month_year,
        linebreaksbr=linebreaksbr,
        truncatewords=truncatewords,
        kind_label=kind_label,
    )
    env.globals.update(static=static, url=url)
    return env
