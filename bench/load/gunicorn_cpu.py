"""gunicorn's configuration for the load test: ``deploy/gunicorn.conf.py`` as production
runs it, plus the CPU each request cost its worker, so a run says which pages the cores
went on rather than one average (``run.py`` prints the table).

Each request appends one line, ``<cpu ms> <gc ms> <method> <path shape>``, to the file
named by ``LANTERN_LOAD_CPU_LOG``: the second figure is the part of the first spent in
Python's garbage collector, whose full collections walk everything a worker has kept. The
path's numbers become ``{id}`` and the query string is never written (search terms are
names): only whether a record was opened at its key events.
A sync worker serves one request at a time, so the process's CPU time between the two
hooks is that request's Python, templates and driver work; PostgreSQL's own work is in
its backends, not here.
"""

import gc
import os
import re
import runpy
import time
from pathlib import Path

globals().update(
    {
        name: value
        for name, value in runpy.run_path(
            str(Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py")
        ).items()
        if not name.startswith("__")
    }
)

NUMBER = re.compile(r"\d+")
_log = None
_collecting = {"since": 0.0, "spent": 0.0}


def _timed_collection(phase: str, info: dict) -> None:
    if phase == "start":
        _collecting["since"] = time.process_time()
    else:
        _collecting["spent"] += time.process_time() - _collecting["since"]


def shape(method: str, path: str, query: str) -> str:
    key = " (key events)" if "key=1" in query.split("&") else ""
    return f"{method} {NUMBER.sub('{id}', path)}{key}"


def pre_request(worker, req):
    global _log
    if _log is None:  # opened in the worker, after the fork; appends are atomic lines
        _log = open(os.environ["LANTERN_LOAD_CPU_LOG"], "a", buffering=1)  # noqa: SIM115
        gc.callbacks.append(_timed_collection)
    _collecting["spent"] = 0.0
    req.lantern_cpu_started = time.process_time()


def post_request(worker, req, environ, resp):
    spent = (time.process_time() - req.lantern_cpu_started) * 1000
    collected = _collecting["spent"] * 1000
    _log.write(f"{spent:.2f} {collected:.2f} {shape(req.method, req.path, req.query or '')}\n")
