# GCU Tracker. `make run` serves the sample records; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
# `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

.PHONY: install system-libraries run serve backup restore loadtest test lint format migrations-check bench bench-import clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	@$(MAKE) --no-print-directory system-libraries
	touch $(STAMP)

# The PDF of the report needs Pango. Installed here when this is Debian or Ubuntu run as
# root; otherwise a note says what to install.
system-libraries:
	@$(PYTHON) -c "import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library('pango-1.0') else 1)" \
	|| { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	     else \
	       echo "Note: the report's PDF needs the Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (Debian, Ubuntu) or brew install pango (macOS)."; \
	     fi; }

# The translation catalogues are compiled from locale/*/*.po on every install, run and
# test (only those that changed), in Python: no gettext tools needed.
install: $(STAMP)
	@$(DEV_ENV) $(MANAGE) compile_catalogues --verbosity 0

# For translators: extracts the messages of the code into locale/fr and locale/es (with
# their locations), lists what is untranslated or fuzzy per language, then compiles.
# Needs GNU gettext (apt-get install gettext). Fails while anything is left to translate.
messages: install
	$(DEV_ENV) $(MANAGE) makemessages -l fr -l es
	$(DEV_ENV) $(MANAGE) catalogue_status
	$(DEV_ENV) $(MANAGE) compile_catalogues

# Debug mode, on this machine only: the settings refuse it for any other host name.
DEV_ENV = DJANGO_DEBUG=true

# Static files as a server serves them: collected with hashed names and compressed copies,
# then served by WhiteNoise (runserver's own plain static files turned off).
RUN_ENV = $(DEV_ENV) DJANGO_STATIC_COLLECTED=true

# Collected again when a static file or an installed package changed.
COLLECTED := staticfiles/staticfiles.json
$(COLLECTED): $(STAMP) $(shell find static -type f)
	$(RUN_ENV) $(MANAGE) collectstatic --no-input --verbosity 0

run: install $(COLLECTED)
	$(RUN_ENV) $(MANAGE) migrate --no-input
	$(RUN_ENV) $(MANAGE) load_sample_data
	$(RUN_ENV) $(MANAGE) create_dev_admin
	@# The background worker (imports, large exports, report builds) beside the server,
	@# stopped with it.
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(MANAGE) db_worker --no-reload --interval 0.5 & worker=$$!; \
	$(RUN_ENV) $(MANAGE) runserver --nostatic 127.0.0.1:$(PORT)

# A key for local trials of `make serve` only, kept out of git; servers set DJANGO_SECRET_KEY.
LOCAL_SECRET_KEY := var/secret_key

$(LOCAL_SECRET_KEY):
	mkdir -p $(dir $@)
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# The production stack (gunicorn, WhiteNoise, DEBUG off) on http://127.0.0.1:8000. Only for
# local trials: it turns off the HTTPS redirect, secure cookies and HSTS, which a real
# server behind its TLS proxy keeps on (README.md, Deploy).
SERVE_ENV = DJANGO_DEBUG=false \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(LOCAL_SECRET_KEY))}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false DJANGO_SECURE_HSTS_SECONDS=0

serve: install $(LOCAL_SECRET_KEY)
	$(SERVE_ENV) $(MANAGE) collectstatic --no-input --verbosity 0
	$(SERVE_ENV) $(MANAGE) migrate --no-input
	@# Production runs two processes (README.md, Deploy): the app server and the worker,
	@# `manage.py db_worker`. Here the worker is stopped with the server.
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(MANAGE) db_worker --no-reload & worker=$$!; \
	$(SERVE_ENV) $(BIN)/gunicorn -c gunicorn.conf.py gcu_tracker.wsgi

# backups/gcu-tracker-<database>-<time>.dump (PostgreSQL) or .json.gz (SQLite).
# On a server the environment says DJANGO_DEBUG=false; on a developer's machine these work
# on the `make run` database.
backup: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(MANAGE) backup

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/<file>" >&2; exit 2; }
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(MANAGE) restore "$(FILE)"

# 32 connections for 60 s against `make serve` on PostgreSQL with 100,000 demo activities;
# SERVERS=2 runs two app servers on the one database and cache, and checks that a write
# through one is seen through the other.
loadtest: install
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | sort -n | tail -n 1) main start
	$(BIN)/python loadtest/run.py $(if $(SERVERS),--servers $(SERVERS))

# The suite on every core (pytest-xdist); each worker has a test database of its own.
test: install
	$(BIN)/pytest -n auto --dist worksteal $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run

bench: install
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | sort -n | tail -n 1) main start
	$(BIN)/python bench/run.py

# The import preview of files whose rows share one day, type and place (500 to 5,000 rows),
# then 100,000 rows checked and imported by the background worker (time, peak memory).
bench-import: install
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | sort -n | tail -n 1) main start
	$(BIN)/python bench/import_preview.py
	$(BIN)/python bench/import_background.py $(or $(ROWS),100000)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
