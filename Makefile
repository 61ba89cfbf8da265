# Spiritual G-Code: `make run` to serve, `make test` to test. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-scaleout lint migrations-check bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/daphne -b $(HOST) -p $(PORT) gcode_site.asgi:application

test: $(VENV)/.test-installed
	$(PY) -m pytest

# The scale-out path: PostgreSQL through DATABASE_URL and the Redis channel layer.
test-scaleout: $(VENV)/.test-installed
	DATABASE_URL=$${SCALEOUT_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	CHANNEL_LAYER=redis REDIS_URL=$${SCALEOUT_REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(PY) -m pytest -m "not browser" tests/web

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: $(VENV)/.runtime-installed
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
