"""gunicorn's master compiles every template before the workers fork (``lantern.web.warm``)."""

from pathlib import Path

from django.template import engines

from lantern.web.warm import warm_up

LANTERN = Path(__file__).resolve().parents[2]


def test_every_page_template_of_ours_is_compiled_without_touching_the_database():
    ours = [p for p in LANTERN.rglob("*.html") if {"templates", "jinja2"} & set(p.parts)]

    compiled = warm_up()  # no django_db mark: any query here would fail the test

    assert compiled >= len(ours) > 50
    jinja = engines["jinja2"].env
    assert jinja.cache is not None and any("chronology_rows.html" in k[1] for k in jinja.cache)
