"""Permissions from the roles table in code, not from three joined tables on every request.

Django's ``ModelBackend`` answers ``has_perm`` by loading the user's own permissions and
their groups' permissions from the database: two joined queries on every page, the largest
single cost of an otherwise empty page (about a third of its CPU). In Lantern a permission
comes from a role and nowhere else: ``roles.ROLE_PERMISSIONS`` is the whole grant, and
``sync_roles`` makes each role's group hold exactly it after every migrate. So the role
names the user holds (one small query, shared with the access policy's own look at them)
are enough to answer, and a permission added to a group or to a user by hand in the
database grants nothing: deny unless the roles table allows.

Signing in is unchanged (``ModelBackend.authenticate``: the password and ``is_active``).
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, User
from django.db.models import F

from lantern.access import roles
from lantern.prepared import prepared


@prepared
def _roles_of(user_id):
    return Group.objects.filter(user=user_id).values_list("name", flat=True)


@prepared
def _user(user_id):
    """The user, once for each role they hold (once, with ``held`` None, for none): the
    account and its roles in one statement, where every request read them in two."""
    return User.objects.filter(pk=user_id).annotate(held=F("groups__name"))


def role_names(user) -> set[str]:
    """The names of the roles ``user`` holds, read once per request and kept on the user."""
    names = getattr(user, "_lantern_roles", None)
    if names is None:
        names = set(_roles_of(user.pk)) if isinstance(user.pk, int) else set()
        user._lantern_roles = names
    return names


class RoleBackend(ModelBackend):
    def get_user(self, user_id):
        """The signed-in user of every request, read with SQL written once (``prepared``)."""
        if not isinstance(user_id, int) or isinstance(user_id, bool):
            return super().get_user(user_id)
        found = _user(user_id)
        if not found or not self.user_can_authenticate(found[0]):
            return None
        user = found[0]
        user._lantern_roles = {row.held for row in found if row.held is not None}
        return user

    def get_user_permissions(self, user_obj, obj=None):
        return set()  # never granted to a person directly: only through a role

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return {
            code for name in role_names(user_obj) for code in roles.ROLE_PERMISSIONS.get(name, ())
        }

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cached = getattr(user_obj, "_lantern_perm_cache", None)
        if cached is None:
            cached = self.get_group_permissions(user_obj)
            user_obj._lantern_perm_cache = cached
        return cached
