# Two commands: `make demo` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The DfE's return validators pin pandas < 2 and numpy < 1.25, so they get a virtualenv of
# their own that Lantern calls as a subprocess (lantern/care/validator_lists.py).
VALIDATORS_PYTHON ?= python3.11
VALIDATORS_VENV := .venv-validators
SEED ?= 1
SCALE ?= 1
PORT ?= 8000
DEMO_DB := var/demo.sqlite3

.PHONY: demo test install lock lint format bench bench-matching screenshots clean

# Development settings (DEBUG, plain-HTTP cookies, password-only sign-in, SQLite) only when
# asked for: lantern/settings.py defaults to production.
DEV := LANTERN_ENV=development

install: $(VENV)/.installed $(VALIDATORS_VENV)/.installed node_modules/.installed

# Exact versions with hashes from requirements.lock, then Lantern itself without resolving
# anything else, so every checkout and CI run tests the same packages.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The validators from requirements-validators.lock, hashed like Lantern's own; about 40 s.
$(VALIDATORS_VENV)/.installed: requirements-validators.lock
	$(VALIDATORS_PYTHON) -m venv $(VALIDATORS_VENV)
	$(VALIDATORS_VENV)/bin/pip install --quiet --require-hashes \
		-r requirements-validators.lock
	touch $@

# Recompile requirements.lock from pyproject.toml (runtime and dev extras, Python 3.11 on
# Linux). Versions already pinned are kept unless LOCK_FLAGS=--upgrade.
LOCK_FLAGS ?=
lock:
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet uv; }
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--python-platform linux --generate-hashes --quiet $(LOCK_FLAGS) -o requirements.lock
	$(BIN)/uv pip compile requirements-validators.in --python-version 3.11 \
		--python-platform linux --generate-hashes --quiet $(LOCK_FLAGS) \
		-o requirements-validators.lock

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# A fresh synthetic borough every time, on SQLite, served on http://127.0.0.1:$(PORT).
# The demo signs in with a password alone; everywhere else staff need a TOTP code too.
# `lantern scheduler` runs beside the server (the jobs on their schedules, and queued tasks
# such as applying a changed signal threshold) and stops with it.
demo: install
	mkdir -p var
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(DEV) DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/lantern migrate --verbosity 0
	$(DEV) DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) \
		$(BIN)/lantern demo --seed $(SEED) --scale $(SCALE)
	@echo "Lantern is at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(DEV) DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/lantern scheduler & \
	scheduler=$$!; trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT INT TERM; \
	$(DEV) DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) LANTERN_REQUIRE_2FA=0 \
		$(BIN)/lantern runserver 127.0.0.1:$(PORT) --noreload

# The whole suite. SQLite by default; set DATABASE_URL=postgres://… to run it on PostgreSQL.
# On every core (pytest-xdist, one test database per worker); JOBS=0 runs it in one process.
JOBS ?= auto
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(DEV) $(BIN)/pytest -n $(JOBS)

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

format:
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

# Speed goals: each script prints its figures beside a baseline measured in the same run.
bench: install
	$(DEV) $(BIN)/python bench/chronology.py
	$(DEV) $(BIN)/python bench/clocks.py

# About 20 minutes on two cores: 1M-person index, 100k incoming, against Splink and recordlinkage.
bench-matching: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python bench/matching.py

# Every role's key pages on a laptop and a 320 px phone, from a small synthetic borough in a
# throwaway database: PNGs in var/screenshots/ (paths printed). Needs Debian's chromium.
screenshots: install
	$(DEV) $(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) $(VALIDATORS_VENV) node_modules var staticfiles
