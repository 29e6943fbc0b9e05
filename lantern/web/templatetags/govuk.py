"""One error summary and one "Error: " title per page, read from every form the page has.

A page may hold several forms (a referral has one per child and adult) and a refusal
(``error``); the Design System asks for one summary of them all, and for the page title to
start with "Error: " so a screen reader user hears it first. Both are worked out here from
the template's context, so no page has to remember.
"""

from django import forms, template

register = template.Library()
LIST_LIMIT = 50  # a context list longer than this is rows of data, not forms


def _forms_in(value, depth: int = 0, heading: str = ""):
    """(heading, form) for each form in a context value; a ``(heading, form)`` pair, as a
    page with a form per person passes, names whose form an error is on."""
    if isinstance(value, forms.BaseForm):
        yield heading, value
    elif isinstance(value, list | tuple) and depth < 2 and len(value) <= LIST_LIMIT:
        if len(value) == 2 and isinstance(value[0], str):
            heading = value[0]
        for item in value:  # most items are rows of data: no generator for each of them
            if isinstance(item, forms.BaseForm):
                yield heading, item
            elif isinstance(item, list | tuple):
                yield from _forms_in(item, depth + 1, heading)


def page_errors(context) -> list[dict]:
    """Each error on the page once: its message and, for a field, the id to link to."""
    items, seen = [], set()
    for value in context.flatten().values():
        for heading, form in _forms_in(value):
            # Only a form the view has checked: asking a bound but unchecked one (a search
            # box bound to an empty query) would invent errors nobody was shown.
            checked = form.is_bound and form._errors is not None
            if id(form) in seen or not checked or not form.errors:
                continue
            seen.add(id(form))
            named = f"{heading}: " if heading else ""
            for field in form:
                items += [
                    {"message": f"{named}{m}", "href": f"#{field.id_for_label}"}
                    for m in field.errors
                ]
            items += [{"message": f"{named}{m}", "href": ""} for m in form.non_field_errors()]
    error = context.get("error")
    if isinstance(error, str) and error and all(i["message"] != error for i in items):
        items.append({"message": error, "href": ""})
    return items


@register.simple_tag(takes_context=True)
def error_items(context) -> list[dict]:
    return page_errors(context)


class ErrorTitleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        title = self.nodelist.render(context).strip()
        if page_errors(context) and not title.startswith("Error:"):
            title = f"Error: {title}"
        return title


@register.tag
def error_title(parser, token):
    """``{% error_title %}…{% enderror_title %}``: the title, after "Error: " when the page
    shows errors (once, even where the page's own title block already says it)."""
    nodelist = parser.parse(("enderror_title",))
    parser.delete_first_token()
    return ErrorTitleNode(nodelist)
