# Spiritual G-Code: `make run` to serve, `make test` to test. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
EPHE_DIR := $(VENV)/share/swisseph
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-scaleout lint migrations-check bench bench-jobs bench-web clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Swiss Ephemeris files go where the settings look by default: <venv>/share/swisseph.
$(EPHE_DIR)/sepl_18.se1: requirements-ephemeris.txt | $(PY)
	rm -rf $(VENV)/ephemeris-download
	$(PY) -m pip install --quiet --no-deps --target $(VENV)/ephemeris-download -r requirements-ephemeris.txt
	mkdir -p $(EPHE_DIR)
	cp $(VENV)/ephemeris-download/flatlib/resources/swefiles/*.se1 $(EPHE_DIR)/
	rm -rf $(VENV)/ephemeris-download
	touch $@

$(VENV)/.runtime-installed: requirements.txt $(EPHE_DIR)/sepl_18.se1 | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt $(EPHE_DIR)/sepl_18.se1 | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.runtime-installed

# DEBUG is off unless set: a fresh clone (no .env) is served in development mode on 127.0.0.1.
RUN_ENV := $(if $(wildcard .env),,DEBUG=$${DEBUG:-True})

run: $(VENV)/.runtime-installed
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(VENV)/bin/daphne -b $(HOST) -p $(PORT) gcode_site.asgi:application

test: $(VENV)/.test-installed
	$(PY) -m pytest -m "not scaleout"

# The scale-out path: PostgreSQL through DATABASE_URL and the Redis channel layer. Tests that start their
# own server processes give them SQLite and the in-memory layer, so `make test` has run them already;
# here only the ones that start the scale-out recipe itself (marked scaleout) run.
test-scaleout: $(VENV)/.test-installed
	DATABASE_URL=$${SCALEOUT_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	CHANNEL_LAYER=redis REDIS_URL=$${SCALEOUT_REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(PY) -m pytest -m "not browser and (scaleout or not server)" tests/web tests/jobs tests/mail tests/gcode/test_daily_service.py

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

migrations-check: $(VENV)/.runtime-installed
	DEBUG=True $(PY) manage.py makemigrations --check --dry-run

# Benchmarks (not tests): charts and wheels per second beside kerykeion; numbers go into the README.
bench: $(VENV)/.test-installed
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) bench/bench_charts.py

bench-jobs: $(VENV)/.test-installed
	$(PY) bench/bench_daily_job.py 1000 10000

# The request path, live updates, 5,000 sockets and two workers (bench/bench_web.py), in a few minutes: one
# table, each figure beside its reference and target. Its load generator and socket client are its own (no
# package beyond requirements.txt). The two-worker rows use the Redis at BENCH_REDIS_URL
# (default redis://127.0.0.1:6379/0) and say so when there is none.
bench-web: $(VENV)/.runtime-installed
	$(PY) bench/bench_web.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
