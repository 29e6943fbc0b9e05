"""The system administrator's home: accounts waiting on them, and the council's set-up."""

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from lantern.access.roles import MANAGE_CLOCKS, MANAGE_STAFF
from lantern.web.home import Section
from lantern.workforce.models import RoleChangeRequest, Team

# Teams whose work needs a manager (allocation, oversight, sign-off); partner and
# administration "teams" only group accounts.
MANAGED = [
    Team.Kind.MASH,
    Team.Kind.ASSESSMENT,
    Team.Kind.CHILD_PROTECTION,
    Team.Kind.CHILDREN_IN_CARE,
    Team.Kind.LEAVING_CARE,
]


def locked_out() -> list[str]:
    """Usernames signing in is refused for now, after too many wrong passwords (django-axes,
    by account); each unlocks itself once the cool-off has passed."""
    from axes.models import AccessAttempt

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return sorted(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        )
        .exclude(username=None)
        .values_list("username", flat=True)
        .distinct()
    )


def without_authenticator() -> int:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    confirmed = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return User.objects.filter(is_active=True).exclude(pk__in=confirmed).count()


def admin_tasks(request) -> Section | None:
    if not request.user.has_perm(MANAGE_STAFF):
        return None
    return Section(
        "workforce/home_admin.html",
        {
            "waiting": RoleChangeRequest.objects.filter(
                status=RoleChangeRequest.Status.PENDING
            ).count(),
            "locked_out": locked_out(),
            "cool_off_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "without_authenticator": without_authenticator(),
            "second_factor": settings.LANTERN_REQUIRE_2FA,
            "teams_without_manager": list(
                Team.objects.filter(kind__in=MANAGED, manager__isnull=True).values_list(
                    "name", flat=True
                )
            ),
            "without_team": User.objects.filter(is_active=True, staff__team__isnull=True).count(),
            "may_set_timescales": request.user.has_perm(MANAGE_CLOCKS),
        },
    )
