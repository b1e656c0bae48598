# The README's commands. Everything runs inside a local virtual environment (.venv).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)
STAMP := $(VENV)/.installed

.PHONY: demo install test test-fast lint format check messages run clean bench load render lighthouse offline bench-import

# Python packages from PyPI (pinned by constraints.txt); front-end packages from the npm
# registry (pinned by package-lock.json): the typeface and the HTML checker the tests run.
$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

# The development server, with the scheduler beside it (home/management/commands/
# run_scheduler.py: `publish_scheduled` every SCHEDULER_INTERVAL seconds, as production's
# cron does every minute), stopped when the server stops (Ctrl-C included); the scheduler
# also stops by itself if this shell dies. Both share the cache in var/cache/ (cms/settings/dev.py).
SCHEDULER_INTERVAL ?= 60
SERVE = $(DEV) $(BIN)/python manage.py run_scheduler --interval $(SCHEDULER_INTERVAL) --parent $$$$ & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; $(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Set everything up, load the demo content and serve it on http://127.0.0.1:$(PORT)/,
## publishing what is scheduled every minute
demo: $(STAMP)
	$(DEV) $(BIN)/python manage.py migrate --no-input
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py ensure_demo_admin
	$(SERVE)

## Serve (and publish what is scheduled) without reloading the demo content
run: $(STAMP)
	$(SERVE)

## The whole test suite (SQLite by default; DATABASE_URL selects another database).
## The non-browser tests run on JOBS processes; the browser tests (a live server and a
## transactional database) run after them, on BROWSER_JOBS processes; BROWSER=0 leaves them
## out. Both runs share one folder (TEST_RUN_DIR): the database is migrated and the demo
## loaded once for the whole run (tests/once_per_run.py). Pytest's "no test selected"
## (exit 5) is not a failure for the browser run when PYTEST_ARGS narrows it.
JOBS ?= 2
BROWSER ?= 1
BROWSER_JOBS ?= 2
test: $(STAMP)
	run=$$(mktemp -d "$${TMPDIR:-/tmp}/rencontres-tests.XXXXXX"); trap 'rm -rf "$$run"' EXIT; \
	export TEST_RUN_DIR="$$run"; \
	$(BIN)/python -m pytest -n $(JOBS) -m "not browser" $(PYTEST_ARGS) || exit $$?; \
	if [ "$(BROWSER)" = 1 ]; then \
		$(BIN)/python -m pytest -n $(BROWSER_JOBS) -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]; \
	fi

## The inner loop: the non-browser tests less the slow ones (tests/conftest.py, SLOW)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) -m "not browser and not slow" $(PYTEST_ARGS)

## The benchmark and the load-and-fault run (need Debian's wrk, redis-server, postgresql-15);
## they print tables, recorded in docs/performance.md. Not tests: nothing here is timed in CI.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## In-process render times without the page cache (SQLite, DEBUG off); a table, not a test.
render: $(STAMP)
	$(BIN)/python -m bench.render $(BENCH_ARGS)

## The spreadsheet import confirmed for 80 sessions (create, update, unchanged); a table.
bench-import: $(STAMP)
	$(BIN)/python -m bench.importing $(BENCH_ARGS)

## What the service worker keeps offline, compressed, per edition and language; a table.
offline: $(STAMP)
	$(BIN)/python -m bench.offline $(BENCH_ARGS)

## Lighthouse (npm, a dev dependency) with Debian's Chromium on the server of `make bench`.
lighthouse: $(STAMP)
	$(BIN)/python -m bench.lighthouse $(BENCH_ARGS)

load: $(STAMP)
	$(BIN)/python -m bench.faults $(BENCH_ARGS)

check: $(STAMP)
	$(DEV) $(BIN)/python manage.py check --fail-level WARNING
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

lint: check

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

## Refresh the interface-string catalogues (needs GNU gettext) and compile them
messages: $(STAMP)
	$(DEV) $(BIN)/python manage.py makemessages --locale fr --locale en --locale es --ignore ".venv/*" --ignore "var/*" --ignore "node_modules/*" --no-obsolete
	$(DEV) $(BIN)/python manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*"

clean:
	rm -rf $(VENV) var
