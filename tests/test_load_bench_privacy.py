"""The load test's per-request CPU log (``bench/load/gunicorn_cpu.py``) holds no personal
data: a path's ids become ``{id}`` and a query string (search terms are names and dates of
birth) is never written, only whether a record was opened at its key events."""

import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / "bench" / "load" / "gunicorn_cpu.py"


def test_a_request_is_logged_by_its_shape_never_its_query():
    shape = runpy.run_path(str(CONFIG))["shape"]
    assert shape("GET", "/people/search/", "q=Kofi+Mensah+09/01/2014") == "GET /people/search/"
    assert shape("GET", "/people/4821/", "key=1&before=abc") == "GET /people/{id}/ (key events)"
    assert shape("POST", "/casework/77/visit/new/", "") == "POST /casework/{id}/visit/new/"
