"""Charts drawn on the server as SVG, and the way every number is shown.

No script draws them: the page's CSP allows scripts and styles from Lantern alone, so a
chart is markup, coloured by classes in ``insight/insight.css`` (no ``style`` attribute).
Each chart is an image with a title and a description a screen reader reads, and the page
puts the same numbers in a table beside it: the chart is for the eye, the table is the
record.
"""

import math
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lantern.insight.measures import Series, Unit

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 48
SERIES_CLASSES = 4  # insight-chart__series--0 .. --3, then round again


def show(value, unit: Unit | None) -> str:
    """A value as the page, the chart and the table print it."""
    if value is None:
        return "–"
    if unit is None:
        return str(value)
    number = float(value)
    if unit == Unit.PERCENT:
        return f"{number:.1f}%"
    if unit == Unit.PER_10K:
        return f"{number:,.1f}"
    if unit == Unit.MONEY:
        return f"£{number:,.0f}"
    if number == int(number):
        return f"{int(number):,}"
    return f"{number:,.1f}"


def _nice_top(peak: float) -> float:
    """A round top for the axis at or above ``peak`` (1, 2, 2.5 or 5 times a power of ten)."""
    if peak <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(peak))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= peak:
            return step * power
    return 10 * power


def _as_float(value) -> float | None:
    return None if value is None else float(value) if isinstance(value, Decimal) else value


def line_chart(
    series: list[Series],
    *,
    chart_id: str,
    title: str,
    description: str,
    unit: Unit | None = None,
    target: float | None = None,
) -> SafeString:
    """One line per series over the same labels (months), with a dot on each point and a
    gap where a value is missing; ``target`` draws the council's green threshold dashed."""
    labels = [label for label, _ in series[0].points] if series else []
    values = [_as_float(v) for s in series for _, v in s.points if v is not None]
    if target is not None:
        values.append(float(target))
    top = 100.0 if unit == Unit.PERCENT else _nice_top(max(values, default=0))
    top = max(top, _nice_top(max(values, default=0)))
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / max(len(labels) - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + (i * step if len(labels) > 1 else inner_w / 2), 1)

    def y(v: float) -> float:
        return round(TOP + inner_h * (1 - v / top), 1)

    out = [
        f'<svg class="insight-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for i in range(5):  # gridlines and the y axis's labels
        v = top * i / 4
        out.append(
            f'<line class="insight-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(v)}" y2="{y(v)}"/>'
            f'<text class="insight-chart__label" x="{LEFT - 6}" y="{y(v) + 4}" '
            f'text-anchor="end">{escape(show(v, unit))}</text>'
        )
    every = max(1, math.ceil(len(labels) / 12))
    for i, label in enumerate(labels):
        if i % every == 0:
            out.append(
                f'<text class="insight-chart__label" x="{x(i)}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    if target is not None:
        out.append(
            f'<line class="insight-chart__target" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(float(target))}" y2="{y(float(target))}"/>'
        )
    for n, one in enumerate(series):
        css = f"insight-chart__series--{n % SERIES_CLASSES}"
        run: list[str] = []
        runs = [run]
        for i, (_, value) in enumerate(one.points):
            if value is None:
                run = []
                runs.append(run)
                continue
            run.append(f"{x(i)},{y(_as_float(value))}")
        for points in runs:
            if len(points) > 1:
                out.append(
                    f'<polyline class="insight-chart__line {css}" points="{" ".join(points)}"/>'
                )
        for i, (_, value) in enumerate(one.points):
            if value is not None:
                out.append(
                    f'<circle class="insight-chart__dot {css}" cx="{x(i)}" '
                    f'cy="{y(_as_float(value))}" r="3.5"/>'
                )
    if len(series) > 1:  # a key, under the axis
        for n, one in enumerate(series):
            css = f"insight-chart__series--{n % SERIES_CLASSES}"
            kx = LEFT + n * 150
            out.append(
                f'<rect class="insight-chart__key {css}" x="{kx}" y="{HEIGHT - 16}" '
                f'width="12" height="12"/><text class="insight-chart__label" x="{kx + 16}" '
                f'y="{HEIGHT - 6}">{escape(one.label[:22])}</text>'
            )
    out.append("</svg>")
    return mark_safe("".join(out))
