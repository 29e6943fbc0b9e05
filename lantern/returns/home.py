"""The performance analyst's home: each return's latest build, and where to start one."""

from lantern.access.roles import BUILD_RETURNS
from lantern.returns import queries
from lantern.web.home import Section


def analyst_tasks(request) -> Section | None:
    if not request.user.has_perm(BUILD_RETURNS):
        return None
    latest = [
        (offered, offered.runs[0] if offered.runs else None)
        for offered in queries.returns_offered(recent=1)
    ]
    return Section("returns/home_analyst.html", {"latest": latest})
