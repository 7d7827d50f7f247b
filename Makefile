# 甬零工 — set-up, serve and test. `make run` and `make test` do everything on a fresh machine.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
AXE    := node_modules/axe-core/axe.min.js
export FLASK_APP := app

.PHONY: install install-test system-deps nodejs translations migrate seed run test test-sqlite lint browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: system-deps $(VENV)/.installed translations

install-test: $(VENV)/.installed-test translations browser $(AXE)

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d marketplace/translations

migrate: install
	$(BIN)/flask db upgrade

seed: migrate
	$(BIN)/flask seed --demo

# The web server and the scheduler side by side (Procfile); Ctrl+C stops both.
run: seed
	@echo "Serving on http://$(HOST):$(PORT) with the scheduler beside it — press Ctrl+C to stop."
	PATH="$(abspath $(BIN)):$$PATH" WEB_HOST=$(HOST) WEB_PORT=$(PORT) $(BIN)/honcho start

# WeasyPrint's Pango/HarfBuzz and a CJK font for the agreement PDFs (Debian packages, root only).
WEASY_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-wqy-microhei
system-deps:
	@if ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libharfbuzz-subset \
	  && fc-list 2>/dev/null | grep -qiE 'wqy|cjk'; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(WEASY_DEBS) >/dev/null; \
	else echo "PDF libraries are missing: run 'sudo apt-get install $(WEASY_DEBS)'"; exit 1; fi

# Debian's Node.js and npm, to install the test-only JavaScript in package-lock.json.
nodejs:
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "npm is missing: run 'sudo apt-get install nodejs npm'"; exit 1; fi; \
	fi

# Debian's Chromium for the end-to-end tests (never a browser download).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium'"; exit 1; fi; \
	fi

# axe-core for the accessibility checks in the end-to-end tests, pinned in package-lock.json.
# npm keeps the package's own file dates, so the touch marks when this lock file was installed.
$(AXE): package.json package-lock.json | nodejs
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check marketplace matching tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache node_modules
