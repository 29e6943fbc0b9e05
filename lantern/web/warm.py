"""Compile every page's templates once in gunicorn's master, before it forks the workers.

Django and Jinja2 compile a template on its first use in a process and keep it. With five
workers each compiling every page's templates on its own first requests, a worker's first
page took about half a second, and the first minutes after a restart (or a worker recycled
after ``max_requests``) were the slowest of the day: in the load test at 50 users the sign-in
pages' median was 400 ms against 20 for a warm page. Compiled in the master with the app
(``preload_app``), the templates are inherited by every worker at the fork. No database is
touched here: a connection must never cross a fork.
"""

from pathlib import Path

from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver


def warm_up() -> int:
    """Compiles the templates of both engines and the URL map; returns how many templates."""
    compiled = 0
    for engine in engines.all():
        for folder in map(Path, engine.template_dirs):
            for path in sorted(folder.rglob("*.html")):
                try:
                    engine.get_template(path.relative_to(folder).as_posix())
                except (TemplateDoesNotExist, TemplateSyntaxError):
                    continue  # a file another engine's folder holds, or not a page of ours
                compiled += 1
    get_resolver().reverse_dict  # noqa: B018 (built on first use: every link needs it)
    return compiled
