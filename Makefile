# The one entry point: `make run` for a working demo, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
NETZWERKSTATT := $(BIN)/netzwerkstatt
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in one worker per core (pytest-xdist), at most four.
PYTEST_WORKERS ?= -n auto --maxprocesses 4

# Each app keeps its own German catalogue in <app>/locale/.
APPS := $(patsubst netzwerkstatt/%/apps.py,%,$(wildcard netzwerkstatt/*/apps.py))
PO_FILES := $(wildcard netzwerkstatt/*/locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Debian packages: gettext compiles translations; HarfBuzz and DejaVu fonts let WeasyPrint
# render German PDFs; chromium drives the browser tests, poppler-utils reads PDFs in tests,
# postgresql runs the suite a second time on PostgreSQL.
RUN_PACKAGES := gettext libharfbuzz-subset0 fonts-dejavu-core
TEST_PACKAGES := $(RUN_PACKAGES) chromium poppler-utils postgresql

.PHONY: install system-packages run demo test lint fmt messages lock bench clean

install: system-packages $(VENV)/.installed node_modules/.installed $(MO_FILES)

system-packages:
	@scripts/system-packages $(RUN_PACKAGES)

$(VENV)/.installed: requirements/main.txt requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/main.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

%.mo: %.po
	msgfmt --check-format -o $@ $<

demo: install
	$(NETZWERKSTATT) migrate --noinput
	$(NETZWERKSTATT) load-demo --url http://$(HOST):$(PORT)/

run: demo
	@echo "Netzwerkstatt läuft auf http://$(HOST):$(PORT)/ (Strg+C beendet den Server)"
	$(NETZWERKSTATT) runserver $(HOST):$(PORT)

test: install
	@scripts/system-packages $(TEST_PACKAGES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -r netzwerkstatt -ll -c pyproject.toml
	DJANGO_SETTINGS_MODULE=netzwerkstatt.settings.test $(NETZWERKSTATT) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_WORKERS)
	@echo "The suite again on PostgreSQL (the browser tests ran above; they test no SQL of their own):"
	DATABASE_URL=$$(scripts/postgres-test-server) $(BIN)/pytest $(PYTEST_WORKERS) -m "not browser" -p no:randomly

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the German catalogue after changing UI strings.
messages: install
	for app in $(APPS); do \
		mkdir -p netzwerkstatt/$$app/locale && \
		(cd netzwerkstatt/$$app && ../../$(NETZWERKSTATT) makemessages --locale de --no-obsolete --add-location file) || exit 1; \
	done

# Re-pin the Python dependencies from requirements/*.in.
lock: install
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links requirements/main.in -o requirements/main.txt
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links requirements/dev.in -o requirements/dev.txt

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) node_modules staticfiles
