"""Printing a table's cells by their column's unit, as the chart and the downloads do."""

from django import template

from lantern.insight.charts import show

register = template.Library()


@register.filter
def cell(row: dict, column) -> str:
    value = row.get(column.key)
    if column.unit is None:
        if value is None:
            return ""
        return f"{value:%d/%m/%Y}" if hasattr(value, "strftime") else str(value)
    return show(value, column.unit)
