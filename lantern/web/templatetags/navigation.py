"""``{% navigation %}``: the service menu, rendered once per set of permissions.

The menu is fifteen permission checks and fifteen URL reversals on every page, and it
depends on nothing but the permissions the user holds (which come from their roles), so it
is rendered the first time a process meets a set of permissions and reused after. There
are only as many sets as combinations of roles in use.
"""

from functools import lru_cache

from django import template
from django.contrib.auth.context_processors import PermWrapper
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=64)
def _menu_for(permissions: frozenset[str]) -> str:
    return render_to_string("web/_navigation.html", {"perms": PermWrapper(_Holder(permissions))})


@register.simple_tag(takes_context=True)
def navigation(context) -> str:
    permissions = frozenset(context["request"].user.get_all_permissions())
    return mark_safe(_menu_for(permissions))  # our own template: no user input in it


class _Holder:
    """Stands for the user when the menu is rendered: it answers from the permission set
    (the cache key) alone, so a cached menu can never hold a check made on anything else."""

    def __init__(self, permissions: frozenset[str]):
        self.permissions = permissions

    def has_perm(self, perm, obj=None) -> bool:
        return perm in self.permissions

    def has_module_perms(self, app_label) -> bool:
        return any(p.startswith(f"{app_label}.") for p in self.permissions)
